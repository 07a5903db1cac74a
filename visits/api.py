"""`/api/v2/visits/`: the four figures and the daily figures of a date range.

    GET /api/v2/visits/?start=2024-11-01&end=2024-11-30
    {"online": 3, "today": 120, "this_week": 845, "total": 1204311,
     "daily": [{"date": "2024-11-01", "visitors": 130, "views": 402}, ...]}

`start` and `end` are local dates (TIME_ZONE), inclusive; by default the 30 days
ending today; at most 366 days. A bad or unknown parameter is a 400 answer naming it.
"""

import datetime

from django.conf import settings
from django.http import JsonResponse
from django.urls import path
from django.utils.cache import patch_cache_control
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from redis.exceptions import RedisError

from .counting import current_figures, daily_figures, local_now
from .models import DailyVisits

MAX_DAYS = 366
DEFAULT_DAYS = 30


class BadParameter(ValueError):
    pass


def parse_day(request, name, default):
    value = request.GET.get(name)
    if value is None:
        return default
    try:
        day = parse_date(value.strip())
    except ValueError:
        day = None
    if day is None:
        raise BadParameter(_("%(name)s: expected a date such as 2024-11-17") % {"name": name})
    return day


def visits_view(request):
    unknown = sorted(set(request.GET) - {"start", "end"})
    try:
        if unknown:
            raise BadParameter(
                _("unknown parameter: %(names)s") % {"names": ", ".join(unknown)[:200]}
            )
        today = local_now().date()
        end = parse_day(request, "end", today)
        # By default the 30 days ending at `end`, or fewer from the first day there is.
        default_start = datetime.date.fromordinal(max(1, end.toordinal() - DEFAULT_DAYS + 1))
        start = parse_day(request, "start", default_start)
        if start > end:
            raise BadParameter(_("start: must not be after end"))
        if (end - start).days >= MAX_DAYS:
            raise BadParameter(_("start, end: at most %(n)d days") % {"n": MAX_DAYS})
    except BadParameter as error:
        return JsonResponse({"message": str(error)}, status=400)
    try:
        data = current_figures().as_dict()
        data["daily"] = [
            {"date": day.isoformat(), "visitors": visitors, "views": views}
            for day, visitors, views in daily_figures(start, end)
        ]
    except RedisError:
        return JsonResponse({"message": _("Visitor statistics are unavailable")}, status=503)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
    return response


def figures_schema(date):
    """The schema of the answer: the four figures and the daily figures of the range."""
    count = {"type": "integer", "minimum": 0}
    return {
        "type": "object",
        "properties": {
            "online": count,
            "today": count,
            "this_week": count,
            "total": count,
            "daily": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"date": date, "visitors": count, "views": count},
                    "required": ["date", "visitors", "views"],
                    "additionalProperties": False,
                },
            },
        },
        "required": ["online", "today", "this_week", "total", "daily"],
        "additionalProperties": False,
    }


def range_parameters(date):
    """The OpenAPI descriptions of `start` and `end`."""
    day_range = _("local dates (%(time_zone)s), inclusive, at most %(days)s days") % {
        "days": MAX_DAYS,
        "time_zone": settings.TIME_ZONE,
    }
    return [
        {
            "name": "start",
            "in": "query",
            "schema": date,
            "description": _(
                "First day of `daily` (%(range)s); by default %(days)s days before `end`."
            )
            % {"range": day_range, "days": DEFAULT_DAYS - 1},
        },
        {
            "name": "end",
            "in": "query",
            "schema": date,
            "description": _("Last day of `daily` (%(range)s); by default today.")
            % {"range": day_range},
        },
    ]


class VisitsAPIViewSet:
    """Registered on the API router like Wagtail's endpoints (`get_urlpatterns`, `model`)."""

    model = DailyVisits

    @classmethod
    def get_urlpatterns(cls):
        return [path("", visits_view, name="listing")]

    @classmethod
    def openapi_paths(cls, base, responses):
        """This endpoint in the OpenAPI document; `responses(schema, description)` gives the
        answers every endpoint shares (200 with caching headers, 304, 400, 404)."""
        date = {"type": "string", "format": "date", "examples": ["2024-11-17"]}
        answers = responses(
            figures_schema(date), "The four figures and the daily figures of the range."
        )
        answers["503"] = {
            "description": "The visitor counter's store is unavailable.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        return {
            base: {
                "get": {
                    "operationId": "visits",
                    "tags": ["visits"],
                    "summary": _("Visitor statistics: online now, today, this week, total"),
                    "parameters": range_parameters(date),
                    "responses": answers,
                }
            }
        }
