"""The work calendar in a real browser: a reader on a phone opens this week's calendar, looks
at one day, moves to next week and downloads a leader's iCalendar feed, which the `icalendar`
library parses and which holds that leader's approved entries; the page's screenshots in both
sizes."""

import re
from datetime import timedelta

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from snippets.models import Person
from tests.work_calendar.conftest import entry
from work_calendar.models import WorkCalendarPage, WorkWeek
from work_calendar.weeks import monday_of

from .conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def publish_week(monday, entries, publish=True):
    week = WorkWeek(week_start=monday, live=False)
    week.entries = entries
    week.save()
    revision = week.save_revision()
    if publish:
        revision.publish()
    return week


@pytest.fixture
def calendar(home):
    from django.utils import timezone

    page = home.add_child(instance=WorkCalendarPage(title="Lịch công tác", slug="lich-cong-tac"))
    page.save_revision().publish()
    director = Person.objects.create(
        name="Nguyễn Thị Minh Hà", position="Giám đốc Sở", slug="nguyen-thi-minh-ha", live=True
    )
    deputy = Person.objects.create(
        name="Bùi Văn Toàn", position="Phó Giám đốc Sở", slug="bui-van-toan", live=True
    )
    monday = monday_of(timezone.localdate())
    following = monday + timedelta(weeks=1)
    publish_week(monday, [entry(monday, 8, "Họp giao ban Ban Giám đốc Sở", director)])
    publish_week(
        following,
        [
            entry(following, 8, "Hội đồng tư vấn nhiệm vụ khoa học", director),
            entry(following + timedelta(days=1), 14, "Kiểm tra đo lường xăng dầu", deputy),
        ],
    )
    publish_week(
        following + timedelta(weeks=1), [entry(following, 9, "Chưa duyệt", director)], False
    )
    return page


def test_a_reader_on_a_phone_moves_to_next_week_and_subscribes_to_a_leader(
    live_server, new_page, calendar, artifacts
):
    page = new_page(PHONE)
    page.goto(live_server.url + "/lich-cong-tac/")
    today = page.locator(".calendar-day--today")
    expect(today).to_have_count(1)
    expect(page.get_by_text("Họp giao ban Ban Giám đốc Sở")).to_be_visible()
    # One day after another on a phone: no horizontal scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=artifacts / "work-calendar-vi-phone.png", full_page=True)
    # The day view: the strip of the week's days leads to Monday alone.
    strip = page.get_by_role("navigation", name="Các ngày trong tuần")
    expect(strip).to_be_visible()
    strip.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/lich-cong-tac/ngay/\d{4}-\d{2}-\d{2}/$"))
    expect(page.locator("section.calendar-day")).to_have_count(1)
    expect(page.get_by_text("Họp giao ban Ban Giám đốc Sở")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=artifacts / "work-calendar-day-vi-phone.png", full_page=True)
    page.get_by_role("link", name="Cả tuần").click()
    page.get_by_role("link", name="Tuần sau").click()
    expect(page.get_by_text("Hội đồng tư vấn nhiệm vụ khoa học")).to_be_visible()
    expect(page.get_by_text("Họp giao ban Ban Giám đốc Sở")).to_have_count(0)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Lịch của Nguyễn Thị Minh Hà").click()
    ical = Calendar.from_ical(download_info.value.path().read_bytes())
    summaries = sorted(str(event["SUMMARY"]) for event in ical.walk("VEVENT"))
    assert summaries == ["Họp giao ban Ban Giám đốc Sở", "Hội đồng tư vấn nhiệm vụ khoa học"]
    assert [tz["TZID"] for tz in ical.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]


def test_the_week_on_a_desktop_and_in_print(live_server, new_page, calendar, artifacts):
    page = new_page(DESKTOP)
    page.goto(live_server.url + "/lich-cong-tac/")
    page.screenshot(path=artifacts / "work-calendar-vi-desktop.png", full_page=True)
    # The strip of days is for phones; a desktop sees the whole week at once.
    expect(page.get_by_role("navigation", name="Các ngày trong tuần")).to_be_hidden()
    page.emulate_media(media="print")
    expect(page.locator(".calendar-tools")).to_be_hidden()
    expect(page.get_by_text("Họp giao ban Ban Giám đốc Sở")).to_be_visible()
