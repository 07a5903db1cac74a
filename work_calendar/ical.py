"""The calendar as iCalendar (RFC 5545), made with the `icalendar` library.

Each entry is a VEVENT whose UID stays the same across publications (its translation key
and language), with SEQUENCE and LAST-MODIFIED moving when a publication changes it, times in
Asia/Ho_Chi_Minh with the VTIMEZONE that defines it, and its URL on the week's page.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

PRODUCT_ID = "-//Cong thong tin dien tu//Lich cong tac//VI"


def entry_description(entry):
    """The entry's people and units as lines of text."""
    lines = []
    if entry.presider_id and entry.presider.live:
        lines.append(_("Presided by: %s") % entry.presider)
    people = [person.name for person in entry.participant_people.all()]
    units = [unit.name for unit in entry.participant_units.all()]
    others = [*units, *people, *([entry.participants_text] if entry.participants_text else [])]
    if others:
        lines.append(_("Participants: %s") % "; ".join(others))
    if entry.preparer:
        lines.append(_("Prepared by: %s") % entry.preparer)
    if entry.change == entry.Change.CHANGED:
        lines.append(
            _("Changed on %s") % timezone.localtime(entry.changed_at).strftime("%d/%m/%Y %H:%M")
        )
    elif entry.change == entry.Change.ADDED:
        lines.append(
            _("Added on %s") % timezone.localtime(entry.changed_at).strftime("%d/%m/%Y %H:%M")
        )
    return "\n".join(lines)


def entry_event(entry, page, host, zone, stamp):
    event = Event()
    event.add("uid", f"{entry.translation_key}-{entry.locale.language_code}@{host}")
    event.add("dtstamp", stamp)
    event.add("dtstart", datetime.combine(entry.date, entry.start_time, zone))
    if entry.end_time:
        event.add("dtend", datetime.combine(entry.date, entry.end_time, zone))
    event.add("summary", entry.content)
    if entry.venue:
        event.add("location", entry.venue)
    description = entry_description(entry)
    if description:
        event.add("description", description)
    if entry.modified_at:
        event.add("last-modified", entry.modified_at)
    event.add("sequence", entry.sequence)
    url = page.full_url
    if url:
        event.add("url", url + page.reverse_subpage("week", args=[entry.week.label]))
    return event


def build_calendar(page, entries, leader=None):
    """The VCALENDAR of `entries` (a queryset of published entries)."""
    zone = ZoneInfo(settings.TIME_ZONE)
    site = page.get_site()
    host = site.hostname if site else "localhost"
    name = page.title if leader is None else f"{page.title} - {leader.name}"
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    for entry in entries:
        calendar.add_component(entry_event(entry, page, host, zone, stamp))
    calendar.add_missing_timezones()
    return calendar


def calendar_response(request, page, entries, leader):
    calendar = build_calendar(page, entries, leader)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    filename = "lich-cong-tac" + (f"-{leader.slug}" if leader else "") + ".ics"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
