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
- a listing of one article type (`?type=articles.EventReportPage&fields=*`) fetches the
  related objects of the fields it serves (hero image and renditions, tags, agencies,
  people, officials, awards, bloc year, attachments) for all its items at once. Images
  inside StreamField bodies are still fetched page by page (one query per article that
  has some).

Pages-wide API behaviour belongs here.
"""

from django.db.models import Prefetch, prefetch_related_objects
from rest_framework.fields import Field
from rest_framework.filters import BaseFilterBackend
from taggit.managers import _TaggableManager
from wagtail.api.v2.filters import LocaleFilter as WagtailLocaleFilter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.views import PagesAPIViewSet

from snippets.api import TranslationsMixin, filter_by_locale, requested_language
from snippets.serializers import TranslationsField, prefetch_image_renditions

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
)


def listing_prefetches(model):
    """What a listing of `model` pages fetches along, by the API field that reads it."""
    lookups = {}
    if issubclass(model, NewsArticlePage):
        lookups |= {
            "hero_image": ["hero_image", prefetch_image_renditions("hero_image")],
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
    """`?locale=vi`: only the pages in that language; a 400 answer for an unknown language."""

    def filter_queryset(self, request, queryset, view):
        language_code = requested_language(request)
        if language_code is None:
            return queryset
        filtered = filter_by_locale(queryset, language_code)
        # ChildOfFilter marks the queryset for the search filter; keep the mark, as
        # Wagtail's locale filter does.
        child_of = getattr(queryset, "_filtered_by_child_of", None)
        if child_of:
            filtered._filtered_by_child_of = child_of
        return filtered


class TagNamesField(Field):
    """Tags as a sorted list of names, read from prefetched tags when there are some
    (Wagtail's TagsField orders them in the database: one query per page)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class PortalPageSerializer(PageSerializer):
    translations = TranslationsField()

    def build_property_field(self, field_name, model_class):
        if isinstance(getattr(model_class, field_name), _TaggableManager):
            return TagNamesField, {}
        return super().build_property_field(field_name, model_class)


class PortalPagesAPIViewSet(TranslationsMixin, PagesAPIViewSet):
    base_serializer_class = PortalPageSerializer
    filter_backends = [
        PageLocaleFilter if backend is WagtailLocaleFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]
    meta_fields = PagesAPIViewSet.meta_fields + ["translations"]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + ["translations"]

    def get_base_queryset(self):
        # Built once per request: each build reads every view restriction.
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset

    def get_queryset(self):
        return super().get_queryset().select_related("locale")

    def get_translation_candidates(self):
        return self.get_base_queryset()

    def paginate_queryset(self, queryset):
        items = super().paginate_queryset(queryset)
        fields = self.get_serializer_class().Meta.fields
        prefetches = listing_prefetches(self.get_queryset().model)
        lookups = [lookup for name in fields for lookup in prefetches.get(name, ())]
        if items and lookups:
            prefetch_related_objects(items, *lookups)
        return items
