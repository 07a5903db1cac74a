"""The "Văn bản" section: the registry of every document, searchable and filtered by facets.

Its feeds are at `<index url>rss/` (RSS 2.0) and `<index url>atom/` (Atom), filterable by
`?type=` and `?field=`.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db import models
from django.db.models import F
from django.http import Http404
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core import fragments
from core.fragments import CachedCountPaginator
from core.indexing import FOLDED_SEARCH_FIELDS, FoldedSearchMixin
from core.visibility import RoutedRestrictionsMixin, visible_pages

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
# Drafts for comment (no issue date) first, then the documents, newest issued first.
REGISTRY_ORDER = (
    F("issue_date").desc(nulls_first=True),
    F("first_published_at").desc(nulls_last=True),
    F("pk").desc(),
)


def paginate(request, items, per_page):
    """The requested page of `items`; a bad or out-of-range page number is a 404."""
    paginator = CachedCountPaginator(items, per_page or 20, request=request)
    try:
        return paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404(_("No such page of results.")) from error


class LegalDocumentIndexPage(FoldedSearchMixin, RoutablePageMixin, RoutedRestrictionsMixin, Page):
    """The "Văn bản" section: every document, searchable and filtered by facets."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    per_page = models.PositiveSmallIntegerField(_("items per page"), default=20)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["legal_documents.LegalDocumentPage"]
    # What changes the listing shown, so its canonical URL keeps them (seo_tags).
    canonical_query_parameters = (
        "type",
        "issuer",
        "field",
        "signer",
        "year",
        "status",
        "q",
        "page",
    )
    paginated_listing = True

    content_panels = Page.content_panels + [FieldPanel("intro")]
    settings_panels = Page.settings_panels + [FieldPanel("per_page")]
    search_fields = Page.search_fields + [index.SearchField("intro"), *FOLDED_SEARCH_FIELDS]

    class Meta:
        verbose_name = _("legal document index")
        verbose_name_plural = _("legal document indexes")

    def get_cached_paths(self):
        """Its feeds are purged with it (core.purging)."""
        feeds = [self.reverse_subpage("rss"), self.reverse_subpage("atom")]
        return [*super().get_cached_paths(), *feeds]

    def documents(self, request=None):
        """The documents readers may see here, in registry order."""
        from .documents import LegalDocumentPage

        return (
            visible_pages(LegalDocumentPage.objects, request)
            .child_of(self)
            .filter(locale_id=self.locale_id)
            .order_by(*REGISTRY_ORDER)
        )

    def facet_counts(self, request, filters):
        """The facet counts; without a words query (the costly case over a large registry)
        kept with the site-wide fragments, whose version any publication, unpublication,
        move or privacy change replaces: no unpublished document is ever counted."""
        from ..registry import facet_counts

        base = self.documents(request)
        if filters.query:
            return facet_counts(base, filters)
        parts = ("legal-facets", self.pk, filters.today.isoformat(), filters.key())
        return fragments.cached(request, parts, lambda: facet_counts(base, filters))

    def get_context(self, request, *args, **kwargs):
        from ..registry import InvalidFilter, clean_filters

        context = super().get_context(request, *args, **kwargs)
        try:
            filters = clean_filters(request.GET)
        except InvalidFilter as error:
            context["filter_error"] = error
            return context
        context.update(self.registry_context(request, filters))
        return context

    def registry_context(self, request, filters):
        from ..registry import FACET_LABELS, facet_options, filter_documents, with_status
        from ..status import Status

        items = with_status(filter_documents(self.documents(request), filters), filters.today)
        page_obj = paginate(
            request, items.select_related("document_type", "issuer", "locale"), self.per_page
        )
        page_obj.object_list = list(page_obj.object_list)
        for document in page_obj.object_list:
            document.status = Status(document.computed_status)  # no query per document
        facets = facet_options(self.facet_counts(request, filters), filters)
        return {
            "filters": filters,
            "facet_groups": [
                {
                    "key": key,
                    "legend": FACET_LABELS[key],
                    "options": options,
                    "selected": filters.values.get(key, ""),
                }
                for key, options in facets.items()
            ],
            "page_obj": page_obj,
            "items": page_obj.object_list,
            "filter_query": urlencode(filters.values),
            "active_filters": self.active_filters(filters, facets),
        }

    def active_filters(self, filters, facets):
        """The filters chosen, each with the query that removes it."""
        chosen = []
        for key, value in filters.values.items():
            label = next((o["label"] for o in facets.get(key, ()) if o["selected"]), value)
            rest = {other: v for other, v in filters.values.items() if other != key}
            chosen.append({"key": key, "label": label, "remove_query": urlencode(rest)})
        return chosen

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        error = (getattr(response, "context_data", None) or {}).get("filter_error")
        if error is not None:
            response.status_code = error.status
        return response

    @path("rss/", name="rss")
    def rss_feed(self, request):
        from ..feeds import LegalDocumentRssFeed

        return LegalDocumentRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        from ..feeds import LegalDocumentAtomFeed

        return LegalDocumentAtomFeed(self)(request)
