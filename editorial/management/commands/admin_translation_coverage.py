"""How much of the admin editors, moderators and administrators see reads in Vietnamese.

The screens are rendered (editorial/admin_screens.py) and every text they show is judged
(editorial/english_words.py); the figure is the share of distinct interface strings, over all
screens, with no English word. `--missing` lists the English ones with where they were
seen; `--catalogues` adds the older measure, catalogue entries translated by screen area
(editorial/catalogue_coverage.py), which cannot see strings a package never marks for
translation or builds from parts.

    manage.py admin_translation_coverage [--missing] [--min-percent 100] [--catalogues]
"""

from dataclasses import dataclass, field

from django.core.management.base import BaseCommand, CommandError

from editorial.admin_screens import render_screens
from editorial.catalogue_coverage import Area, coverage
from editorial.english_words import content_strings, english_words, without_content, words

# (screen group, text) that are English on purpose.
ALLOWED = {
    # The admin-language picker names each language in that language (Django's name_local).
    ("account", "English"),
}


@dataclass
class Finding:
    text: str
    english: list
    places: set = field(default_factory=set)  # (screen, origin, role)


def screen_group(name):
    return name.split(" (", 1)[0]


def screen_coverage():
    """(per screen group: [strings, English], findings by text) of the rendered admin."""
    found, content = render_screens()
    content = content_strings(content)
    groups = {}
    findings = {}
    judged = {}
    for role, item in found:
        if item.text not in judged:
            interface = without_content(item.text, content)
            judged[item.text] = (bool(words(interface)), english_words(interface))
        has_words, english = judged[item.text]
        if not has_words:
            continue
        if (screen_group(item.screen), item.text) in ALLOWED:
            english = []
        group = groups.setdefault(screen_group(item.screen), [set(), set()])
        group[0].add(item.text)
        if english:
            group[1].add(item.text)
            finding = findings.setdefault(item.text, Finding(item.text, english))
            finding.places.add((item.screen, item.origin, role))
    total = set().union(*(strings for strings, _english in groups.values()))
    return groups, findings, len(total)


class Command(BaseCommand):
    help = (
        "Render the admin screens editors, moderators and administrators use, and report "
        "the share of the text they show that reads in Vietnamese."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-percent",
            type=float,
            default=None,
            help="Exit with an error when the share of Vietnamese text is below this.",
        )
        parser.add_argument(
            "--missing", action="store_true", help="List the English strings and where."
        )
        parser.add_argument(
            "--catalogues",
            action="store_true",
            help="Also report the catalogue entries translated, by screen area.",
        )
        parser.add_argument("--language", default="vi", help="Language of --catalogues.")

    def handle(self, *args, min_percent, missing, catalogues, language, **options):
        groups, findings, total = screen_coverage()
        if not total:
            raise CommandError("No screen rendered: load content first (load_demo_content).")
        width = max(len(name) for name in groups) + 2
        self.stdout.write(f"{'screen':<{width}}{'strings':>8}{'English':>9}{'%':>8}")
        for name, (strings, english) in groups.items():
            percent = 100.0 * (len(strings) - len(english)) / len(strings)
            counts = f"{len(strings):>8}{len(english):>9}{percent:>8.1f}"
            self.stdout.write(f"{name:<{width}}{counts}")
        percent = 100.0 * (total - len(findings)) / total
        label = "total (distinct)"
        self.stdout.write(f"{label:<{width}}{total:>8}{len(findings):>9}{percent:>8.1f}")
        self.stdout.write(f"Rendered screens in Vietnamese: {percent:.1f}%")
        if missing:
            for finding in findings.values():
                places = sorted(finding.places)
                screen, origin, role = places[0]
                more = f" (+{len(places) - 1})" if len(places) > 1 else ""
                self.stdout.write(
                    f"  {finding.text!r}  [{', '.join(finding.english)}]  "
                    f"{screen}, {origin}, {role}{more}"
                )
        if catalogues:
            self.write_catalogues(language)
        if min_percent is not None and percent < min_percent:
            raise CommandError(f"Coverage {percent:.1f}% is below the minimum of {min_percent:g}%.")

    def write_catalogues(self, language):
        areas = coverage(language)
        total = Area("total")
        width = max(len(area.name) for area in areas) + 2
        self.stdout.write(f"{'catalogue area':<{width}}{'strings':>8}{'translated':>12}{'%':>8}")
        for area in areas:
            total.total += area.total
            total.translated += area.translated
            self.stdout.write(
                f"{area.name:<{width}}{area.total:>8}{area.translated:>12}{area.percent:>8.1f}"
            )
        self.stdout.write(
            f"{'total':<{width}}{total.total:>8}{total.translated:>12}{total.percent:>8.1f}"
        )
        self.stdout.write(f"Catalogue entries translated ({language}): {total.percent:.1f}%")
