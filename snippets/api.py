"""Read-only API v2 endpoints of the reference data: agencies, people, awards, banners; and
what every endpoint of the portal shares: the `?locale=` parameter and the translations.

Only published objects are served (banners also only inside their schedule). Related
agencies, people and pages are nested like any Wagtail API object, and become null when
they are not published. The image field and the filters are meant for other apps' endpoints.

Every endpoint takes `?locale=vi|en` (any other value: a 400 answer naming the parameter).
Each item of a translatable endpoint says its language and lists its other published
translations in `meta`::

    "meta": {
        "type": "snippets.Agency", "detail_url": ".../api/v2/agencies/3/",
        "locale": "vi",
        "translations": [{"locale": "en", "id": 7, "detail_url": ".../api/v2/agencies/7/"}],
        ...
    }

What every endpoint shares besides (`CachedAPIMixin`): `?updated_since=`, the 400 answer for
NUL characters and out-of-range numbers, `Last-Modified`, `Cache-Control`. The reference data
also take `?published_after=` / `?published_before=` on `last_published_at`. Each item's
modification time is in `meta`: `last_published_at` (pages, reference data, blocs) or
`created_at` (images and documents, which have no update time); no separate
`meta.last_modified` is added, so that each field keeps the meaning of its model's field.
"""

import re
from datetime import UTC, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.http import http_date
from rest_framework.fields import Field
from rest_framework.filters import BaseFilterBackend
from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.serializers import BaseSerializer, RelatedField
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.coreutils import get_content_languages
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale

from core.api.parameters import MAX_INTEGER
from core.fragments import cached_count
from core.internals import keep_api_queryset_marks
from core.middleware import session_in_use
from core.visibility import published_media, shown

from .models import Agency, Award, AwardRecipient, Banner, Person
from .serializers import (
    IMAGE_RENDITIONS,
    ImageAltField,
    ImageOwnRenditionsField,
    ImageRenditionsField,
    PrefetchedTagsMixin,
    PublishedObjectListField,
    TranslationsField,
    prefetch_image_renditions,
)


