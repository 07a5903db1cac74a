"""Counting visitors in the cache, reading the figures, folding them into the database.

A visitor is `HMAC(daily key, IP address + user agent)`: the key is derived from SECRET_KEY
and the local date (TIME_ZONE), so the hashes of one day cannot be linked to another
day's, and no IP address is stored anywhere. A visitor therefore counts once per day:
"Trong tuần" and "Tất cả" add up the days' visitors.

What the cache keeps of each day, and the two stores that keep it, are in `visits.stores`.
"""

import dataclasses
import datetime
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.crypto import salted_hmac
from redis.exceptions import RedisError

from core.locks import exclusive

from .models import DailyVisits, PageViews, VisitSettings
from .stores import DAY_KEYS_TTL, get_store

logger = logging.getLogger(__name__)

# How long the database part of the figures (days before today, the starting total) is
# reused before it is read again; the fold refreshes it at once.
BASE_TTL = 60
FOLD_LOCK_TTL = 10 * 60


def local_now(now=None):
    """`now` (default: the current time) in the configured time zone (TIME_ZONE)."""
    return (now or timezone.now()).astimezone(timezone.get_default_timezone())


def week_start(day):
    """Monday of the week of `day`."""
    return day - datetime.timedelta(days=day.weekday())


def visitor_hash(ip, user_agent, day):
    """The visitor's id for `day`: a keyed hash of IP address and user agent."""
    return salted_hmac(
        f"visits.visitor.{day.isoformat()}",
        f"{ip}\n{user_agent}",
        algorithm="sha256",
    ).hexdigest()[:32]


# Figures ------------------------------------------------------------------------------


@dataclasses.dataclass
class Figures:
    online: int
    today: int
    this_week: int
    total: int
    page_views: int | None = None

    def as_dict(self):
        data = {
            "online": self.online,
            "today": self.today,
            "this_week": self.this_week,
            "total": self.total,
        }
        if self.page_views is not None:
            data["page_views"] = self.page_views
        return data


def live_value(row, state, field):
    """A day's figure: the database's, plus what the cache counted since the last fold."""
    folded = getattr(row, field) if row is not None else 0
    if state.generation is None:
        return folded
    if row is not None and row.generation == state.generation:
        return getattr(row, f"carried_{field}") + getattr(state, field)
    return folded + getattr(state, field)


