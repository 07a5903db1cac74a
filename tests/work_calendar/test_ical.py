"""The iCalendar feeds parse with the library, hold the approved entries and nothing else,
and keep each entry's UID across publications while its SEQUENCE moves."""

from datetime import time, timedelta

import pytest
from icalendar import Calendar

from work_calendar.models import WorkEntry

from .conftest import entry

pytestmark = pytest.mark.django_db


def events(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return calendar, {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}


def test_the_agency_feed_holds_every_approved_entry(client, calendar_page, published_week):
    calendar, found = events(client.get("/lich-cong-tac/ical/"))
    assert set(found) == {"Họp giao ban Sở", "Kiểm tra phòng thí nghiệm"}
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    meeting = found["Họp giao ban Sở"]
    assert meeting["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert meeting["DTSTART"].dt.hour == 8
    assert meeting["LOCATION"] == "Phòng họp số 1"
    assert "Văn phòng Sở" in meeting["DESCRIPTION"]
    assert meeting["DTSTAMP"] and meeting["UID"] and meeting["SEQUENCE"] == 0
    assert "/lich-cong-tac/tuan/" in meeting["URL"]


def test_an_unpublished_person_is_named_nowhere_in_the_feed(
    client, calendar_page, published_week, director, deputy
):
    meeting = published_week.entries.get(content="Họp giao ban Sở")
    meeting.participant_people.set([deputy])
    meeting.save()
    director.live = deputy.live = False
    director.save()
    deputy.save()
    _calendar, found = events(client.get("/lich-cong-tac/ical/"))
    description = str(found["Họp giao ban Sở"]["DESCRIPTION"])
    assert director.name not in description and deputy.name not in description
    assert "Văn phòng Sở" in description


def test_a_leader_feed_holds_only_their_entries(client, calendar_page, published_week, deputy):
    response = client.get(f"/lich-cong-tac/ical/{deputy.slug}/")
    assert deputy.slug in response["Content-Disposition"]
    _calendar, found = events(response)
    assert set(found) == {"Kiểm tra phòng thí nghiệm"}


def test_drafts_and_weeks_out_of_the_window_are_left_out(
    client, calendar_page, published_week, make_week, this_monday, director
):
    later = this_monday + timedelta(weeks=1)
    make_week(later, [entry(later, 9, "Lịch chưa duyệt", director)], publish=False)
    far = this_monday + timedelta(weeks=30)
    make_week(far, [entry(far, 9, "Xa quá", director)])
    _calendar, found = events(client.get("/lich-cong-tac/ical/"))
    assert "Lịch chưa duyệt" not in found and "Xa quá" not in found


def test_a_change_keeps_the_uid_and_raises_the_sequence(client, calendar_page, published_week):
    _calendar, before = events(client.get("/lich-cong-tac/ical/"))
    draft = published_week.get_latest_revision_as_object()
    entries = list(draft.entries.all())
    for item in entries:
        if item.content == "Họp giao ban Sở":
            item.start_time = time(10)
    draft.entries = entries
    draft.save_revision().publish()
    _calendar, after = events(client.get("/lich-cong-tac/ical/"))
    meeting = after["Họp giao ban Sở"]
    assert meeting["UID"] == before["Họp giao ban Sở"]["UID"]
    assert meeting["SEQUENCE"] == 1
    assert meeting["LAST-MODIFIED"].dt >= before["Họp giao ban Sở"]["LAST-MODIFIED"].dt
    assert WorkEntry.objects.get(content="Họp giao ban Sở").change == "changed"
