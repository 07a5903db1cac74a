"""The calendar page as a reader sees it: the week, today, moving between weeks, a day at a
time (the phone's day view), jumping to a date, a leader's engagements, and a clear 4xx for
what it cannot show."""

import re
from datetime import timedelta

import pytest
from wagtail.models import PageViewRestriction

from .conftest import entry

pytestmark = pytest.mark.django_db


def test_this_week_shows_the_approved_entries_and_today(client, calendar_page, published_week):
    response = client.get("/lich-cong-tac/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Họp giao ban Sở" in html and "Kiểm tra phòng thí nghiệm" in html
    assert "Văn phòng Sở" in html and "Phòng họp số 1" in html
    assert html.count("calendar-day--today") == 1
    assert html.count('<section class="calendar-day') == 7
    assert 'aria-current="date"' in html


def test_previous_and_next_weeks_are_linked(client, calendar_page, published_week, this_monday):
    html = client.get("/lich-cong-tac/").content.decode()
    following = this_monday + timedelta(weeks=1)
    label = f"{following.isocalendar()[0]}-W{following.isocalendar()[1]:02d}"
    assert f'href="/lich-cong-tac/tuan/{label}/" rel="next"' in html
    response = client.get(f"/lich-cong-tac/tuan/{label}/")
    assert response.status_code == 200
    assert "Họp giao ban Sở" not in response.content.decode()
    assert "calendar-day--today" not in response.content.decode()


def test_a_date_jumps_to_its_week(client, calendar_page, published_week):
    response = client.get("/lich-cong-tac/", {"ngay": "2026-12-05"})
    assert response.status_code == 302
    assert response["Location"] == "/lich-cong-tac/tuan/2026-W49/"


def test_a_date_jump_keeps_the_leader_safely_encoded(client, calendar_page, published_week):
    response = client.get("/lich-cong-tac/", {"ngay": "2026-12-05", "lanh-dao": "a\r\nb c"})
    assert response.status_code == 302
    assert response["Location"] == "/lich-cong-tac/tuan/2026-W49/?lanh-dao=a%0D%0Ab+c"
    assert client.get(response["Location"]).status_code == 404


def test_the_day_view_shows_one_day_with_the_weeks_days_to_move_between(
    client, calendar_page, published_week, this_monday, deputy
):
    wednesday = this_monday + timedelta(days=2)
    response = client.get(f"/lich-cong-tac/ngay/{wednesday.isoformat()}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kiểm tra phòng thí nghiệm" in html and "Họp giao ban Sở" not in html
    assert html.count('<section class="calendar-day') == 1
    strip = html.split('class="calendar-days calendar-days--shown"', 1)[1].split("</nav>", 1)[0]
    assert strip.count("<li>") == 7
    assert f'href="/lich-cong-tac/ngay/{wednesday.isoformat()}/" aria-current="page"' in strip
    # Monday and Wednesday have one engagement each, said to screen readers too.
    assert strip.count('class="calendar-days-count"') == 2 and "1<span" in strip
    tuesday, thursday = wednesday - timedelta(days=1), wednesday + timedelta(days=1)
    assert f'href="/lich-cong-tac/ngay/{tuesday.isoformat()}/" rel="prev"' in html
    assert f'href="/lich-cong-tac/ngay/{thursday.isoformat()}/" rel="next"' in html
    assert f'href="/lich-cong-tac/tuan/{published_week.label}/">Cả tuần' in html
    empty = client.get(f"/lich-cong-tac/ngay/{tuesday.isoformat()}/").content.decode()
    assert "Ngày này chưa có lịch công tác được duyệt." in empty
    filtered = client.get(f"/lich-cong-tac/ngay/{this_monday.isoformat()}/?lanh-dao={deputy.slug}")
    assert "Họp giao ban Sở" not in filtered.content.decode()


def test_the_week_carries_the_strip_of_days_for_phones(client, calendar_page, published_week):
    html = client.get("/lich-cong-tac/").content.decode()
    assert '<nav class="calendar-days" aria-label="Các ngày trong tuần">' in html
    assert html.count('<section class="calendar-day') == 7
    assert html.count('class="calendar-days-today"') == 1


@pytest.mark.parametrize(
    "day,outside",
    [
        # Saturday of 1999-W52: its week and the days before 2000 are not the calendar's.
        ("2000-01-01", ["/tuan/1999-W52/", "/ngay/1999-12-31/", "/ngay/1999-12-27/"]),
        # Friday of 2100-W52: the weekend falls in 2101.
        ("2100-12-31", ["/ngay/2101-01-01/", "/ngay/2101-01-02/"]),
    ],
)
def test_the_first_and_last_days_link_to_nothing_the_calendar_cannot_show(
    client, calendar_page, day, outside
):
    html = client.get(f"/lich-cong-tac/ngay/{day}/").content.decode()
    for path in outside:
        assert path not in html
    assert 'class="calendar-days-none"' in html
    for url in re.findall(r'href="(/lich-cong-tac/[^"?]*)', html):
        assert client.get(url).status_code == 200, url


def test_a_date_jumps_to_its_day_from_the_day_view(client, calendar_page, published_week):
    response = client.get("/lich-cong-tac/", {"ngay": "2026-12-05", "xem": "ngay"})
    assert response.status_code == 302
    assert response["Location"] == "/lich-cong-tac/ngay/2026-12-05/"


def test_an_english_day_has_an_english_address(client, home, calendar_page, locale_en):
    home.copy_for_translation(locale_en).save_revision().publish()
    english = calendar_page.copy_for_translation(locale_en)
    english.slug = "work-calendar"
    english.save_revision().publish()
    assert client.get("/en/work-calendar/day/2026-12-05/").status_code == 200
    moved = client.get("/en/work-calendar/ngay/2026-12-05/")
    assert moved["Location"] == "/en/work-calendar/day/2026-12-05/"


def test_entries_changed_or_added_after_approval_are_marked_with_the_time(
    client, calendar_page, published_week, this_monday, director
):
    draft = published_week.get_latest_revision_as_object()
    entries = list(draft.entries.all())
    entries[0].start_time = entries[0].start_time.replace(hour=7)
    entries.append(entry(this_monday + timedelta(days=4), 15, "Tiếp đoàn công tác", director))
    draft.entries = entries
    draft.save_revision().publish()
    html = client.get("/lich-cong-tac/").content.decode()
    changed = html.split("calendar-entry--changed", 1)[1].split("</li>", 1)[0]
    added = html.split("calendar-entry--added", 1)[1].split("</li>", 1)[0]
    assert "Đã thay đổi lúc" in changed and "Họp giao ban Sở" in changed
    assert "Lịch bổ sung lúc" in added and "Tiếp đoàn công tác" in added
    assert html.count("calendar-entry--") == 2


def test_a_leader_sees_only_their_engagements(client, calendar_page, published_week, deputy):
    response = client.get("/lich-cong-tac/", {"lanh-dao": deputy.slug})
    html = response.content.decode()
    assert "Kiểm tra phòng thí nghiệm" in html and "Họp giao ban Sở" not in html
    assert f'<option value="{deputy.slug}" selected>' in html


@pytest.mark.parametrize(
    "url,status",
    [
        ("/lich-cong-tac/tuan/2026-W99/", 404),
        ("/lich-cong-tac/tuan/0000-W01/", 404),
        ("/lich-cong-tac/tuan/9999-W01/", 404),
        ("/lich-cong-tac/tuan/rac/", 404),
        ("/lich-cong-tac/?ngay=0000-01-01", 400),
        ("/lich-cong-tac/?ngay=9999-12-31", 400),
        ("/lich-cong-tac/?ngay=hom-nay", 400),
        ("/lich-cong-tac/?lanh-dao=khong-co", 404),
        ("/lich-cong-tac/ical/khong-co/", 404),
        ("/lich-cong-tac/ngay/2026-13-45/", 404),
        ("/lich-cong-tac/ngay/0000-01-01/", 404),
        ("/lich-cong-tac/ngay/9999-12-31/", 404),
        ("/lich-cong-tac/ngay/hom-nay/", 404),
        ("/lich-cong-tac/ngay/2026-12-05/?lanh-dao=khong-co", 404),
    ],
)
def test_bad_input_is_a_clear_4xx(client, calendar_page, published_week, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert 'role="alert"' in response.content.decode()


def test_a_draft_week_is_never_shown(client, calendar_page, make_week, this_monday, director):
    make_week(this_monday, [entry(this_monday, 9, "Lịch chưa duyệt", director)], publish=False)
    html = client.get("/lich-cong-tac/").content.decode()
    assert "Lịch chưa duyệt" not in html
    assert "chưa có lịch công tác được duyệt" in html


def test_an_unpublished_week_disappears(client, calendar_page, published_week):
    published_week.unpublish()
    assert "Họp giao ban Sở" not in client.get("/lich-cong-tac/").content.decode()


def test_a_private_calendar_is_not_served_to_the_public(client, calendar_page, published_week):
    PageViewRestriction.objects.create(page=calendar_page, restriction_type="login")
    for url in ("/lich-cong-tac/", "/lich-cong-tac/ical/", "/lich-cong-tac/tuan/2026-W49/"):
        response = client.get(url)
        assert response.status_code == 302 and "Họp" not in response.content.decode()
    assert client.get("/api/v2/work-calendar/").json()["items"] == []


def test_the_week_prints_and_reads_on_a_phone(client, calendar_page, published_week):
    from pathlib import Path

    from django.contrib.staticfiles import finders

    css = Path(finders.find("work_calendar/calendar.css")).read_text(encoding="utf-8")
    assert "@media print" in css and "@media (max-width: 700px)" in css
    html = client.get("/lich-cong-tac/").content.decode()
    assert "work_calendar/calendar" in html
    # The print button articles and documents have (shown by portal.js, hidden in print).
    assert "data-print-button" in html


def test_an_english_calendar_names_its_weeks_in_english(client, home, calendar_page, locale_en):
    home.copy_for_translation(locale_en).save_revision().publish()
    english = calendar_page.copy_for_translation(locale_en)
    english.slug = "work-calendar"
    english.save_revision().publish()
    html = client.get("/en/work-calendar/").content.decode()
    assert 'href="/en/work-calendar/week/' in html
    assert "/en/work-calendar/tuan/" not in html
    moved = client.get("/en/work-calendar/tuan/2026-W49/")
    assert moved.status_code == 301
    assert moved["Location"] == "/en/work-calendar/week/2026-W49/"
    assert client.get("/en/work-calendar/week/2026-W49/").status_code == 200
    assert (
        client.get("/lich-cong-tac/week/2026-W49/")["Location"] == "/lich-cong-tac/tuan/2026-W49/"
    )
