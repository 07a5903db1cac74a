"""The pages endpoint of the portal: Wagtail's, with what every page of the API shares.

`/api/v2/pages/` (`PortalPagesAPIViewSet`, registered as `pages`) serves live, public pages
like Wagtail's PagesAPIViewSet, and:

- `?locale=vi|en` keeps the pages in that language; any other value is a 400 answer
  (`{"message": "locale must be one of: vi, en"}`), where Wagtail answers 404.
- every item's `meta` says its language and lists its other live, public translations,
  listings included (one query for all the items of a listing page)::

    "meta": {
        "type": "articles.NewsArticlePage",
        "detail_url": "http://.../api/v2/pages/11/",
        "html_url": "http://.../tin-tuc/hoi-nghi-khoa-hoc/",
        ...
        "locale": "vi",
        "translations": [
            {"locale": "en", "id": 12, "detail_url": "http://.../api/v2/pages/12/",
             "html_url": "http://.../en/news/science-conference/"}
        ]
    }

  Aliases that stand in for a page in the other language's tree (wagtail-localize's
  synchronised trees) are listed too: they are the page readers of that language get.
- the page's locale is fetched with the page (Wagtail's listing reads it once per item).
- filters (listing): `?agency=<id or slug>` (articles relating to the agency, event reports
  it took part in; the agency in any language), `?bloc=<id or slug>` (event reports of a
  year of that bloc), `?year=2024` (articles and announcements dated that year),
  `?tag=<name or slug>` (articles with that tag), `?published_after=` /
  `?published_before=` (ISO 8601 date or date and time, inclusive, on the `date` of articles
  and announcements; other pages never match them), `?updated_since=` (ISO 8601: pages
  published at or after it, by `last_published_at`, which every item carries in `meta`;
  a translation counts as updated when it is itself published). Each narrows the pages to
  those it applies to. Ordering by date: `?type=articles.NewsArticlePage&order=-date`, also
  across types that all have the field: `?type=articles.NewsArticlePage,
  articles.AnnouncementPage&order=-date`.
- a listing of one article type (`?type=articles.EventReportPage&fields=*`) fetches the
  related objects of the fields it serves (hero image, picture and renditions, tags, agencies,
  people, officials, awards, bloc year, attachments) for all its items at once. Images
  inside StreamField bodies are still fetched page by page (one query per article that
  has some).

Pages-wide API behaviour belongs here.
"""

from django.db.models import F, Prefetch, Q, prefetch_related_objects
from django.db.models.functions import Coalesce
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import LocaleFilter as WagtailLocaleFilter
from wagtail.api.v2.filters import OrderingFilter, SearchFilter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.fields import StreamField
from wagtail.models import Page

from blocs.models import BlocPage
from core.api.fields import LocaleFallbackField, PrefetchedTagsMixin, TranslationsField
from core.api.filters import (
    PublishedRangeFilter,
    UpdatedSinceFilter,
    checked_backends,
    filter_by_requested_locale,
)
from core.api.images import api_rendition_specs, prefetch_image_renditions, prefetch_stream_fields
from core.api.parameters import dated_bounds, id_or_slug, parse_year
from core.api.views import CachedAPIMixin, TranslationsMixin
from core.internals import keep_api_queryset_marks
from core.visibility import visible_pages
from snippets.models import Agency

from .models import (
    AnnouncementAttachment,
    AnnouncementPage,
    ArticleAgency,
    ArticlePerson,
    EventAgency,
    EventAward,
    EventOfficial,
    EventReportPage,
    NewsArticlePage,
    with_listing_images,
)


