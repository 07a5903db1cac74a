"""The header's date line and clock: Vietnam's time, Vietnamese and English formats."""

import datetime
import re

import pytest
from django.template import Context, Template
from django.utils import timezone, translation
from freezegun import freeze_time

from home.templatetags.portal_tags import format_date_line


def render(source, language="vi"):
    with translation.override(language):
        return Template("{% load portal_tags %}" + source).render(Context({}))


def date_line_text(html):
    return re.search(r"<time[^>]*>(.*)</time>", html).group(1)


# 13-19 November 2023, Monday to Sunday; 03:00 UTC is 10:00 in Vietnam.
WEEK = [
    ("2023-11-13", "Thứ 2, ngày 13 tháng 11 năm 2023", "Monday, 13 November 2023"),
    ("2023-11-14", "Thứ 3, ngày 14 tháng 11 năm 2023", "Tuesday, 14 November 2023"),
    ("2023-11-15", "Thứ 4, ngày 15 tháng 11 năm 2023", "Wednesday, 15 November 2023"),
    ("2023-11-16", "Thứ 5, ngày 16 tháng 11 năm 2023", "Thursday, 16 November 2023"),
    ("2023-11-17", "Thứ 6, ngày 17 tháng 11 năm 2023", "Friday, 17 November 2023"),
    ("2023-11-18", "Thứ 7, ngày 18 tháng 11 năm 2023", "Saturday, 18 November 2023"),
    ("2023-11-19", "Chủ nhật, ngày 19 tháng 11 năm 2023", "Sunday, 19 November 2023"),
]


@pytest.mark.parametrize(("day", "vietnamese", "english"), WEEK)
def test_date_line_for_every_weekday(day, vietnamese, english):
    with freeze_time(f"{day} 03:00:00"):
        vi_html = render("{% date_line %}", "vi")
        en_html = render("{% date_line %}", "en")
    assert date_line_text(vi_html) == vietnamese
    assert date_line_text(en_html) == english
    assert f'datetime="{day}"' in vi_html
    assert vi_html.startswith("<time")


def test_seed_date_line_is_friday_17_november_2023():
    # The old portal's header: "Thứ 6, ngày 17 tháng 11 năm 2023".
    with freeze_time("2023-11-17 09:55:55"):
        assert "Thứ 6, ngày 17 tháng 11 năm 2023" in render("{% date_line %}")


def test_day_and_month_have_no_leading_zero():
    with freeze_time("2024-01-05 03:00:00"):
        assert date_line_text(render("{% date_line %}")) == "Thứ 6, ngày 5 tháng 1 năm 2024"
        assert date_line_text(render("{% date_line %}", "en")) == "Friday, 5 January 2024"


@pytest.mark.parametrize(
    ("utc", "vietnamese", "iso"),
    [
        # 16:59:59 UTC is 23:59:59 on Friday 17 in Vietnam (UTC+7)...
        ("2023-11-17 16:59:59", "Thứ 6, ngày 17 tháng 11 năm 2023", "2023-11-17"),
        # ... and one second later it is midnight on Saturday 18.
        ("2023-11-17 17:00:00", "Thứ 7, ngày 18 tháng 11 năm 2023", "2023-11-18"),
        # New year's eve turns in Vietnam seven hours before it does in UTC.
        ("2023-12-31 17:00:00", "Thứ 2, ngày 1 tháng 1 năm 2024", "2024-01-01"),
        ("2023-12-31 16:59:59", "Chủ nhật, ngày 31 tháng 12 năm 2023", "2023-12-31"),
    ],
)
def test_date_line_turns_at_midnight_in_ho_chi_minh_city(utc, vietnamese, iso):
    with freeze_time(utc):
        html = render("{% date_line %}")
    assert date_line_text(html) == vietnamese
    assert f'datetime="{iso}"' in html


def test_date_line_ignores_the_active_time_zone():
    with freeze_time("2023-11-17 17:00:00"), timezone.override("UTC"):
        assert "Thứ 7, ngày 18 tháng 11 năm 2023" in render("{% date_line %}")


def test_regional_language_variant_uses_its_language():
    day = datetime.date(2023, 11, 19)
    assert format_date_line(day, "en") == "Sunday, 19 November 2023"
    with freeze_time("2023-11-19 03:00:00"):
        assert "Sunday, 19 November 2023" in render("{% date_line %}", "en-gb")


def test_clock_renders_local_time_in_three_parts():
    with freeze_time("2023-11-17 09:55:55"):
        html = render("{% clock %}")
    assert 'datetime="16:55:55"' in html
    assert "data-clock-hours>16<" in html
    assert "data-clock-minutes>55<" in html
    assert "data-clock-seconds>55<" in html
    # Updated every second by js/clock.js: never announced by screen readers.
    assert "aria-live" not in html
    assert 'role="timer"' not in html


def test_clock_just_after_midnight_has_two_digit_parts():
    with freeze_time("2023-11-17 17:00:05"):
        html = render("{% clock %}")
    assert 'datetime="00:00:05"' in html
    assert "data-clock-hours>00<" in html


def test_portal_date_filter():
    moment = datetime.datetime(2023, 11, 17, 17, 30, tzinfo=datetime.UTC)
    assert render("{{ missing|portal_date }}") == ""
    with translation.override("vi"):
        html = Template("{% load portal_tags %}{{ m|portal_date }}").render(Context({"m": moment}))
    assert html == "18/11/2023"
    with translation.override("en"):
        html = Template("{% load portal_tags %}{{ m|portal_date }}").render(Context({"m": moment}))
    assert html == "18 November 2023"