class LocaleField(Field):
    """The object's language code, e.g. "vi"."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        return instance.locale.language_code

    def openapi_schema(self, builder, model):
        return builder.language()


class PublishedRelatedField(RelatedField):
    """A nested related object, or null while readers may not see it (`core.visibility`)."""

    def get_attribute(self, instance):
        related = super().get_attribute(instance)
        if related is not None and not shown(related):
            return None
        return related


class ReferenceDataSerializer(BaseSerializer):
    serializer_related_field = PublishedRelatedField
    locale = LocaleField(read_only=True)
    translations = TranslationsField()


class BannerLinkField(Field):
    """Where a banner leads (`Banner.target_url`, with its page's full URL), else null."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, banner):
        return banner.target_url(self.context["request"], full=True) or None

    def openapi_schema(self, builder, model):
        return builder.nullable({"type": "string"})


def requested_language(request):
    """The language code of `?locale=`, None without it; a 400 answer for an unknown one."""
    language_code = request.GET.get("locale")
    if language_code is None:
        return None
    languages = get_content_languages()
    if language_code not in languages:
        raise BadRequestError(f"locale must be one of: {', '.join(languages)}")
    return language_code


def filter_by_locale(queryset, language_code):
    """The objects of `queryset` in that language (none while its Locale does not exist).

    Filters on the `locale` foreign key itself, which the search backends index, so that
    `?search=` still works after it.
    """
    return queryset.filter(locale=Locale.objects.filter(language_code=language_code).first())


class LocaleFilter(BaseFilterBackend):
    """`?locale=vi`: only the objects in that language. Without it, every language."""

    def filter_queryset(self, request, queryset, view):
        language_code = requested_language(request)
        if language_code is None:
            return queryset
        return filter_by_locale(queryset, language_code)


class LanguageNeutralLocaleFilter(BaseFilterBackend):
    """`?locale=` on an endpoint whose objects have no language: checked, never filtering.

    Images and documents are shared by every language version of the site: the images of
    the English site are all the images. A client may send the same `?locale=en` to every
    endpoint; here it gets everything, and a 400 answer for an unknown language.
    """

    def filter_queryset(self, request, queryset, view):
        requested_language(request)
        return queryset


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


# Real UTC offsets run from -12:00 to +14:00; PostgreSQL refuses any beyond ±15:59 with an
# error, where Python accepts up to ±23:59.
MAX_UTC_OFFSET = timedelta(hours=14)


def check_utc_offset(moment):
    """Raise ValueError for a time whose UTC offset no place on Earth uses."""
    offset = moment.utcoffset()
    if offset is not None and abs(offset) > MAX_UTC_OFFSET:
        raise ValueError(f"UTC offset {offset} out of range")


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
    inclusive, on the view's `published_field`. A date alone as `published_before` includes
    the whole of that day."""

    def filter_queryset(self, request, queryset, view):
        after = parse_iso_datetime(request, "published_after")
        before = parse_iso_datetime(request, "published_before", end_of_day=True)
        if after is None and before is None:
            return queryset
        return keep_api_queryset_marks(
            queryset, view.filter_published_range(queryset, after, before)
        )


def dated_bounds(field, after, before):
    """The lookups of an inclusive range on `field`."""
    lookups = {}
    if after is not None:
        lookups[f"{field}__gte"] = after
    if before is not None:
        lookups[f"{field}__lte"] = before
    return lookups


class CachedCountPagination(WagtailPagination):
    """The API's pagination with its `total_count` cached per version (home.fragments)."""

    def paginate_queryset(self, queryset, request, view=None):
        if isinstance(queryset, models.QuerySet):
            count = cached_count(request, queryset)
            queryset = queryset.all()
            queryset.count = lambda: count  # WagtailPagination reads it once, then slices.
        return super().paginate_queryset(queryset, request, view)


class CachedAPIMixin:
    """HTTP behaviour shared by every endpoint of the portal.

    - Any query parameter holding a NUL character is a 400 answer (the database would fail).
    - `Last-Modified`: a detail view's item's, a listing's newest item's (of the page served),
      read from `last_modified_field` (pages and snippets: `last_published_at`; images and
      documents, which have no update time: `created_at`). `ConditionalGetMiddleware` adds
      the `ETag` (from the content) and answers `If-None-Match` / `If-Modified-Since` with 304.
    - `Cache-Control: public, max-age=API_CACHE_MAX_AGE` on successful GET/HEAD answers, or
      `private` when the request carries a real session (a made-up cookie is ignored). The
      API serves only published, public content whoever asks (no authentication classes;
      pages: `core.visibility`), so its answers do not vary by cookie: no `Vary: Cookie`.
    - `?updated_since=` (see UpdatedSinceFilter).
    """

    last_modified_field = "last_published_at"
    authentication_classes = ()
    pagination_class = CachedCountPagination
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["updated_since"])

    def initial(self, request, *args, **kwargs):
        for name, value in request.GET.items():
            if "\x00" in name or "\x00" in value:
                raise BadRequestError(f"{name[:100]!r}: null characters are not allowed")
            # Ids, limits and offsets beyond what the database's integers hold.
            number = value.strip().lstrip("-")
            if name != "search" and number.isdigit() and int(number) > MAX_INTEGER:
                raise BadRequestError(f"{name[:100]}: {value[:20]}... is out of range")
        self._last_modified_items = []
        return super().initial(request, *args, **kwargs)

    def paginate_queryset(self, queryset):
        items = super().paginate_queryset(queryset)
        self._last_modified_items = items
        return items

    def find_object(self, queryset, request):
        value = request.GET.get("id")
        if value is not None and not value.strip().isdigit():
            raise BadRequestError("id must be a positive integer")
        return super().find_object(queryset, request)

    def get_object(self):
        obj = super().get_object()
        self._last_modified_items = [obj]
        return obj

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        moments = [
            moment
            for item in getattr(self, "_last_modified_items", ())
            if (moment := getattr(item, self.last_modified_field, None)) is not None
        ]
        if moments:
            response["Last-Modified"] = http_date(max(moments).timestamp())
        if session_in_use(request):
            response["Cache-Control"] = "private"
        else:
            response["Cache-Control"] = f"public, max-age={settings.API_CACHE_MAX_AGE}"
        return response


