"""The home page (one per language); the site-wide settings (`portal_settings`), the other
page types of the home app (`pages`) and the sidebar's links (`links`)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from articles.blocks import RICH_TEXT_FEATURES
from articles.models import AnnouncementPage, ArticleIndexPage, NewsArticlePage, with_listing_images
from core import fragments
from core.routing import DirectRoutingMixin
from core.visibility import RoutedRestrictionsMixin, visible_pages
from snippets.models import Banner

from .links import PublicServiceLink
from .pages import ContactPage, ContentPage, SitemapPage
from .portal_settings import LocalizedSettings, PortalSettings

__all__ = [
    "ContactPage",
    "ContentPage",
    "HomePage",
    "LocalizedSettings",
    "PortalSettings",
    "PublicServiceLink",
    "SitemapPage",
]

LATEST_NEWS_COUNT = 6
FEATURED_COUNT = 4
ANNOUNCEMENT_COUNT = 5


def current_announcements(locale_id, limit=ANNOUNCEMENT_COUNT):
    """The announcements box: valid, published, public announcements of one locale."""
    return list(AnnouncementPage.current(locale=locale_id)[:limit])


class HomePage(DirectRoutingMixin, RoutedRestrictionsMixin, Page):
    """The portal's front page: one per language, at the root of its locale's tree."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("An optional short text shown above the featured articles."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "articles.ArticleIndexPage",
        "articles.AnnouncementIndexPage",
        "blocs.BlocIndexPage",
        "legal_documents.LegalDocumentIndexPage",
        "organisation.OrganisationPage",
        "work_calendar.WorkCalendarPage",
        "home.ContactPage",
        "home.ContentPage",
        "home.SitemapPage",
    ]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def _articles(self):
        return (
            visible_pages(NewsArticlePage.objects)
            .descendant_of(self)
            .filter(locale_id=self.locale_id)
            .order_by("-date", "-pk")
        )

    def latest_news(self, limit=LATEST_NEWS_COUNT):
        """The newest news articles and event reports of this home page's language, but
        for those already shown as featured (a subquery: no query more)."""
        featured = self._articles().filter(featured=True)[:FEATURED_COUNT].values("pk")
        return with_listing_images(self._articles().exclude(pk__in=featured)[:limit])

    def featured_articles(self, limit=FEATURED_COUNT):
        """The newest articles an editor marked as featured."""
        return with_listing_images(self._articles().filter(featured=True)[:limit])

    def news_index(self):
        """The first article section under this home page, for the "All news" link."""
        return visible_pages(self.get_children()).type(ArticleIndexPage).first()

    def home_banners(self, request):
        """The home page's own banners; the answer is kept no longer than they stay as
        they are (`fragments.note_change`)."""
        shown, change = Banner.objects.shown_in((Banner.Placement.HOME,), self.locale_id)
        fragments.note_change(request, change)
        return shown[Banner.Placement.HOME]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            latest_news=self.latest_news(),
            featured_articles=self.featured_articles(),
            # The sidebar's announcements box (base.html) uses these instead of querying again.
            current_announcements=current_announcements(self.locale_id),
            home_banners=self.home_banners(request),
            news_index=self.news_index(),
        )
        return context
