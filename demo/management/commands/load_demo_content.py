"""Load the demo portal. Idempotent: running it again creates no duplicates and keeps
whatever an editor changed in between."""

from django.core.management.base import BaseCommand
from django.db import transaction

from demo.content import DemoContent
from demo.english import EnglishDemo
from demo.legal import LegalDemo
from demo.organisation import OrganisationDemo
from demo.portal_chrome import PortalChromeDemo
from demo.work_calendar import WorkCalendarDemo


class Command(BaseCommand):
    help = "Load the demo content and its English translation (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        demo = DemoContent().load()
        EnglishDemo(demo).load()
        legal = LegalDemo(demo).load()
        legal.load_english()
        OrganisationDemo(demo).load().load_english()
        WorkCalendarDemo(demo).load()
        PortalChromeDemo(demo).load()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: the seed report is at {demo.seed_report.url}, the "
                f"documents at {legal.index.url}"
            )
        )