class TranslationsMixin:
    """Serves `meta.translations` (see `TranslationsField`) at a fixed number of queries.

    A listing remembers the items of its page; the first item that asks for its
    translations fetches those of every item on the page in one query. A detail view
    (or a nested object of the endpoint's model asked for with `?fields=`) costs one query.
    Nothing is fetched when the response has no `translations` field.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._translation_page_items = []
        self._translations_by_key = {}

    def get_translation_candidates(self):
        """The objects that may be listed as translations: those this endpoint serves."""
        raise NotImplementedError

    def paginate_queryset(self, queryset):
        items = list(super().paginate_queryset(queryset))
        self._translation_page_items = items
        return items

    def fetch_translations(self, instances):
        """Fetch, in one query, the translations of those instances not fetched yet."""
        keys = {instance.translation_key for instance in instances}
        keys -= self._translations_by_key.keys()
        if not keys:
            return
        found = {key: [] for key in keys}
        for translation in (
            self.get_translation_candidates()
            .filter(translation_key__in=keys)
            .select_related("locale")
            .order_by()
        ):
            found[translation.translation_key].append(translation)
        languages = list(get_content_languages())

        def language_order(obj):
            code = obj.locale.language_code
            return (languages.index(code) if code in languages else len(languages), obj.pk)

        for translations in found.values():
            translations.sort(key=language_order)
        self._translations_by_key.update(found)

    def get_translations(self, instance):
        """The other published translations of `instance`, in the order of the languages."""
        if instance.translation_key not in self._translations_by_key:
            self.fetch_translations([*self._translation_page_items, instance])
        return [
            obj
            for obj in self._translations_by_key[instance.translation_key]
            if obj.pk != instance.pk
        ]


class ReferenceDataAPIViewSet(CachedAPIMixin, TranslationsMixin, BaseAPIViewSet):
    """Published objects of one reference data model, in every language or in `?locale=`.

    `?updated_since=`, `?published_after=` and `?published_before=` (ISO 8601) filter on
    `last_published_at`, which every item carries in `meta`.
    """

    base_serializer_class = ReferenceDataSerializer
    # SearchFilter must stay last: search results cannot be filtered further.
    filter_backends = checked_backends(
        [
            FieldsFilter,
            LocaleFilter,
            UpdatedSinceFilter,
            PublishedRangeFilter,
            OrderingFilter,
            SearchFilter,
        ]
    )
    known_query_parameters = CachedAPIMixin.known_query_parameters.union(
        ["locale", "published_after", "published_before"]
    )
    meta_fields = BaseAPIViewSet.meta_fields + ["locale", "translations", "last_published_at"]
    # Serialisers of single fields, replacing what Wagtail would derive from the model.
    field_serializers = {}

    @classmethod
    def get_listing_default_fields(cls, model):
        return cls.get_available_fields(model)

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {**super().get_field_serializer_overrides(model), **cls.field_serializers}

    def get_published_queryset(self):
        """The published objects, with every related object the serialiser reads fetched."""
        raise NotImplementedError

    def get_queryset(self):
        return (
            self.get_published_queryset()
            .select_related("locale")
            .order_by(*self.model._meta.ordering, "id")
        )

    def filter_published_range(self, queryset, after, before):
        return queryset.filter(**dated_bounds("last_published_at", after, before))

    def get_translation_candidates(self):
        # What get_published_queryset() fetches along (images, renditions) is not needed.
        return self.get_published_queryset().select_related(None).prefetch_related(None)


class AgenciesAPIViewSet(ReferenceDataAPIViewSet):
    name = "agencies"
    model = Agency
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["name", "abbreviation"]
    field_serializers = {"logo": ImageRenditionsField()}

    def get_published_queryset(self):
        return (
            Agency.objects.live()
            .select_related("parent", "logo")
            .prefetch_related(prefetch_image_renditions("logo"))
        )


class PeopleAPIViewSet(ReferenceDataAPIViewSet):
    name = "people"
    model = Person
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["name", "position"]
    field_serializers = {"photo": ImageRenditionsField()}

    def get_published_queryset(self):
        return (
            Person.objects.live()
            .select_related("agency", "photo")
            .prefetch_related(prefetch_image_renditions("photo"))
        )


class AwardsAPIViewSet(ReferenceDataAPIViewSet):
    name = "awards"
    model = Award
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["title", "year"]
    field_serializers = {"recipients": PublishedObjectListField("recipients", "agency")}

    def get_published_queryset(self):
        return (
            Award.objects.live()
            .select_related("conferred_by_agency", "conferred_by_person")
            .prefetch_related(
                Prefetch("recipients", queryset=AwardRecipient.objects.select_related("agency"))
            )
        )


class BannersAPIViewSet(ReferenceDataAPIViewSet):
    name = "banners"
    model = Banner
    # The search index cannot filter on the schedule (Banner.search_fields has no filter
    # fields for it), so banners, which are few anyway, cannot be searched here.
    filter_backends = checked_backends(
        [FieldsFilter, LocaleFilter, UpdatedSinceFilter, PublishedRangeFilter, OrderingFilter]
    )
    known_query_parameters = ReferenceDataAPIViewSet.known_query_parameters - {
        "search",
        "search_operator",
    }
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["title"]
    field_serializers = {
        "image": ImageRenditionsField(alt_source="alt_text"),
        "link": BannerLinkField(),
    }

    @classmethod
    def get_body_fields(cls, model):
        # The resolved link comes after the two fields it is resolved from.
        return [*super().get_body_fields(model), APIField("link")]

    def get_published_queryset(self):
        return (
            Banner.objects.visible()
            .select_related("image", "link_page__locale")
            .prefetch_related(prefetch_image_renditions("image"))
        )


class PortalImagesAPIViewSet(CachedAPIMixin, ImagesAPIViewSet):
    """Wagtail's images endpoint, taking `?locale=` like every endpoint but not filtering on it:
    images have no language (see `LanguageNeutralLocaleFilter`). Only images published content
    uses are listed (`core.visibility.published_media`).

    Images have no update time: `?updated_since=` and `Last-Modified` use `created_at` (the
    upload), which `meta.created_at` gives. A replaced file is not seen as an update.
    """

    base_serializer_class = type(
        "PortalImageSerializer", (PrefetchedTagsMixin, ImageSerializer), {}
    )
    last_modified_field = "created_at"
    filter_backends = checked_backends(
        [LanguageNeutralLocaleFilter, UpdatedSinceFilter, *ImagesAPIViewSet.filter_backends]
    )
    known_query_parameters = ImagesAPIViewSet.known_query_parameters.union(
        ["locale", "updated_since"]
    )
    body_fields = ImagesAPIViewSet.body_fields + [
        APIField("alt", serializer=ImageAltField()),
        APIField("renditions", serializer=ImageOwnRenditionsField()),
    ]
    meta_fields = ImagesAPIViewSet.meta_fields + ["created_at"]
    listing_default_fields = ImagesAPIViewSet.listing_default_fields + [
        "created_at",
        "alt",
        "width",
        "height",
        "renditions",
    ]

    def get_queryset(self):
        # Wagtail leaves out private collections; published content must use the image.
        return (
            published_media(super().get_queryset())
            .prefetch_related("tags")
            .prefetch_renditions(*IMAGE_RENDITIONS.values())
        )


class PortalDocumentsAPIViewSet(CachedAPIMixin, DocumentsAPIViewSet):
    """Wagtail's documents endpoint, taking `?locale=` like every endpoint but not filtering on
    it: documents have no language (see `LanguageNeutralLocaleFilter`). Only documents
    published content uses are listed (`core.visibility.published_media`).

    Documents have no update time: `?updated_since=` and `Last-Modified` use `created_at` (the
    upload), which `meta.created_at` gives. A replaced file is not seen as an update.
    """

    base_serializer_class = type(
        "PortalDocumentSerializer", (PrefetchedTagsMixin, DocumentSerializer), {}
    )
    last_modified_field = "created_at"
    filter_backends = checked_backends(
        [LanguageNeutralLocaleFilter, UpdatedSinceFilter, *DocumentsAPIViewSet.filter_backends]
    )
    known_query_parameters = DocumentsAPIViewSet.known_query_parameters.union(
        ["locale", "updated_since"]
    )
    meta_fields = DocumentsAPIViewSet.meta_fields + ["created_at"]
    listing_default_fields = DocumentsAPIViewSet.listing_default_fields + ["created_at"]

    def get_queryset(self):
        # Wagtail leaves out private collections; published content must use the document.
        return published_media(super().get_queryset()).prefetch_related("tags")
