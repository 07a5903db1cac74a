"""Dates in the portal's time zone, in each language's style: the header's date line and
clock, short dates.

The portal's clock and dates follow its configured time zone (settings.TIME_ZONE, Vietnam's
time), whatever zone is active for the request; js/clock.js uses the same zone.
"""

from django.utils import timezone

from home.languages import active_language

# Dates follow each language's conventions, like Django's per-language format modules:
# Vietnamese numbers its weekdays from Monday = "Thứ 2"; Sunday is "Chủ nhật".
VI_WEEKDAYS = ("Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7", "Chủ nhật")
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def portal_local(value):
    """An aware datetime in the portal's time zone."""
    return timezone.localtime(value, timezone.get_default_timezone())


def portal_now():
    """The current time in the portal's time zone."""
    return portal_local(timezone.now())


def format_date_line(day, language=None):
    """ "Thứ 6, ngày 17 tháng 11 năm 2023" or "Friday, 17 November 2023"."""
    language = language or active_language()
    if language == "en":
        return f"{EN_WEEKDAYS[day.weekday()]}, {day.day} {EN_MONTHS[day.month - 1]} {day.year}"
    return f"{VI_WEEKDAYS[day.weekday()]}, ngày {day.day} tháng {day.month} năm {day.year}"


def format_short_date(day, language=None):
    """ "17/11/2023" or "17 November 2023"."""
    language = language or active_language()
    if language == "en":
        return f"{day.day} {EN_MONTHS[day.month - 1]} {day.year}"
    return f"{day.day:02d}/{day.month:02d}/{day.year}"
