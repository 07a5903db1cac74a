"""Publishing or unpublishing a week, or changing a leader or a unit it names, purges the
calendar's pages, feeds and API, and nothing of the other language's calendar."""

from datetime import timedelta

import pytest

from tests.performance.conftest import RecordingBackend
from work_calendar.models import WorkEntry
from work_calendar.weeks import week_days

from .conftest import entry

pytestmark = pytest.mark.django_db
ROOT = "http://testserver"


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "tests.performance.conftest.RecordingBackend"}
    }
    RecordingBackend.purged = []
    yield RecordingBackend.purged
    RecordingBackend.purged = []


def calendar_urls(week):
    entries = WorkEntry.objects.filter(week=week)
    return (
        {
            f"{ROOT}/lich-cong-tac/",
            f"{ROOT}/lich-cong-tac/tuan/{week.label}/",
            f"{ROOT}/lich-cong-tac/ical/",
            f"{ROOT}/lich-cong-tac/ical/nguyen-thi-minh-ha/",
            f"{ROOT}/lich-cong-tac/ical/bui-van-toan/",
            f"{ROOT}/api/v2/work-calendar/",
        }
        | {f"{ROOT}/api/v2/work-calendar/{entry.pk}/" for entry in entries}
        | {f"{ROOT}/lich-cong-tac/ngay/{day.isoformat()}/" for day in week_days(week.week_start)}
    )


def test_publishing_a_week_purges_the_calendar(
    purged, django_capture_on_commit_callbacks, calendar_page, published_week
):
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        published_week.save_revision().publish()
    assert calendar_urls(published_week) <= set(purged)


def test_unpublishing_a_week_purges_the_calendar(
    purged, django_capture_on_commit_callbacks, calendar_page, published_week
):
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        published_week.unpublish()
    assert calendar_urls(published_week) <= set(purged)


def test_a_leader_published_again_purges_their_feed_and_the_calendar(
    purged, django_capture_on_commit_callbacks, calendar_page, published_week, director
):
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        director.position = "Giám đốc Sở Khoa học và Công nghệ"
        director.save_revision().publish()
    assert {
        f"{ROOT}/lich-cong-tac/",
        f"{ROOT}/lich-cong-tac/ical/",
        f"{ROOT}/lich-cong-tac/ical/nguyen-thi-minh-ha/",
    } <= set(purged)


def test_a_participating_unit_published_again_purges_the_weeks_that_name_it(
    purged, django_capture_on_commit_callbacks, calendar_page, published_week, office
):
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        office.name = "Văn phòng Sở Khoa học và Công nghệ"
        office.save_revision().publish()
    assert {
        f"{ROOT}/lich-cong-tac/",
        f"{ROOT}/lich-cong-tac/tuan/{published_week.label}/",
        f"{ROOT}/lich-cong-tac/ical/",
        f"{ROOT}/lich-cong-tac/ical/nguyen-thi-minh-ha/",
        f"{ROOT}/lich-cong-tac/ical/bui-van-toan/",
    } <= set(purged)


def test_a_person_in_a_past_week_published_again_purges_that_week_and_its_leaders_feeds(
    purged,
    django_capture_on_commit_callbacks,
    calendar_page,
    make_week,
    this_monday,
    director,
    deputy,
):
    past_monday = this_monday - timedelta(weeks=5)
    meeting = entry(past_monday, 9, "Họp hội đồng khoa học", director)
    meeting.participant_people = [deputy]
    past_week = make_week(past_monday, [meeting])
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        deputy.position = "Phó Giám đốc Sở Khoa học và Công nghệ"
        deputy.save_revision().publish()
    assert {
        f"{ROOT}/lich-cong-tac/tuan/{past_week.label}/",
        f"{ROOT}/lich-cong-tac/ical/nguyen-thi-minh-ha/",
        f"{ROOT}/lich-cong-tac/ical/bui-van-toan/",
    } <= set(purged)