def listing_prefetches(model, request=None):
    """What a listing of `model` pages fetches along, by the API field that reads it."""
    lookups = {}
    if issubclass(model, NewsArticlePage):
        lookups |= {
            "hero_image": ["hero_image", prefetch_image_renditions("hero_image", request)],
            "tags": ["tags"],
            "related_agencies": [
                Prefetch("related_agencies", ArticleAgency.objects.select_related("agency"))
            ],
            "related_people": [
                Prefetch("related_people", ArticlePerson.objects.select_related("person"))
            ],
        }
    if issubclass(model, EventReportPage):
        lookups |= {
            "bloc_term": ["bloc_term__bloc"],
            "officials": [Prefetch("officials", EventOfficial.objects.select_related("person"))],
            "participating_agencies": [
                Prefetch("participating_agencies", EventAgency.objects.select_related("agency"))
            ],
            "awards_conferred": [
                Prefetch("awards_conferred", EventAward.objects.select_related("award"))
            ],
        }
    if issubclass(model, AnnouncementPage):
        lookups["attachments"] = [
            Prefetch("attachments", AnnouncementAttachment.objects.select_related("document"))
        ]
    return lookups


class PageLocaleFilter(BaseFilterBackend):
    """`?locale=vi`: only the pages in that language; a 400 answer for an unknown language.
    `?locale=en&fallback=vi`: see `core.api.filters.filter_by_requested_locale`."""

    def filter_queryset(self, request, queryset, view):
        filtered = filter_by_requested_locale(queryset, request, view)
        return keep_api_queryset_marks(queryset, filtered)


DATED_PAGE_MODELS = (NewsArticlePage, AnnouncementPage)


def same_translations(queryset):
    """Every object sharing a translation key with those of `queryset` (any language)."""
    return queryset.model.objects.filter(
        translation_key__in=queryset.values("translation_key")
    ).values("pk")


class ArticleFilter(BaseFilterBackend):
    """`?agency=`, `?bloc=`, `?year=`, `?tag=` (see the module's docstring)."""

    def filter_queryset(self, request, queryset, view):
        original = queryset
        agency = id_or_slug(request, "agency")
        if agency is not None:
            agencies = same_translations(Agency.objects.live().filter(agency))
            queryset = queryset.filter(
                Q(pk__in=ArticleAgency.objects.filter(agency__in=agencies).values("page_id"))
                | Q(pk__in=EventAgency.objects.filter(agency__in=agencies).values("page_id"))
            )
        bloc = id_or_slug(request, "bloc")
        if bloc is not None:
            blocs = visible_pages(BlocPage.objects).filter(bloc)
            reports = EventReportPage.objects.filter(
                bloc_term__live=True,
                bloc_term__bloc__translation_key__in=blocs.values("translation_key"),
            )
            queryset = queryset.filter(pk__in=reports.values("pk"))
        year = parse_year(request)
        if year is not None:
            queryset = queryset.filter(pk__in=dated_pages(date__year=year))
        tag = request.GET.get("tag")
        if tag is not None:
            tag = tag.strip()
            if not tag or len(tag) > 100:
                raise BadRequestError("tag must be a tag name or slug (up to 100 characters)")
            tagged = NewsArticlePage.objects.filter(Q(tags__name__iexact=tag) | Q(tags__slug=tag))
            queryset = queryset.filter(pk__in=tagged.values("pk"))
        if queryset is original:
            return queryset
        return keep_api_queryset_marks(original, queryset)


def dated_pages(**lookups):
    """The ids of the articles and announcements whose `date` matches `lookups`."""
    condition = Q()
    for model in DATED_PAGE_MODELS:
        condition |= Q(pk__in=model.objects.filter(**lookups).values("pk"))
    return Page.objects.filter(condition).values("pk")


def requested_page_types(request):
    """The page models of `?type=a,b` (already checked by the view), else ()."""
    try:
        return page_models_from_string(request.GET["type"]) if request.GET.get("type") else ()
    except (LookupError, ValueError):
        return ()


def lookup_from_page(model, name):
    """The lookup of `model`'s field `name` from Page, through the parent links of its
    multi-table inheritance: "newsarticlepage__date" for EventReportPage's date."""
    field = model._meta.get_field(name)
    parts = [field.name]
    owner = field.model
    while owner is not Page:
        parent, link = next(iter(owner._meta.parents.items()))
        parts.insert(0, link.related_query_name())
        owner = parent
    return "__".join(parts)


