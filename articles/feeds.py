"""RSS 2.0 and Atom feeds of an article section (ArticleIndexPage).

Served by the index itself (it is a routable page): `<index url>rss/` and `<index url>atom/`.
Each lists the section's live, public articles in its language, newest first, in a fixed
number of SQL queries whatever the number of items.
"""

import mimetypes
from urllib.parse import urljoin

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Enclosure
from django.utils.html import strip_tags

from core import renditions
from core.feeds import SafeAtomFeed, SafeRssFeed, local_time

from .models import with_listing_images

FEED_SIZE = 20


# The cards' JPEG rendition: already generated (and prefetched) for the section's cards.
ENCLOSURE_RENDITION = renditions.CARD_JPEG


class ArticleRssFeed(Feed):
    feed_type = SafeRssFeed
    route = "rss/"

    def __init__(self, index):
        super().__init__()
        self.index = index
        self.language = index.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.index

    # The feed ------------------------------------------------------------------------------

    def title(self, index):
        return index.seo_title or index.title

    def link(self, index):
        return index.get_full_url(self.request)

    def feed_url(self, index):
        return urljoin(self.link(index), self.route)

    def description(self, index):
        return index.search_description or strip_tags(index.intro).strip() or index.title

    def feed_guid(self, index):
        return self.link(index)

    def items(self, index):
        return with_listing_images(index.articles()[:FEED_SIZE])

    # Its items -------------------------------------------------------------------------------

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.lead

    def item_link(self, article):
        return article.get_full_url(self.request)

    def item_guid(self, article):
        # The full URL is stable: moving or renaming a page changes its URL, and readers
        # then rightly see it as another item; a draft never gets a URL into the feed.
        return self.item_link(article)

    item_guid_is_permalink = True

    # Dates in the portal's time zone (+07:00), as readers see them on the pages: the
    # database hands them over in UTC.

    def item_pubdate(self, article):
        return local_time(article.display_date)

    def item_updateddate(self, article):
        return local_time(article.last_published_at or article.display_date)

    def item_author_name(self, article):
        return article.author or None

    def item_categories(self, article):
        return ()

    def item_enclosures(self, article):
        image = article.picture
        if image is None:
            return []
        rendition = image.get_rendition(ENCLOSURE_RENDITION)
        try:
            length = rendition.file.size
        except (OSError, ValueError):
            length = 0
        mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
        # Absolute on the page's own origin (the site's), like every other link of the feed.
        url = urljoin(self.item_link(article), rendition.url)
        return [Enclosure(url, str(length), mime_type)]


class ArticleAtomFeed(ArticleRssFeed):
    feed_type = SafeAtomFeed
    route = "atom/"

    def subtitle(self, index):
        return self.description(index)
