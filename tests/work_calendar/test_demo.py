"""The demo calendar: four approved weeks in both languages, changed and added entries,
and a second load that changes nothing."""

import pytest
from icalendar import Calendar

from demo.work_calendar import WorkCalendarDemo
from work_calendar.models import WorkEntry, WorkWeek

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_calendar(demo_content_en):
    return WorkCalendarDemo(demo_content_en).load()


def test_four_weeks_in_each_language_with_changes(client, demo_calendar):
    assert WorkWeek.objects.live().filter(locale__language_code="vi").count() == 4
    assert WorkWeek.objects.live().filter(locale__language_code="en").count() == 4
    marks = set(WorkEntry.objects.values_list("change", flat=True))
    assert {"", "changed", "added"} <= marks
    english = WorkEntry.objects.filter(locale__language_code="en", change="added").first()
    source = WorkEntry.objects.get(
        locale__language_code="vi", translation_key=english.translation_key
    )
    assert english.presider.get_translation(source.locale) == source.presider
    html = client.get("/lich-cong-tac/").content.decode()
    assert "Họp giao ban Ban Giám đốc Sở" in html
    english_html = client.get("/en/work-calendar/").content.decode()
    assert "Weekly meeting of the Department" in english_html
    feed = client.get("/en/work-calendar/ical/nguyen-thi-minh-ha/")
    assert Calendar.from_ical(feed.content).walk("VEVENT")


def test_loading_again_changes_nothing(demo_calendar):
    before = sorted(WorkEntry.objects.values_list("pk", "modified_at"))
    WorkCalendarDemo(demo_calendar.demo).load()
    assert sorted(WorkEntry.objects.values_list("pk", "modified_at")) == before
