"""Compile each locale/<lang>/LC_MESSAGES folder into django.mo and djangojs.mo, with polib.

A folder holds `django.po` (our own strings, kept by `makemessages`) and further
catalogues such as `wagtail_admin.po` (our Vietnamese for Wagtail's and
wagtail-localize's server-side admin strings, which `makemessages` would otherwise
mark obsolete). Files named `djangojs*.po` (such as `djangojs_wagtail.po`, the
admin's JavaScript strings) are merged into `djangojs.mo`, which Django's
JavaScriptCatalog (the admin's `jsi18n` views) reads; all other `.po` files are
merged into `django.mo`. Django reads LOCALE_PATHS before any app's catalogue, so
these entries override the apps' own translations. Within a domain, the file named
after it (`django.po`, `djangojs.po`) wins where two define the same string.

A `.mo` file is rebuilt only when one of its sources is newer. After writing one,
the command clears this process's translation caches (as Django's autoreloader
does when a `.mo` file changes), so a caller in the same process, such as a test,
sees the new catalogue at once. `.mo` files are build output, kept out of git.

Django's own `compilemessages` needs GNU gettext, which a fresh machine with only
Python may lack; polib comes with wagtail-localize.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation.reloader import translation_file_changed

DOMAINS = ("django", "djangojs")


def domain_of(po_path: Path) -> str:
    return "djangojs" if po_path.name.startswith("djangojs") else "django"


def merged_catalogue(sources: list[Path], domain: str) -> polib.POFile:
    """One catalogue from `sources`; the file named `<domain>.po` wins conflicts."""
    merged = polib.POFile()
    entries = {}
    main = f"{domain}.po"
    for po_path in sorted(sources, key=lambda path: (path.name == main, path.name)):
        catalogue = polib.pofile(str(po_path))
        if po_path.name == main or not merged.metadata:
            merged.metadata = catalogue.metadata
        for entry in catalogue.translated_entries():
            entries[(entry.msgctxt, entry.msgid)] = entry
    for entry in entries.values():
        merged.append(entry)
    return merged


class Command(BaseCommand):
    help = "Compile the project's translation catalogues into django.mo and djangojs.mo files."

    def handle(self, *args, **options):
        count = 0
        for locale_path in settings.LOCALE_PATHS:
            for folder in sorted(Path(locale_path).glob("*/LC_MESSAGES")):
                for domain in DOMAINS:
                    sources = [path for path in folder.glob("*.po") if domain_of(path) == domain]
                    if not sources:
                        continue
                    mo_path = folder / f"{domain}.mo"
                    newest = max(path.stat().st_mtime for path in sources)
                    if mo_path.exists() and mo_path.stat().st_mtime >= newest:
                        continue
                    merged_catalogue(sources, domain).save_as_mofile(str(mo_path))
                    translation_file_changed(sender=self, file_path=mo_path)
                    count += 1
        self.stdout.write(f"Compiled {count} catalogue(s).")
