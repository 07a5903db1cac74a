"""Filter backends every endpoint shares: `?locale=` (with `?fallback=`), `?updated_since=`,
`?published_after=` / `?published_before=`, and Wagtail's field and search filters with a 400
answer where the database would fail.
"""

from datetime import UTC, datetime

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Locale

from core.internals import keep_api_queryset_marks

from .parameters import (
    check_utc_offset,
    parse_iso_datetime,
    requested_fallback,
    requested_language,
)


def filter_by_locale(queryset, language_code):
    """The objects of `queryset` in that language (none while its Locale does not exist).

    Filters on the `locale` foreign key itself, which the search backends index, so that
    `?search=` still works after it.
    """
    return queryset.filter(locale=Locale.objects.filter(language_code=language_code).first())


def filter_by_requested_locale(queryset, request, view):
    """`?locale=en`: the objects of `queryset` in English; with `&fallback=vi`, also the
    Vietnamese ones whose translation key has no English object the view serves.

    One query however many items: the English keys are a subquery of
    `view.get_translation_candidates()` (the published objects, before any other filter),
    so an English translation left out by another filter (`?tag=`) does not bring its
    Vietnamese one back. Sets `view.locale_fallback` to (language, fallback) for
    `LocaleFallbackField`. Filters on the `locale` foreign key and on `translation_key`, which
    the searchable models (pages, agencies, people, awards) declare as filter fields, so
    `?search=` still applies after it.
    """
    language_code = requested_language(request)
    fallback = requested_fallback(request)
    if language_code is None:
        return queryset
    if fallback is None:
        return filter_by_locale(queryset, language_code)
    locales = {
        locale.language_code: locale
        for locale in Locale.objects.filter(language_code__in=(language_code, fallback))
    }
    wanted, substitute = locales.get(language_code), locales.get(fallback)
    view.locale_fallback = (language_code, fallback)
    translated = view.get_translation_candidates().filter(locale=wanted).order_by()
    return queryset.filter(
        Q(locale=wanted)
        | Q(locale=substitute) & ~Q(translation_key__in=translated.values("translation_key"))
    )


class LocaleFilter(BaseFilterBackend):
    """`?locale=vi`: only the objects in that language. Without it, every language.
    `?locale=en&fallback=vi`: see `filter_by_requested_locale`."""

    def filter_queryset(self, request, queryset, view):
        return filter_by_requested_locale(queryset, request, view)


class LanguageNeutralLocaleFilter(BaseFilterBackend):
    """`?locale=` on an endpoint whose objects have no language: checked, never filtering.

    Images and documents are shared by every language version of the site: the images of
    the English site are all the images. A client may send the same `?locale=en` to every
    endpoint; here it gets everything, and a 400 answer for an unknown language.
    """

    def filter_queryset(self, request, queryset, view):
        requested_language(request)
        return queryset


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's field filters (`?slug=so-khcn`, `?year=2024`), with a 400 answer for a value
    the field cannot hold (`?created_at=abc`, `?decision_date=x`) where the database would
    raise a 500, or one outside the field's choices (`?placement=nowhere`). Dates and times
    take the forms Django reads: `2024-05-01`, `2024-05-01 08:30:00`."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        for name, value in request.GET.items():
            if name not in fields:
                continue
            try:
                field = queryset.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if getattr(field, "choices", None):  # reverse relations have none
                values = [str(choice) for choice, _label in field.flatchoices]
                if value not in values:
                    raise BadRequestError(f"{name} must be one of: {', '.join(values)}")
            elif field.is_relation:
                try:
                    int(value)
                except ValueError as e:
                    raise BadRequestError(
                        f"field filter error. {name} takes the id of a related object"
                    ) from e
            elif isinstance(field, models.DateField | models.DecimalField | models.FloatField):
                try:
                    moment = field.to_python(value)
                    if isinstance(moment, datetime) and timezone.is_naive(moment):
                        timezone.make_aware(moment).astimezone(UTC)
                    elif isinstance(moment, datetime):
                        check_utc_offset(moment)
                except (ValidationError, ValueError, OverflowError) as e:
                    raise BadRequestError(
                        f"field filter error. {value[:50]!r} is not a valid value for {name}"
                    ) from e
        return super().filter_queryset(request, queryset, view)


class CheckedSearchFilter(SearchFilter):
    """Wagtail's `?search=`, with a 400 answer for a `search_operator` other than and / or."""

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in ("and", "or"):
            raise BadRequestError("search_operator must be one of: and, or")
        return super().filter_queryset(request, queryset, view)


def checked_backends(backends):
    """A view's filter backends with Wagtail's field and search filters replaced by the
    checked ones above."""
    replacements = {FieldsFilter: CheckedFieldsFilter, SearchFilter: CheckedSearchFilter}
    return [replacements.get(backend, backend) for backend in backends]


class UpdatedSinceFilter(BaseFilterBackend):
    """`?updated_since=<ISO 8601>`: only what was published (images, documents: uploaded) at or
    after that moment, for an incremental sync. The field is the view's `last_modified_field`.

    The bound is inclusive: a client may pass the newest `last_modified` it has seen and get
    that item again rather than miss one published in the same instant.
    """

    def filter_queryset(self, request, queryset, view):
        since = parse_iso_datetime(request, "updated_since")
        if since is None:
            return queryset
        field = view.last_modified_field
        return keep_api_queryset_marks(queryset, queryset.filter(**{f"{field}__gte": since}))


class PublishedRangeFilter(BaseFilterBackend):
    """`?published_after=` / `?published_before=` (ISO 8601 date or date and time), both
    inclusive, applied by the view's `filter_published_range(queryset, after, before)`. A date
    alone as `published_before` includes the whole of that day."""

    def filter_queryset(self, request, queryset, view):
        after = parse_iso_datetime(request, "published_after")
        before = parse_iso_datetime(request, "published_before", end_of_day=True)
        if after is None and before is None:
            return queryset
        return keep_api_queryset_marks(
            queryset, view.filter_published_range(queryset, after, before)
        )
