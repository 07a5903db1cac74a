"""The published entries a reader may see, fetched at a fixed number of queries."""

from datetime import timedelta

from django.db.models import Prefetch, Q
from django.utils import timezone

from snippets.models import Agency, Person

from .weeks import monday_of

# The iCalendar feeds' window, in weeks before and after this one.
FEED_WEEKS_BEFORE = 8
FEED_WEEKS_AFTER = 12


def published_entries(locales):
    """The entries of the published weeks in `locales` (ids), in time order, with what they
    show."""
    from .models import WorkEntry

    return (
        WorkEntry.objects.filter(week__live=True, week__locale_id__in=locales)
        .select_related("presider", "week", "locale")
        .prefetch_related(
            Prefetch("participant_units", Agency.objects.live().order_by("name")),
            Prefetch("participant_people", Person.objects.live().order_by("name")),
        )
        .order_by("date", "start_time", "sort_order", "pk")
    )


def by_leader(entries, leader):
    """The entries the leader presides or takes part in."""
    if leader is None:
        return entries
    return entries.filter(Q(presider=leader) | Q(participant_people=leader)).distinct()


def feed_window(today=None):
    """The first and last day the feeds cover."""
    monday = monday_of(today or timezone.localdate())
    return (
        monday - timedelta(weeks=FEED_WEEKS_BEFORE),
        monday + timedelta(weeks=FEED_WEEKS_AFTER, days=6),
    )


def leaders(locale):
    """The live people who preside a published entry in `locale`, by name."""
    return Person.objects.live().filter(
        locale=locale,
        pk__in=published_entries([locale]).values("presider").order_by(),
    )


def find_leader(locale, slug):
    """The leader of that slug in `locale`, or None."""
    return leaders(locale).filter(slug=slug).first()
