"""How many of the admin's catalogue entries are translated, as Django resolves them.

(`manage.py admin_translation_coverage --catalogues`; the command's headline figure is
measured on the rendered screens, see editorial/admin_screens.py.)

The strings are the msgids of the English source catalogues
(`locale/en/LC_MESSAGES/django.po` and `djangojs.po`) of Wagtail's and
wagtail-localize's apps on the editing path, plus the Django and django-taggit
strings the admin shows. Each is looked up the way Django does at run time: for
the `django` domain, a fresh `DjangoTranslation` (our `locale/` first, then the
installed apps' catalogues, then Django's own); for `djangojs`, the translation
the admin's JavaScript catalogue view builds for that package. A sentinel
fallback at the end of the chain tells a missing string from one whose
translation happens to equal the English ("Email", "URL").

Each string counts once, in the first catalogue of SOURCES that holds it, and is
put in the screen area of the first AREAS rule that matches one of its source
locations in that catalogue.
"""

import gettext as gettext_module
import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path

import polib
from django.core.management.base import CommandError
from django.utils.translation.trans_real import DjangoTranslation
from django.views.i18n import JavaScriptCatalog

# (package, domain, locale folder inside the package): the source catalogues.
SOURCES = [
    ("wagtail.admin", "django", "locale"),
    ("wagtail.admin", "djangojs", "locale"),
    ("wagtail", "django", "locale"),
    ("wagtail.snippets", "django", "locale"),
    ("wagtail.images", "django", "locale"),
    ("wagtail.documents", "django", "locale"),
    ("wagtail.search", "django", "locale"),
    ("wagtail.users", "django", "locale"),
    ("wagtail.locales", "django", "locale"),
    ("wagtail.sites", "django", "locale"),
    ("wagtail.embeds", "django", "locale"),
    ("wagtail.contrib.settings", "django", "locale"),
    ("wagtail.contrib.table_block", "django", "locale"),
    ("wagtail.contrib.typed_table_block", "django", "locale"),
    ("wagtail.contrib.redirects", "django", "locale"),
    ("wagtail.contrib.forms", "django", "locale"),
    ("wagtail_localize", "django", "locale"),
    ("wagtail_localize", "djangojs", "locale"),
    ("wagtail_localize.locales", "django", "locale"),
    ("django.contrib.auth", "django", "locale"),
    ("django", "django", "conf/locale"),
    ("taggit", "django", "locale"),
]

# Source locations ("package:path") no editor can meet: Django's welcome page is
# shown only by a project without URLs.
EXCLUDE = re.compile(r"^django:views/templates/default_urlconf\.html$")

# Screen areas, first match wins; patterns are searched in "package:path".
AREAS = [
    ("localize", r"^wagtail_localize|^wagtail\.locales:|status/locale\.html"),
    ("snippets", r"^wagtail\.snippets:"),
    ("images", r"^wagtail\.images:"),
    ("documents", r"^wagtail\.documents:"),
    ("dashboard", r"wagtailadmin/home|views/home\.py|WagtailBranding|SubMenuItem|ActionMenuItem"),
    (
        "account & users",
        r"^wagtail\.users:|^django\.contrib\.auth:|^wagtail\.admin:(.*/)?account|login"
        r"|forms/auth\.py",
    ),
    ("Django & taggit (forms, validation)", r"^(django|taggit):"),
    (
        "search",
        r"^wagtail\.search:|forms/search\.py|pages/search_results|shared/search_other"
        r"|_search_results|generic/chooser/results|Sidebar/modules/Search",
    ),
    (
        "publishing & workflow",
        r"action_menu|workflow|notifications/|(^|[:/])locks?\.py|draft_state"
        r"|schedule_publishing|unpublish|revisions|privacy|view_restrictions"
        r"|status/(locked|usage)|reports/(locked|aging)|_list_unlock|^wagtail:wagtail_hooks\.py"
        r"|history|audit_log|Autosave|autosave|editing_sessions|usage",
    ),
    (
        "editor",
        r"panels|formatted_field|^wagtail:blocks/|StreamField|Draftail|CommentApp|Minimap"
        r"|ComboBox|comments|table_block|embeds|views/pages/(create|edit|preview)|preview"
        r"|chooser|Preview|contentMetrics|sidePanel|userbar|^wagtail:models/pages\.py"
        r"|^wagtail\.admin:forms/(pages|models|comments|tags)\.py|widgets|Widget"
        r"|^wagtail\.admin:wagtail_hooks\.py|wagtailadmin_tags|unsaved_changes"
        r"|LocaleController",
    ),
    (
        "explorer",
        r"wagtailadmin/pages/|views/pages/|ui/tables|PageExplorer|bulk_actions"
        r"|localization\.py|tables/|paginator|pagination",
    ),
    (
        "settings & administration",
        r"^wagtail\.contrib\.(settings|redirects|forms):|^wagtail\.sites:|collection|reports"
        r"|permissions|models/(api|sites|media)\.py|Sidebar",
    ),
    ("common", r""),
]
AREA_PATTERNS = [(name, re.compile(pattern)) for name, pattern in AREAS]


