"""Recording changes: rows inserted inside the transaction that makes the change.

Why inside, not on commit: a row written after the commit is lost if the process dies in
between, and the consumer never hears of the deletion. Inside the transaction, the row
commits or rolls back with the change itself.

Why the advisory lock: ids are allocated when a row is inserted, not when its transaction
commits. Were transaction A to insert id 7, then B insert id 8 and commit first, a reader
could see 8, store its cursor, and never see 7. Just before inserting, the recording
transaction takes `pg_advisory_xact_lock(ADVISORY_LOCK)`, held until it commits or rolls
back: a second recording transaction waits there, so ids are allocated in commit order and a
reader never sees N+1 before N. Publishing transactions serialise from that point to their
commit only (the lock is taken last, after the content is written). SQLite serialises
writers anyway. A rolled-back transaction leaves a gap in the ids, which readers skip.

`content_changed` is sent for each row once the transaction has committed.
"""

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Locale

from core.api.routers import api_routers
from core.internals import api_endpoints

from .models import DELETE, UPSERT, ContentChange
from .signals import content_changed

# Any constant: the key of the PostgreSQL advisory lock ordering the log's ids.
ADVISORY_LOCK = 0x636F6E74656E74  # "content"

_language_codes = {}


def serves_objects(viewset):
    """Whether an endpoint serves public objects by id: a Wagtail viewset with a detail URL
    (not the visits, preview or changes endpoints)."""
    return issubclass(viewset, BaseAPIViewSet) and any(
        pattern.name == "detail" for pattern in viewset.get_urlpatterns()
    )


def endpoints_serving(model):
    """The names of the API endpoints serving `model` (their model or a parent of it)."""
    names = []
    for router in api_routers():
        for name, viewset in api_endpoints(router).items():
            if issubclass(model, viewset.model) and serves_objects(viewset):
                names.append(name)
    return names


def synced_endpoints():
    """The names of the endpoints whose objects the change log records, in the routers' order."""
    return [
        name
        for router in api_routers()
        for name, viewset in api_endpoints(router).items()
        if serves_objects(viewset)
    ]


def language_code(locale_id):
    """The language code of a Locale id, read once per process (locales are never renamed)."""
    if locale_id is None:
        return ""
    if locale_id not in _language_codes:
        _language_codes.update(Locale.objects.values_list("id", "language_code"))
    return _language_codes.get(locale_id, "")


class Change:
    """A change to record: the model class, the API id, the locale id and the event."""

    def __init__(self, model, object_id, locale_id, event, reason):
        self.model, self.object_id, self.locale_id = model, object_id, locale_id
        self.event, self.reason = event, reason


def upsert(obj_or_model, object_id=None, locale_id=None, reason="published"):
    return _change(obj_or_model, object_id, locale_id, UPSERT, reason)


def delete(obj_or_model, object_id=None, locale_id=None, reason="deleted"):
    return _change(obj_or_model, object_id, locale_id, DELETE, reason)


def _change(obj, object_id, locale_id, event, reason):
    if isinstance(obj, type):
        return Change(obj, object_id, locale_id, event, reason)
    return Change(type(obj), obj.pk, getattr(obj, "locale_id", None), event, reason)


def last_events(keys):
    """{(endpoint, object_id): the last event logged}, in one query."""
    if not keys:
        return {}
    ids = {object_id for _endpoint, object_id in keys}
    latest = (
        ContentChange.objects.filter(object_id__in=ids, endpoint__in={e for e, _i in keys})
        .values("endpoint", "object_id")
        .annotate(last=Max("id"))
        .values("last")
    )
    rows = ContentChange.objects.filter(id__in=latest).values_list("endpoint", "object_id", "event")
    return {(endpoint, object_id): event for endpoint, object_id, event in rows}


def record(changes):
    """Insert the rows of `changes` (one per endpoint serving each object), skipping what
    would not change the consumer's view: a delete of what already left the public set. An
    upsert of what is already in it is an "updated" one.

    The caller checks the object was public before a delete (the log may predate it)."""
    rows = []
    for change in changes:
        if change.model is None:
            continue  # a page type whose code is gone: no endpoint serves it
        for endpoint in endpoints_serving(change.model):
            rows.append(
                ContentChange(
                    endpoint=endpoint,
                    object_type=change.model._meta.label,
                    object_id=change.object_id,
                    locale=language_code(change.locale_id),
                    event=change.event,
                    reason=change.reason,
                )
            )
    if not rows:
        return []
    # No savepoint: a failure here fails the publishing transaction, as it must.
    with transaction.atomic(savepoint=False):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK])
        previous = last_events({(row.endpoint, row.object_id) for row in rows})
        kept = []
        now = timezone.now()
        for row in rows:
            last = previous.get((row.endpoint, row.object_id))
            if row.event == DELETE and last == DELETE:
                continue
            if row.event == UPSERT and last == UPSERT and row.reason == "published":
                row.reason = "updated"
            row.occurred_at = now
            previous[(row.endpoint, row.object_id)] = row.event
            kept.append(row)
        ContentChange.objects.bulk_create(kept)
    for row in kept:
        transaction.on_commit(
            lambda row=row: content_changed.send(sender=ContentChange, change=row)
        )
    return kept
