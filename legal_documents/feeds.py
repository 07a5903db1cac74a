"""RSS 2.0 and Atom feeds of the documents newly published in a "Văn bản" section.

Served by the index itself (a routable page): `<index url>rss/` and `<index url>atom/`,
narrowed by `?type=<document type slug>` and `?field=<subject area slug>` (an unknown one is
a 404). Each lists the section's live, public documents in its language, the most recently
published first, in a fixed number of SQL queries whatever the number of documents.
"""

from urllib.parse import urljoin

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.http import urlencode

from core.feeds import SafeAtomFeed, SafeRssFeed, local_time

from .registry import InvalidFilter, clean_filters, filter_documents

FEED_SIZE = 20
FEED_FILTERS = ("type", "field")


class LegalDocumentRssFeed(Feed):
    feed_type = SafeRssFeed
    route = "rss/"

    def __init__(self, index):
        super().__init__()
        self.index = index
        self.language = index.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        values = {key: request.GET.get(key, "") for key in FEED_FILTERS}
        try:
            self.filters = clean_filters(values)
        except InvalidFilter as error:
            raise Http404(error.message) from error
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.index

    def title(self, index):
        return index.seo_title or index.title

    def link(self, index):
        return index.get_full_url(self.request)

    def feed_url(self, index):
        url = urljoin(self.link(index), self.route)
        return url + "?" + urlencode(self.filters.values) if self.filters.values else url

    def description(self, index):
        return index.search_description or strip_tags(index.intro).strip() or index.title

    def feed_guid(self, index):
        return self.feed_url(index)

    def items(self, index):
        documents = filter_documents(index.documents(self.request), self.filters)
        newest = documents.order_by("-first_published_at", "-pk")
        return newest.select_related("document_type", "subject_area", "issuer")[:FEED_SIZE]

    def item_title(self, document):
        if document.number:
            return f"{document.number}: {document.title}"
        return document.title

    def item_description(self, document):
        return document.abstract

    def item_link(self, document):
        return document.get_full_url(self.request)

    def item_guid(self, document):
        return self.item_link(document)

    item_guid_is_permalink = True

    def item_pubdate(self, document):
        return local_time(document.first_published_at)

    def item_updateddate(self, document):
        return local_time(document.last_published_at or document.first_published_at)

    def item_author_name(self, document):
        return document.issuer.name

    def item_categories(self, document):
        names = [document.document_type.name]
        if document.subject_area is not None:
            names.append(document.subject_area.name)
        return names


class LegalDocumentAtomFeed(LegalDocumentRssFeed):
    feed_type = SafeAtomFeed
    route = "atom/"

    def subtitle(self, index):
        return self.description(index)
