"""Site-wide fragments (menu, banners, announcements, settings) and listing counts, kept in
Django's cache between requests, and the version token under which they and whole answers
(`core.response_cache`) are kept.

Every page shows the same menu, banners and sidebar of its language; computing them cost a
third of an uncached page view's queries, and a listing's `COUNT(*)` over 100,000 articles
most of its time. They are cached under a version token that any change to what they show
replaces (`connect()`: a page published, unpublished, moved or deleted, a snippet or the
portal settings saved or deleted), so the next request computes them again. A banner
fragment expires at the banners' next scheduled start or end, the announcements box is
kept per day (announcements are valid until a date).

What changes by itself at a known time (a shown banner's next start or end, the header's
date line at local midnight: `next_midnight`) is noted on the request (`note_change`, also
for a fragment read from the cache), and `core.middleware.CacheHeadersMiddleware` keeps the
whole answer no longer than that (`next_change`).
"""

import datetime
import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from . import replicas

logger = logging.getLogger(__name__)

VERSION_KEY = "portal:fragments:version"
# Writes of a committed change's token before it is logged as lost.
STORE_ATTEMPTS = 3
# Apps whose saved or deleted objects can show in a fragment or a page kept whole by
# `core.response_cache` (snippets, blocs, settings, a document's relations and approved
# comments, the organisation's leaders, calendar entries).
WATCHED_APPS = {
    "articles",
    "snippets",
    "blocs",
    "home",
    "legal_documents",
    "organisation",
    "work_calendar",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
}
# Models whose saves (drafts, logs, renditions drawn by a page view) change no fragment.
IGNORED_MODELS = {
    "revision",
    "pagelogentry",
    "modellogentry",
    "workflowstate",
    "taskstate",
    "rendition",
}


def current_version(request=None):
    """The version token, read from the cache once per request."""
    if request is not None and hasattr(request, "_portal_fragment_version"):
        return request._portal_fragment_version
    version = cache.get(VERSION_KEY)
    if version is None:
        # Lost (Redis restarted or unreachable): the last change's position is unknown, so
        # readers need replicas that have replayed all the primary has now.
        version = replicas.token(replicas.current_position())
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY) or version
    if request is not None:
        request._portal_fragment_version = version
    return version


def invalidate(**kwargs):
    """A new version token: every fragment and count is computed again. Again once the
    change commits: a request between the signal and the commit would store what it read
    before the change (a restriction not yet visible) under the new token.

    Each token carries the primary's WAL position when it is made, so that readers read
    from replicas that have replayed it (`core.replicas`): the one made at the commit, the
    change; the one made now, every change committed before (it stays if this transaction
    rolls back)."""
    cache.set(VERSION_KEY, replicas.token(replicas.current_position()), None)
    transaction.on_commit(lambda: store_committed(replicas.token(replicas.current_position())))


def store_committed(version):
    """Make `version`, made at a commit, the token, unless a later change's (a position at
    least as far) is there already. A write lost to a cache timeout is tried again: the
    token made before the commit would stay, under which readers may have kept what they
    read before the change."""
    position = replicas.position_of(version)
    for _attempt in range(STORE_ATTEMPTS):
        current = cache.get(VERSION_KEY)
        if current == version or (
            position and current is not None and replicas.position_of(current) >= position
        ):
            return
        cache.set(VERSION_KEY, version, None)
    if cache.get(VERSION_KEY) != version:
        logger.error("The fragments' version token could not be stored: %s", version)


def note_change(request, when):
    """The page being made for `request` changes by itself at `when` (an aware datetime, or
    None: never): CacheHeadersMiddleware lets shared caches, and `core.response_cache`,
    keep its answer no longer."""
    if request is None or when is None:
        return
    current = getattr(request, "_portal_next_change", None)
    if current is None or when < current:
        request._portal_next_change = when


def next_change(request):
    """The earliest time noted by `note_change` for this request, or None."""
    return getattr(request, "_portal_next_change", None)


def next_midnight():
    """The start of tomorrow in the portal's time zone: when a page showing today's date
    changes."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))


def cached(request, parts, compute, until=None):
    """`compute()`, kept in the cache under `parts` and the current version.

    `until()`, called when computing, may return when the value changes by itself (a
    banner's schedule): it is kept no longer, and neither is the answer of any request that
    shows it (`note_change`).
    """
    key = "portal:fragment:" + ":".join(str(part) for part in (current_version(request), *parts))
    entry = cache.get(key)
    # The change time is kept with the value and checked by this clock, not left to the
    # cache's expiry alone (Redis's clock, whole seconds).
    if entry is not None and (entry[1] is None or timezone.now() < entry[1]):
        note_change(request, entry[1])
        return entry[0]
    value = compute()
    timeout = settings.FRAGMENT_CACHE_SECONDS
    change = until() if until is not None else None
    note_change(request, change)
    if change is not None:
        timeout = max(0, min(timeout, int((change - timezone.now()).total_seconds())))
    if timeout:
        cache.set(key, (value, change), timeout)
    return value


def cached_count(request, queryset):
    """`queryset.count()`, cached per version under its SQL (other objects: counted)."""
    if not isinstance(queryset, QuerySet):
        return queryset.count()
    try:
        sql = str(queryset.query)
    except EmptyResultSet:
        return 0
    digest = hashlib.sha256(sql.encode()).hexdigest()
    return cached(request, ("count", digest), queryset.count)


class CachedCountPaginator(Paginator):
    """A paginator whose `count` is cached per version (see `cached_count`)."""

    def __init__(self, object_list, per_page, request=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.request = request

    @cached_property
    def count(self):
        if isinstance(self.object_list, QuerySet):
            return cached_count(self.request, self.object_list)
        return super().count


def _model_changed(sender, created=False, **kwargs):
    meta = sender._meta
    if meta.app_label not in WATCHED_APPS or meta.model_name in IGNORED_MODELS:
        return
    if created and issubclass(sender, BaseSiteSetting):
        return  # made with its defaults on its first read (`for_site`): nothing shown changes
    invalidate()


def connect():
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(invalidate, dispatch_uid=f"portal_fragments_{id(signal)}")
    post_save.connect(_model_changed, dispatch_uid="portal_fragments_saved")
    post_delete.connect(_model_changed, dispatch_uid="portal_fragments_deleted")
    # Every deploy runs `migrate`: what was kept was made by the old code and settings.
    post_migrate.connect(invalidate, dispatch_uid="portal_fragments_migrated")
