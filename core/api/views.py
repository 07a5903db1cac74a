"""What every endpoint of the portal shares, as view mixins and a base viewset.

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
NUL characters and out-of-range numbers, `Last-Modified`, `Cache-Control`. The endpoints of
`TranslatableAPIViewSet` also take `?published_after=` / `?published_before=` on
`last_published_at`. Each item's modification time is in `meta`: `last_published_at` (pages,
reference data, blocs) or `created_at` (images and documents, which have no update time); no
separate `meta.last_modified` is added, so that each field keeps the meaning of its model's
field.
"""

from django.conf import settings
from django.http import Http404
from django.utils.http import http_date
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.coreutils import get_content_languages

from core.middleware import session_in_use

from .filters import LocaleFilter, PublishedRangeFilter, UpdatedSinceFilter, checked_backends
from .pagination import CachedCountPagination
from .parameters import MAX_INTEGER, ascii_digits, dated_bounds, requested_renditions
from .serializers import TranslatableSerializer


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
            if name != "search" and ascii_digits(number) and int(number) > MAX_INTEGER:
                raise BadRequestError(f"{name[:100]}: {value[:20]}... is out of range")
        if "renditions" in self.known_query_parameters:
            requested_renditions(request)  # checked before any work, on details too
        self._last_modified_items = []
        return super().initial(request, *args, **kwargs)

    def paginate_queryset(self, queryset):
        items = super().paginate_queryset(queryset)
        self._last_modified_items = items
        return items

    def find_object(self, queryset, request):
        value = request.GET.get("id")
        if value is not None and not ascii_digits(value.strip()):
            raise BadRequestError("id must be a positive integer")
        return super().find_object(queryset, request)

    def get_object(self):
        pk = str(self.kwargs.get("pk", ""))
        if ascii_digits(pk) and int(pk) > MAX_INTEGER:
            raise Http404("not found")  # no such id, and the database would fail on it
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


class TranslatableAPIViewSet(CachedAPIMixin, TranslationsMixin, BaseAPIViewSet):
    """Published objects of one translatable model, in every language or in `?locale=`
    (with `?fallback=`, see `core.api.filters.filter_by_requested_locale`); their images with
    the renditions of `?renditions=` (`core.api.images`).

        `?updated_since=`, `?published_after=` and `?published_before=` (ISO 8601) filter on
        `last_published_at`, which every item carries in `meta`.
    """

    base_serializer_class = TranslatableSerializer
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
        ["locale", "fallback", "published_after", "published_before", "renditions"]
    )
    meta_fields = BaseAPIViewSet.meta_fields + [
        "locale",
        "fallback",
        "translations",
        "last_published_at",
    ]
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
