"""`manage.py restore BACKUP`: replace the database and the media files with a backup's."""

from django.core.management.base import BaseCommand, CommandError

from core.backups import read_manifest, restore


class Command(BaseCommand):
    help = "Restore the database and the media files from a folder written by `backup`."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The backup's folder, e.g. backups/20250101-020000.")
        parser.add_argument(
            "--noinput", action="store_false", dest="interactive", help="Do not ask to confirm."
        )

    def handle(self, *args, **options):
        manifest = read_manifest(options["backup"])
        if options["interactive"]:
            answer = input(
                f"Replace the database and every media file with the backup of "
                f"{manifest['created']}? Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        restore(options["backup"])
        self.stdout.write(self.style.SUCCESS(f"Restored {options['backup']}"))
