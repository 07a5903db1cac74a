"""`GET /api/v2/changes/`: the change log, oldest first, for incremental sync with tombstones.

    GET /api/v2/changes/?since=2026-12-01T00:00:00Z&endpoint=pages,agencies&locale=vi&limit=100
    {"meta": {"next_cursor": "...", "has_more": false, "retention_days": 90},
     "items": [{"cursor": "...", "event": "delete", "reason": "unpublished",
                "endpoint": "pages", "type": "articles.NewsArticlePage", "id": 42,
                "locale": "vi", "occurred_at": "...", "detail_url": null}]}

A cursor is opaque: the position (a row id) signed with the filter it was made for
(`endpoint` list and `locale`), so a cursor of another filter is refused (400) rather than
silently skipping rows. `since` or a cursor older than the retention period (or the last
pruning's horizon) answers 410 with `"resync": true`. `locale` keeps the rows in that language
and those of images and documents (no language). Every answer costs the same few queries.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.db.models import Max
from django.http import JsonResponse
from django.urls import path, resolve, reverse
from django.utils.cache import patch_cache_control
from wagtail.api.v2.utils import BadRequestError, get_full_url

from core.api.parameters import parse_iso_datetime, requested_language
from core.api.routers import api_routers
from core.internals import api_endpoints
from core.middleware import session_in_use

from .models import ContentChange
from .pruning import horizon, retention_cutoff
from .recording import serves_objects

DEFAULT_LIMIT = 100
MAX_LIMIT = 500
# Seconds a client or shared cache may keep an answer: short, the log grows all the time.
MAX_AGE = 5
PARAMETERS = {"since", "cursor", "endpoint", "locale", "limit"}
SALT = "core.changes.cursor"


class Gone(Exception):
    pass


def make_cursor(position, endpoints, locale):
    return signing.dumps({"p": position, "e": endpoints, "l": locale}, salt=SALT)


def read_cursor(value, endpoints, locale):
    try:
        data = signing.loads(value, salt=SALT)
        position = int(data["p"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise BadRequestError("cursor: not a cursor of this API") from error
    if data.get("e") != endpoints or data.get("l") != locale:
        raise BadRequestError(
            "cursor: made for another endpoint or locale filter; pass the same filter"
        )
    return position


def served_endpoints(router):
    """The endpoints serving public objects by id, by name."""
    return sorted(name for name, view in api_endpoints(router).items() if serves_objects(view))


def requested_endpoints(request, known):
    names = []
    for value in request.GET.getlist("endpoint"):
        names += [name.strip() for name in value.split(",") if name.strip()]
    unknown = sorted(set(names) - set(known))
    if unknown:
        raise BadRequestError(
            f"endpoint: unknown {', '.join(unknown)[:200]}; one of: {', '.join(known)}"
        )
    return sorted(set(names))


def requested_limit(request):
    value = request.GET.get("limit", str(DEFAULT_LIMIT)).strip()
    if not value.isascii() or not value.isdigit() or not 1 <= int(value) <= MAX_LIMIT:
        raise BadRequestError(f"limit must be an integer from 1 to {MAX_LIMIT}")
    return int(value)


def start_position(request, endpoints, locale):
    """The id after which to list, from `cursor` or `since` (or the log's start)."""
    pruned_up_to, pruned_cutoff = horizon()
    cursor = request.GET.get("cursor")
    if cursor is not None:
        if "since" in request.GET:
            raise BadRequestError("cursor, since: pass one of them")
        position = read_cursor(cursor, endpoints, locale)
        if position < pruned_up_to:
            raise Gone
        return position
    since = parse_iso_datetime(request, "since")
    if since is None:
        if pruned_up_to:
            raise Gone  # the start of the log is gone: resync, then follow from now
        return 0
    if since < retention_cutoff() or (pruned_cutoff is not None and since < pruned_cutoff):
        raise Gone
    before = ContentChange.objects.filter(occurred_at__lt=since).aggregate(last=Max("id"))
    return max(before["last"] or 0, pruned_up_to)


def item(request, change, router, endpoints, locale):
    detail_url = None
    if change.event == "upsert":
        detail_url = get_full_url(
            request,
            reverse(
                f"{router.url_namespace}:{change.endpoint}:detail",
                kwargs={"pk": change.object_id},
            ),
        )
    return {
        "cursor": make_cursor(change.id, endpoints, locale),
        "event": change.event,
        "reason": change.reason,
        "endpoint": change.endpoint,
        "type": change.object_type,
        "id": change.object_id,
        "locale": change.locale,
        "occurred_at": change.occurred_at.isoformat(),
        "detail_url": detail_url,
    }


def request_namespaces(request):
    """The URL namespaces the request came through (a request made by hand, for the docs'
    examples, has no resolver_match)."""
    match = getattr(request, "resolver_match", None) or resolve(request.path_info)
    return match.namespaces


def request_router(request):
    """The router whose URLs the request came through."""
    namespace = request_namespaces(request)[0]
    return next(router for router in api_routers() if router.url_namespace == namespace)


def changes_view(request):
    router = request_router(request)
    try:
        unknown = sorted(set(request.GET) - PARAMETERS)
        if unknown:
            raise BadRequestError(f"unknown parameter: {', '.join(unknown)[:200]}")
        for name, value in request.GET.items():
            if "\x00" in value:
                raise BadRequestError(f"{name}: null characters are not allowed")
        endpoints = requested_endpoints(request, served_endpoints(router))
        locale = requested_language(request) or ""
        limit = requested_limit(request)
        position = start_position(request, endpoints, locale)
    except BadRequestError as error:
        return JsonResponse({"message": str(error)}, status=400)
    except Gone:
        return JsonResponse(
            {
                "message": "This position is older than the change log keeps "
                f"({settings.API_CHANGES_RETENTION_DAYS} days): resync every endpoint, "
                "then follow the changes from the time the resync started.",
                "resync": True,
            },
            status=410,
        )
    rows = ContentChange.objects.filter(id__gt=position).order_by("id")
    if endpoints:
        rows = rows.filter(endpoint__in=endpoints)
    if locale:
        rows = rows.filter(locale__in=[locale, ""])
    rows = list(rows[: limit + 1])
    has_more = len(rows) > limit
    rows = rows[:limit]
    last = rows[-1].id if rows else position
    response = JsonResponse(
        {
            "meta": {
                "next_cursor": make_cursor(last, endpoints, locale),
                "has_more": has_more,
                "retention_days": settings.API_CHANGES_RETENTION_DAYS,
            },
            "items": [item(request, row, router, endpoints, locale) for row in rows],
        }
    )
    if session_in_use(request):
        response["Cache-Control"] = "private"
    else:
        patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


def changes_url(request, endpoint, since):
    """The stream filtered to `endpoint` from `since`, for a listing's `meta.changes_url`."""
    namespace = request_namespaces(request)[0]
    query = urlencode({"endpoint": endpoint, "since": since})
    return get_full_url(request, reverse(f"{namespace}:changes:listing")) + "?" + query


class ChangesAPIViewSet:
    """Registered on the API router like Wagtail's endpoints (`get_urlpatterns`, `model`)."""

    model = ContentChange

    @classmethod
    def get_urlpatterns(cls):
        return [path("", changes_view, name="listing")]

    @classmethod
    def openapi_paths(cls, base, responses):
        from core.openapi.changes import changes_paths

        return changes_paths(base, responses, DEFAULT_LIMIT, MAX_LIMIT)
