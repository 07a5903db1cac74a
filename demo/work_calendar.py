"""The demo's work calendar: its page in both languages, and four approved weeks around today
(two before, this one, the next) for the director and deputies of `demo.department`, with
entries changed and added after approval in two of them, in Vietnamese and English.

Runs after the organisation demo, which creates the leaders and units properly; whichever it
finds missing (by slug) it creates here, the units as agencies of kind "other" under the
department. Idempotent: a week already there (by language and Monday) is left as it is.
"""

import uuid
from datetime import datetime, timedelta

from django.utils import timezone
from wagtail.models import Locale

from snippets.models import Agency, Person
from work_calendar.models import WorkCalendarPage, WorkEntry, WorkWeek
from work_calendar.weeks import monday_of

from . import work_calendar_data as data
from .department import DEPARTMENT_SLUG, LEADERS, UNITS
from .ensure import ensure_child_page, ensure_snippet, publish

LANGUAGES = ("vi", "en")
KEYS = uuid.UUID("6f1c9a52-5d3e-4b7a-9a51-0c2f3e4d5a6b")


def clock(value):
    return datetime.strptime(value, "%H:%M").time() if value else None


class WorkCalendarDemo:
    """Builds the demo calendar on a loaded `DemoContent` (and its English home page)."""

    def __init__(self, demo):
        self.demo = demo
        self.locales = {"vi": demo.locale_vi, "en": Locale.objects.get(language_code="en")}
        self.monday = monday_of(timezone.localdate())

    def load(self):
        self.people = self.ensure_people()
        self.units = self.ensure_units()
        self.pages = self.ensure_pages()
        for offset, activities in data.WEEKS.items():
            for language in LANGUAGES:
                self.ensure_week(language, offset, activities)
        return self

    # Leaders and units ---------------------------------------------------------------------

    def department(self, language):
        vi = Agency.objects.get(locale=self.locales["vi"], slug=DEPARTMENT_SLUG)
        return vi if language == "vi" else vi.get_translation_or_none(self.locales["en"]) or vi

    def english_copy(self, obj, **fields):
        """The English version of a Vietnamese snippet, made with `fields` if missing."""
        copy = obj.get_translation_or_none(self.locales["en"])
        if copy is None:
            copy = obj.copy_for_translation(self.locales["en"])
            for name, value in fields.items():
                setattr(copy, name, value)
            copy.save()
            publish(copy)
        return copy

    def ensure_people(self):
        people = {"vi": {}, "en": {}}
        for slug, name, position, english_position, _role in LEADERS:
            person = ensure_snippet(
                Person,
                self.locales["vi"],
                slug,
                name=name,
                position=position,
                agency=self.department("vi"),
            )
            people["vi"][slug] = person
            people["en"][slug] = self.english_copy(
                person, position=english_position, agency=self.department("en")
            )
        return people

    def ensure_units(self):
        units = {"vi": {}, "en": {}}
        for slug, name, english, _kind in UNITS:
            unit = ensure_snippet(
                Agency,
                self.locales["vi"],
                slug,
                name=name,
                kind=Agency.Kind.OTHER,
                parent=self.department("vi"),
            )
            units["vi"][slug] = unit
            units["en"][slug] = self.english_copy(
                unit, name=english, short_name="", parent=self.department("en")
            )
        return units

    # The page and the weeks ------------------------------------------------------------------

    def ensure_pages(self):
        title, slug = data.PAGE["vi"]
        page = ensure_child_page(
            self.demo.home,
            WorkCalendarPage,
            slug,
            title=title,
            intro=data.INTRO["vi"],
            show_in_menus=True,
        )
        english = page.get_translation_or_none(self.locales["en"])
        if english is None:
            english = page.copy_for_translation(self.locales["en"])
            english.title, english.slug = data.PAGE["en"]
            english.draft_title, english.intro = english.title, data.INTRO["en"]
            english.save_revision().publish()
        return {"vi": page, "en": english}

    def make_entry(self, language, monday, key, activity):
        weekday, start, end, presider, units, content, venue, others, preparer = activity
        index = LANGUAGES.index(language)
        entry = WorkEntry(
            locale=self.locales[language],
            translation_key=uuid.uuid5(KEYS, f"{monday}-{key}"),
            date=monday + timedelta(days=weekday),
            start_time=clock(start),
            end_time=clock(end),
            content=content[index],
            venue=venue[index],
            presider=self.people[language][presider],
            participants_text=others[index],
            preparer=preparer[index],
        )
        entry.participant_units = [self.units[language][slug] for slug in units]
        return entry

    def ensure_week(self, language, offset, activities):
        monday = self.monday + timedelta(weeks=offset)
        locale = self.locales[language]
        if WorkWeek.objects.filter(locale=locale, week_start=monday).exists():
            return
        week = WorkWeek(
            locale=locale,
            week_start=monday,
            translation_key=uuid.uuid5(KEYS, f"week-{monday}"),
            live=False,
        )
        week.entries = [
            self.make_entry(language, monday, n, data.ACTIVITIES[n]) for n in activities
        ]
        week.save()
        week.save_revision().publish()
        if offset in data.CHANGED_WEEKS:
            self.change_after_approval(week, language, monday)

    def change_after_approval(self, week, language, monday):
        """Move the first entry and add one, then approve the week again."""
        draft = week.get_latest_revision_as_object()
        entries = sorted(draft.entries.all(), key=lambda e: (e.date, e.start_time))
        moved = entries[0]
        moved.start_time, moved.end_time = clock(data.MOVED["start"]), clock(data.MOVED["end"])
        moved.venue = data.MOVED["venue"][LANGUAGES.index(language)]
        added = self.make_entry(language, monday, "added", data.ADDED)
        draft.entries = [*entries, added]
        draft.save_revision().publish()