def cached_days(today):
    """The days whose keys the cache may still hold, oldest first."""
    return [today - datetime.timedelta(days=n) for n in range(DAY_KEYS_TTL // 86400, -1, -1)]


def base_key(day):
    return f"visits:base:{day.isoformat()}"


def page_base_key(page_id):
    return f"visits:page-base:{page_id}"


def compute_base(today, store):
    """The figures' database part: everything before today, and today's folded row."""
    monday = week_start(today)
    first = min(monday, cached_days(today)[0])
    rows = {row.date: row for row in DailyVisits.objects.filter(date__gte=first, date__lte=today)}
    # The days before `first` and the starting total in one query; no settings row yet is the
    # settings' default (0), as `VisitSettings.load()` would make it.
    starting_total = VisitSettings.objects.order_by("pk").values("starting_total")[:1]
    before = DailyVisits.objects.filter(date__lt=first).aggregate(
        n=Coalesce(Sum("visitors"), 0) + Coalesce(Subquery(starting_total), 0)
    )["n"]
    week = total = 0
    live_window = set(cached_days(today))
    day = first
    while day < today:
        row = rows.get(day)
        if day in live_window:
            value = live_value(row, store.day_state(day), "visitors")
        else:
            value = row.visitors if row is not None else 0
        total += value
        if day >= monday:
            week += value
        day += datetime.timedelta(days=1)
    today_row = rows.get(today)
    return {
        "week_before_today": week,
        "total_before_today": before + total,
        "today_row": (
            {
                "visitors": today_row.visitors,
                "views": today_row.views,
                "generation": today_row.generation,
                "carried_visitors": today_row.carried_visitors,
                "carried_views": today_row.carried_views,
            }
            if today_row is not None
            else None
        ),
    }


def get_bases(today, store, page_id):
    """The database parts of the figures, from the cache when fresh (one round trip)."""
    keys = [base_key(today)] + ([page_base_key(page_id)] if page_id is not None else [])
    found = cache.get_many(keys)
    base = found.get(keys[0])
    if base is None:
        base = compute_base(today, store)
        cache.set(keys[0], base, BASE_TTL)
    page_base = None
    if page_id is not None:
        page_base = found.get(keys[1])
        if page_base is None:
            page_base = (
                PageViews.objects.filter(page_id=page_id).values_list("views", flat=True).first()
                or 0
            )
            cache.set(keys[1], page_base, BASE_TTL)
    return base, page_base


def combine(live, base, page_base):
    row = base["today_row"]
    row = DailyVisits(**row) if row is not None else None
    today = live_value(row, live.today, "visitors")
    week = base["week_before_today"] + today
    return Figures(
        online=live.online,
        today=today,
        this_week=week,
        total=base["total_before_today"] + today,
        page_views=page_base + live.page_pending if page_base is not None else None,
    )


def record_visit(ip, user_agent, page_id=None, now=None):
    """Count one page view of the visitor (and of `page_id`); return the figures after it."""
    now = now or timezone.now()
    today = local_now(now).date()
    store = get_store()
    live = store.record(today, visitor_hash(ip, user_agent, today), now.timestamp(), page_id)
    return combine(live, *get_bases(today, store, page_id))


def current_figures(page_id=None, now=None):
    """The figures without counting anything."""
    now = now or timezone.now()
    today = local_now(now).date()
    store = get_store()
    live = store.read(today, now.timestamp(), page_id)
    return combine(live, *get_bases(today, store, page_id))


def page_view_counts(page_ids):
    """{page id: views} of several pages, folded and pending: one query and one cache round
    trip whatever their number. Without the cache, the folded views only."""
    page_ids = list(page_ids)
    folded = dict(PageViews.objects.filter(page_id__in=page_ids).values_list("page_id", "views"))
    try:
        pending = get_store().pending_for(page_ids)
    except RedisError:
        logger.warning("Visitor statistics: the cache is unavailable")
        pending = {}
    return {pk: folded.get(pk, 0) + pending.get(pk, 0) for pk in page_ids}


def daily_figures(start, end, now=None):
    """[(date, visitors, views)] for each day from `start` to `end`, today's live."""
    today = local_now(now).date()
    store = get_store()
    rows = {row.date: row for row in DailyVisits.objects.filter(date__gte=start, date__lte=end)}
    live_window = set(cached_days(today))
    days = []
    for offset in range((end - start).days + 1):
        day = start + datetime.timedelta(days=offset)  # never beyond `end`, even at date.max
        row = rows.get(day)
        if day in live_window:
            state = store.day_state(day)
            visitors = live_value(row, state, "visitors")
            views = live_value(row, state, "views")
        else:
            visitors, views = (row.visitors, row.views) if row is not None else (0, 0)
        days.append((day, visitors, views))
    return days


# Folding into the database ------------------------------------------------------------


def fold(now=None):
    """Write the cache's counts into the database; return what was folded, or None when
    another fold is running (on any node: `core.locks`). Idempotent for the days; page views
    move exactly once."""
    with exclusive("visits:fold", FOLD_LOCK_TTL) as held:
        return _fold(now) if held else None


def _fold(now):
    from wagtail.models import Page

    store = get_store()
    today = local_now(now).date()
    days = 0
    for day in cached_days(today):
        state = store.day_state(day)
        if state.generation is None:
            continue
        with transaction.atomic():
            row, _ = DailyVisits.objects.select_for_update().get_or_create(date=day)
            if row.generation != state.generation:
                row.carried_visitors, row.carried_views = row.visitors, row.views
                row.generation = state.generation
            row.visitors = row.carried_visitors + state.visitors
            row.views = row.carried_views + state.views
            row.save()
        days += 1
    pending = {pk: n for pk, n in store.pending_page_views().items() if n > 0}
    existing = set(Page.objects.filter(pk__in=pending).values_list("pk", flat=True))
    with transaction.atomic():
        counted = set(
            PageViews.objects.filter(page_id__in=existing).values_list("page_id", flat=True)
        )
        for page_id in counted:
            PageViews.objects.filter(page_id=page_id).update(views=F("views") + pending[page_id])
        PageViews.objects.bulk_create(
            PageViews(page_id=page_id, views=pending[page_id]) for page_id in existing - counted
        )
    cache.delete_many(
        [base_key(day) for day in cached_days(today)] + [page_base_key(pk) for pk in pending]
    )
    if pending:
        store.subtract_page_views(pending)
    return {"days": days, "pages": len(existing)}


def fold_due():
    """True once per `VISITS_FOLD_INTERVAL` seconds across all processes (0: never)."""
    interval = settings.VISITS_FOLD_INTERVAL
    return bool(interval) and cache.add("visits:fold-due", 1, interval)
