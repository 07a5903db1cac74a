"""ISO weeks as the calendar names them: `2026-W49`, Monday to Sunday."""

import re
from datetime import date, timedelta

# Years a week or a date may name: beyond them, a 404 (no calendar that old or far ahead).
MIN_YEAR = 2000
MAX_YEAR = 2100
WEEK_PATTERN = re.compile(r"^(\d{4})-W(\d{2})$")
DATE_PATTERN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


class BadWeek(ValueError):
    """A week or date the calendar cannot show."""


def monday_of(day):
    return day - timedelta(days=day.weekday())


def week_label(monday):
    year, week, _weekday = monday.isocalendar()
    return f"{year}-W{week:02d}"


def parse_week(value):
    """The Monday of `2026-W49`; BadWeek for anything else (week 54, year 0 or 9999)."""
    match = WEEK_PATTERN.match(value or "")
    if match is None:
        raise BadWeek(value)
    year, week = int(match[1]), int(match[2])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BadWeek(value)
    try:
        return date.fromisocalendar(year, week, 1)
    except ValueError as error:
        raise BadWeek(value) from error


def parse_date(value):
    """The date of `2026-12-05`; BadWeek for anything else."""
    match = DATE_PATTERN.match(value or "")
    if match is None:
        raise BadWeek(value)
    try:
        day = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as error:
        raise BadWeek(value) from error
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise BadWeek(value)
    return day


def week_days(monday):
    return [monday + timedelta(days=n) for n in range(7)]