class SharedFieldOrderingFilter(OrderingFilter):
    """Wagtail's `?order=`, and on a listing of several page types (`?type=a,b`), by a field
    they all have: `?type=articles.NewsArticlePage,articles.AnnouncementPage&order=-date`.
    Wagtail lists several types as plain pages, and knows only Page's fields there."""

    def filter_queryset(self, request, queryset, view):
        order = request.GET.get("order")
        models = requested_page_types(request)
        if not order or len(models) < 2 or "random" in order.split(","):
            return super().filter_queryset(request, queryset, view)
        own = set(view.get_available_fields(queryset.model, db_fields_only=True))
        shared = set.intersection(
            *(set(view.get_available_fields(model, db_fields_only=True)) for model in models)
        )
        ordering, annotations = [], {}
        for item in order.split(","):
            name = item.lstrip("-")
            if name in own:
                ordering.append(item)
                continue
            if name not in shared:
                raise BadRequestError(f"cannot order by '{item}' (not a field of every type)")
            lookups = sorted({lookup_from_page(model, name) for model in models})
            alias = f"_shared_{name}"
            annotations[alias] = Coalesce(*lookups) if len(lookups) > 1 else F(lookups[0])
            ordering.append(item.replace(name, alias))
        if annotations and "search" in request.GET:
            raise BadRequestError("cannot order several page types by their fields while searching")
        return queryset.annotate(**annotations).order_by(*ordering)


class PortalPageSerializer(PrefetchedTagsMixin, PageSerializer):
    translations = TranslationsField()
    fallback = LocaleFallbackField()


class PortalPagesAPIViewSet(CachedAPIMixin, TranslationsMixin, PagesAPIViewSet):
    base_serializer_class = PortalPageSerializer
    # SearchFilter must stay last: search results cannot be filtered further.
    filter_backends = checked_backends(
        [
            *[
                {
                    WagtailLocaleFilter: PageLocaleFilter,
                    OrderingFilter: SharedFieldOrderingFilter,
                }.get(backend, backend)
                for backend in PagesAPIViewSet.filter_backends
                if backend is not SearchFilter
            ],
            ArticleFilter,
            UpdatedSinceFilter,
            PublishedRangeFilter,
            SearchFilter,
        ]
    )
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        ["updated_since", "published_after", "published_before", "agency", "bloc", "year", "tag"]
    ).union(["fallback", "renditions"])
    meta_fields = PagesAPIViewSet.meta_fields + ["last_published_at", "fallback", "translations"]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "last_published_at",
        "fallback",
        "translations",
    ]

    def filter_published_range(self, queryset, after, before):
        return queryset.filter(pk__in=dated_pages(**dated_bounds("date", after, before)))

    def get_base_queryset(self):
        # Built once per request: each build reads every view restriction.
        if not hasattr(self, "_base_queryset"):
            # Public pages only, whatever the session passed (`core.visibility`).
            self._base_queryset = visible_pages(super().get_base_queryset(), self.request)
        return self._base_queryset

    def get_queryset(self):
        return super().get_queryset().select_related("locale")

    def get_translation_candidates(self):
        return self.get_base_queryset()

    def paginate_queryset(self, queryset):
        items = super().paginate_queryset(queryset)
        fields = self.get_serializer_class().Meta.fields
        model = self.get_queryset().model
        prefetches = listing_prefetches(model, self.request)
        lookups = [lookup for name in fields for lookup in prefetches.get(name, ())]
        if items and lookups:
            prefetch_related_objects(items, *lookups)
        specs = api_rendition_specs(self.request)
        if items and "picture" in fields and issubclass(model, NewsArticlePage):
            items = with_listing_images(items, specs)
        streams = [
            field.name
            for field in model._meta.get_fields()
            if isinstance(field, StreamField) and field.name in fields
        ]
        if items and streams:
            prefetch_stream_fields(items, streams, specs)
        return items
