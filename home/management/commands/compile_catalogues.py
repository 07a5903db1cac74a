"""Compile each locale/<lang>/LC_MESSAGES folder into one django.mo, with polib.

A folder holds `django.po` (our own strings, kept by `makemessages`) and further
catalogues such as `wagtail_admin.po` (our Vietnamese for Wagtail's and
wagtail-localize's admin strings, which `makemessages` would otherwise mark
obsolete). All are merged into `django.mo`, which Django reads before any app's
catalogue; `django.po` wins where two define the same string.

Django's own `compilemessages` needs GNU gettext, which a fresh machine with only
Python may lack; polib comes with wagtail-localize.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def merged_catalogue(folder: Path) -> polib.POFile:
    merged = polib.POFile()
    entries = {}
    sources = sorted(folder.glob("*.po"), key=lambda path: path.name == "django.po")
    for po_path in sources:
        catalogue = polib.pofile(str(po_path))
        if po_path.name == "django.po" or not merged.metadata:
            merged.metadata = catalogue.metadata
        for entry in catalogue.translated_entries():
            entries[(entry.msgctxt, entry.msgid)] = entry
    for entry in entries.values():
        merged.append(entry)
    return merged


class Command(BaseCommand):
    help = "Compile the project's translation catalogues into django.mo files."

    def handle(self, *args, **options):
        count = 0
        for locale_path in settings.LOCALE_PATHS:
            for folder in sorted(Path(locale_path).glob("*/LC_MESSAGES")):
                sources = list(folder.glob("*.po"))
                if not sources:
                    continue
                mo_path = folder / "django.mo"
                newest = max(path.stat().st_mtime for path in sources)
                if mo_path.exists() and mo_path.stat().st_mtime >= newest:
                    continue
                merged_catalogue(folder).save_as_mofile(str(mo_path))
                count += 1
        self.stdout.write(f"Compiled {count} catalogue(s).")
