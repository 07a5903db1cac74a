"""The query parameters every API endpoint reads, and their bounds.

Each parser takes the request and the parameter's name, returns None when the parameter is
absent, and raises Wagtail's BadRequestError (a 400 answer naming the parameter) for a value
it cannot read.
"""

import re
from datetime import UTC, datetime, time, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from wagtail.api.v2.utils import BadRequestError
from wagtail.coreutils import get_content_languages

from core.renditions import requestable

# The largest id or offset a client may send: PostgreSQL's integer; larger ones get a 400.
MAX_INTEGER = 2**31 - 1

# Real UTC offsets run from -12:00 to +14:00; PostgreSQL refuses any beyond ±15:59 with an
# error, where Python accepts up to ±23:59.
MAX_UTC_OFFSET = timedelta(hours=14)

SLUG_PATTERN = re.compile(r"[-a-zA-Z0-9_]{1,255}")


def requested_language(request):
    """The language code of `?locale=`, None without it; a 400 answer for an unknown one."""
    language_code = request.GET.get("locale")
    if language_code is None:
        return None
    languages = get_content_languages()
    if language_code not in languages:
        raise BadRequestError(f"locale must be one of: {', '.join(languages)}")
    return language_code


def parse_iso_datetime(request, name, end_of_day=False):
    """`?name=` as an aware datetime, None when absent; a 400 answer when it is not ISO 8601.

    Takes a date (`2024-05-01`: the start of that day in the site's time zone, or with
    `end_of_day` its last microsecond) or a date and time (`2024-05-01T08:30:00+07:00`,
    `2024-05-01T01:30:00Z`; without an offset, the site's time zone).
    """
    value = request.GET.get(name)
    if value is None:
        return None
    value = value.strip()
    message = (
        f"{name} must be an ISO 8601 date or date and time, "
        "such as 2024-05-01 or 2024-05-01T08:30:00+07:00"
    )
    try:
        day = parse_date(value)
        if day is None and "T" in value:
            value = re.sub(r" (\d\d:?\d\d)$", r"+\1", value)  # an unescaped "+" in the offset
        moment = None if day else parse_datetime(value)
        if day is not None:
            moment = datetime.combine(day, time())
            if end_of_day:
                moment += timedelta(days=1, microseconds=-1)
    except (ValueError, OverflowError) as e:
        raise BadRequestError(message) from e
    if moment is None:
        raise BadRequestError(message)
    try:
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        check_utc_offset(moment)
        return moment.astimezone(UTC)  # what the database stores must exist
    except (ValueError, OverflowError) as e:
        raise BadRequestError(message) from e


def check_utc_offset(moment):
    """Raise ValueError for a time whose UTC offset no place on Earth uses."""
    offset = moment.utcoffset()
    if offset is not None and abs(offset) > MAX_UTC_OFFSET:
        raise ValueError(f"UTC offset {offset} out of range")


def ascii_digits(value):
    """Whether `value` is a number int() reads: `str.isdigit()` is also true of "³" and "²⁰²⁴",
    which int() refuses."""
    return value.isascii() and value.isdigit()


def parse_year(request, name="year"):
    """`?year=2024` as an int, None when absent; a 400 answer for anything else."""
    value = request.GET.get(name)
    if value is None:
        return None
    value = value.strip()
    if not ascii_digits(value) or not 1 <= int(value) <= 9999:
        raise BadRequestError(f"{name} must be a year, such as 2024")
    return int(value)


def id_or_slug(request, name):
    """`?name=<id or slug>` as a Q object on the id or slug; None when absent."""
    value = request.GET.get(name)
    if value is None:
        return None
    value = value.strip()
    if ascii_digits(value):
        return Q(pk=int(value))
    if SLUG_PATTERN.fullmatch(value):
        return Q(slug=value)
    raise BadRequestError(f"{name} must be an id or a slug")


def dated_bounds(field, after, before):
    """The lookups of an inclusive range on `field` (from `parse_iso_datetime`'s bounds)."""
    lookups = {}
    if after is not None:
        lookups[f"{field}__gte"] = after
    if before is not None:
        lookups[f"{field}__lte"] = before
    return lookups


def requested_renditions(request):
    """The filter specs of `?renditions=width-800,fill-400x300`, in order, without repeats;
    () without it. A 400 answer for a spec outside `settings.API_RENDITION_SPECS`, an empty
    one or more than `settings.API_RENDITIONS_MAX`. Read once per request."""
    if hasattr(request, "_api_renditions"):
        return request._api_renditions
    value = request.GET.get("renditions")
    specs = ()
    if value is not None:
        allowed = requestable()
        names = [name.strip() for name in value.split(",")]
        refused = [name for name in names if name not in allowed]
        if refused:
            raise BadRequestError(
                f"renditions: {refused[0][:50]!r} is not allowed; one or more of: "
                + ", ".join(allowed)
            )
        specs = tuple(dict.fromkeys(names))
        if len(specs) > settings.API_RENDITIONS_MAX:
            raise BadRequestError(
                f"renditions: at most {settings.API_RENDITIONS_MAX} specs in one request"
            )
    request._api_renditions = specs
    return specs


def requested_fallback(request):
    """The language code of `?fallback=`, None without it: the language of the items given
    where `?locale=`'s has no translation. A 400 answer without `locale`, for the same
    language as `locale` or an unknown one."""
    fallback = request.GET.get("fallback")
    if fallback is None:
        return None
    language_code = requested_language(request)
    languages = get_content_languages()
    if fallback not in languages:
        raise BadRequestError(f"fallback must be one of: {', '.join(languages)}")
    if language_code is None:
        raise BadRequestError("fallback needs locale (the language wanted first)")
    if fallback == language_code:
        raise BadRequestError("fallback must be another language than locale")
    return fallback
