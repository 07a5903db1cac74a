"""Fold the visitor counts of the cache into the database.

Run it every few minutes from cron or a systemd timer (README.md, docs/visits.md):
`--enqueue` hands the work to the django-tasks backend (TASKS) instead of doing it here.
"""

from django.core.management.base import BaseCommand, CommandError
from redis.exceptions import RedisError

from visits.counting import fold
from visits.tasks import fold_visits_task


class Command(BaseCommand):
    help = "Fold the visitor counts of the cache into the database."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="Enqueue the fold_visits_task instead."
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            result = fold_visits_task.enqueue()
            self.stdout.write(f"Enqueued fold_visits_task ({result.id}).")
            return
        try:
            folded = fold()
        except RedisError as error:
            raise CommandError(f"The cache is unavailable: {error}") from error
        if folded is None:
            self.stdout.write("Another fold is running; nothing done.")
        else:
            self.stdout.write(f"Folded {folded['days']} day(s) and {folded['pages']} page(s).")