@dataclass
class Area:
    name: str
    total: int = 0
    translated: int = 0
    missing: list = field(default_factory=list)

    @property
    def percent(self):
        return 100.0 * self.translated / self.total if self.total else 100.0


class _Missing(gettext_module.NullTranslations):
    """Last fallback of a translation chain: answers with a sentinel."""

    SENTINEL = "\x00untranslated\x00"

    def gettext(self, message):
        return self.SENTINEL

    def ngettext(self, msgid1, msgid2, n):
        return self.SENTINEL

    def pgettext(self, context, message):
        return self.SENTINEL

    def npgettext(self, context, msgid1, msgid2, n):
        return self.SENTINEL


def source_catalogue(package, domain, folder):
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None, None
    path = Path(spec.submodule_search_locations[0]) / folder / "en" / "LC_MESSAGES"
    path = path / f"{domain}.po"
    return (polib.pofile(str(path)) if path.exists() else None), path


def area_of(package, entry):
    locations = [f"{package}:{path}" for path, _line in entry.occurrences] or [f"{package}:"]
    for name, pattern in AREA_PATTERNS:
        if any(pattern.search(location) for location in locations):
            return name
    return "common"


def is_translated(translation, entry):
    if entry.msgid_plural and entry.msgctxt:
        result = translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 1)
    elif entry.msgid_plural:
        result = translation.ngettext(entry.msgid, entry.msgid_plural, 1)
    elif entry.msgctxt:
        result = translation.pgettext(entry.msgctxt, entry.msgid)
    else:
        result = translation.gettext(entry.msgid)
    return bool(result) and result != _Missing.SENTINEL


def translation_for(language, package, domain):
    if domain == "djangojs":
        paths = JavaScriptCatalog().get_paths([package])
        translation = DjangoTranslation(language, domain="djangojs", localedirs=paths)
    else:
        translation = DjangoTranslation(language)
    translation.add_fallback(_Missing())
    return translation


def coverage(language="vi"):
    """Areas, in AREAS order, with their counts."""
    areas = {name: Area(name) for name, _pattern in AREAS}
    seen = set()
    translations = {}
    for package, domain, folder in SOURCES:
        catalogue, path = source_catalogue(package, domain, folder)
        if catalogue is None:
            raise CommandError(f"Source catalogue not found: {path}")
        key = package if domain == "djangojs" else "django"
        if key not in translations:
            translations[key] = translation_for(language, package, domain)
        for entry in catalogue:
            if entry.obsolete or not entry.msgid:
                continue
            if entry.occurrences and all(
                EXCLUDE.search(f"{package}:{path}") for path, _line in entry.occurrences
            ):
                continue
            if (domain, entry.msgctxt, entry.msgid) in seen:
                continue
            seen.add((domain, entry.msgctxt, entry.msgid))
            area = areas[area_of(package, entry)]
            area.total += 1
            if is_translated(translations[key], entry):
                area.translated += 1
            else:
                area.missing.append((package, domain, entry.msgctxt, entry.msgid))
    return [area for area in areas.values() if area.total]
