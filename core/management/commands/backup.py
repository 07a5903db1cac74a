"""`manage.py backup`: the database and the media files into backups/<timestamp>/."""

from django.conf import settings
from django.core.management.base import BaseCommand

from core.backups import backup


class Command(BaseCommand):
    help = "Back up the database (pg_dump, or SQLite's backup API) and the media files."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=str(settings.BASE_DIR / "backups"),
            help="Folder that receives the backup's own timestamped folder (default: backups/).",
        )

    def handle(self, *args, **options):
        folder = backup(options["output"])
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
