"""`manage.py replica_status`: each read replica as the router sees it (core/replicas.py)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core import replicas


class Command(BaseCommand):
    help = (
        "Check each read replica of DATABASE_REPLICA_URL now: up or down, its lag in seconds "
        "and how far behind the primary it is, and whether readers may read from it."
    )

    def handle(self, *args, **options):
        if not settings.DATABASE_REPLICAS:
            raise CommandError("No replicas: DATABASE_REPLICA_URL is empty.")
        primary = replicas.current_position()
        failing = 0
        for alias in settings.DATABASE_REPLICAS:
            status = replicas.check(alias)
            if not status.up:
                failing += 1
                self.stdout.write(f"{alias}: down")
                continue
            usable = status.lag <= settings.REPLICA_MAX_LAG_SECONDS
            failing += not usable
            self.stdout.write(
                f"{alias}: up, lag {status.lag:.3f} s, {max(0, primary - status.replayed):,} "
                f"bytes behind the primary, "
                + ("in use" if usable else f"skipped (over {settings.REPLICA_MAX_LAG_SECONDS:g} s)")
            )
        if failing:
            raise CommandError(f"{failing} of {len(settings.DATABASE_REPLICAS)} replicas unusable.")
