"""Remove the change log's rows older than API_CHANGES_RETENTION_DAYS (run it daily from
cron or a systemd timer; `--enqueue` hands it to the django-tasks backend)."""

from django.core.management.base import BaseCommand

from core.changes.pruning import prune
from core.changes.tasks import prune_content_changes_task


class Command(BaseCommand):
    help = "Remove the change log's rows older than API_CHANGES_RETENTION_DAYS."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="Enqueue prune_content_changes_task instead."
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            result = prune_content_changes_task.enqueue()
            self.stdout.write(f"Enqueued prune_content_changes_task ({result.id}).")
            return
        self.stdout.write(f"Removed {prune()} change(s).")
