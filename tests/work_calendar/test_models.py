"""Weeks and entries: validation, and the marks of entries changed or added after approval."""

from datetime import date, time, timedelta

import pytest
from django.core.exceptions import ValidationError

from work_calendar.models import WorkEntry, WorkWeek
from work_calendar.weeks import BadWeek, parse_date, parse_week

from .conftest import entry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["2026-W99", "2026-W00", "0000-W01", "9999-W01", "x", ""])
def test_bad_weeks_are_refused(value):
    with pytest.raises(BadWeek):
        parse_week(value)


def test_a_week_names_its_monday():
    assert parse_week("2026-W49") == date(2026, 11, 30)
    assert parse_week("2020-W53") == date(2020, 12, 28)
    with pytest.raises(BadWeek):
        parse_week("2025-W53")


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "2026-02-30", "05/12/2026"])
def test_bad_dates_are_refused(value):
    with pytest.raises(BadWeek):
        parse_date(value)


def test_a_week_starts_on_a_monday(locale_vi):
    with pytest.raises(ValidationError, match="week_start"):
        WorkWeek(week_start=date(2026, 12, 1)).full_clean()


def test_an_entry_ends_after_it_starts_and_falls_in_its_week(locale_vi, this_monday):
    week = WorkWeek(week_start=this_monday)
    late = WorkEntry(week=week, date=this_monday, start_time=time(9), end_time=time(8), content="x")
    with pytest.raises(ValidationError, match="end_time"):
        late.clean()
    outside = WorkEntry(week=week, date=this_monday + timedelta(days=7), start_time=time(9))
    with pytest.raises(ValidationError, match="'date'"):
        outside.clean()


def republish(week, change):
    """Edit the latest revision like the admin's form does, then publish.

    `change(draft, entries)` changes the week and its list of entries by content."""
    draft = week.get_latest_revision_as_object()
    entries = {e.content: e for e in draft.entries.all()}
    change(draft, entries)
    draft.entries = list(entries.values())
    draft.save_revision().publish()
    return rows(week)


def rows(week):
    """The entries in the database (the week's own manager may hold an in-memory copy)."""
    return {e.content: e for e in WorkEntry.objects.filter(week=week)}


def test_first_publication_marks_nothing(published_week):
    for item in rows(published_week).values():
        assert item.change == "" and item.changed_at is None
        assert item.sequence == 0 and item.modified_at is not None


def test_entries_changed_or_added_after_approval_are_marked(published_week, this_monday):
    before = rows(published_week)

    def change(draft, entries):
        entries["Họp giao ban Sở"].start_time = time(9, 30)
        entries["new"] = entry(this_monday + timedelta(days=4), 15, "Tiếp đoàn công tác")

    after = republish(published_week, change)
    moved, added = after["Họp giao ban Sở"], after["Tiếp đoàn công tác"]
    unchanged = after["Kiểm tra phòng thí nghiệm"]
    assert moved.change == "changed" and moved.changed_at is not None and moved.sequence == 1
    assert moved.modified_at > before["Họp giao ban Sở"].modified_at
    assert moved.translation_key == before["Họp giao ban Sở"].translation_key
    assert added.change == "added" and added.changed_at is not None
    assert unchanged.change == "" and unchanged.sequence == 0
    assert unchanged.modified_at == before["Kiểm tra phòng thí nghiệm"].modified_at


def test_marks_survive_a_later_publication_that_leaves_the_entry_alone(published_week):
    def move(draft, entries):
        entries["Họp giao ban Sở"].venue = "Hội trường"

    first = republish(published_week, move)["Họp giao ban Sở"]
    later = republish(published_week, lambda draft, entries: setattr(draft, "note", "Ghi chú"))
    kept = later["Họp giao ban Sở"]
    assert kept.change == "changed" and kept.changed_at == first.changed_at
    assert kept.sequence == 1


def test_a_changed_participant_counts_as_a_change(published_week, deputy):
    def invite(draft, entries):
        entries["Họp giao ban Sở"].participant_people = [deputy]

    assert republish(published_week, invite)["Họp giao ban Sở"].change == "changed"


def test_a_draft_of_a_published_week_changes_nothing_readers_see(published_week):
    draft = published_week.get_latest_revision_as_object()
    draft.entries = [*draft.entries.all(), entry(published_week.week_start, 16, "Chưa duyệt")]
    draft.save_revision()
    assert not WorkEntry.objects.filter(content="Chưa duyệt").exists()
