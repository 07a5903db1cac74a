"""`manage.py publish_scheduled`, Wagtail's, run by one node at a time: every node's cron may
start it each minute, and a page due is published once (one revision, one log entry, one
webhook delivery), not once per node."""

from wagtail.management.commands.publish_scheduled import Command as WagtailCommand

from core.locks import exclusive


class Command(WagtailCommand):
    def handle(self, *args, **options):
        with exclusive("publish_scheduled") as held:
            if not held:
                self.stdout.write("Another node is publishing the scheduled pages: skipped.")
                return
            super().handle(*args, **options)
