"""Page types every portal has besides its sections: a plain content page (the accessibility
statement), the contact page and the HTML sitemap."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page, get_page_models
from wagtail.search import index

from articles.blocks import RICH_TEXT_FEATURES
from core.visibility import RoutedRestrictionsMixin, visible_pages

# Levels of pages under the home page the HTML sitemap lists, and how many pages at most.
SITEMAP_DEPTH = 3
SITEMAP_MAX_PAGES = 1000


class ContentPage(RoutedRestrictionsMixin, Page):
    """A title and a text: the accessibility statement, the terms of use, and the like."""

    body = RichTextField(_("text"), blank=True, features=RICH_TEXT_FEATURES)
    show_in_footer = models.BooleanField(
        _("show in the footer"),
        default=False,
        help_text=_("A link to this page in every page's footer (the accessibility statement)."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    content_panels = Page.content_panels + [FieldPanel("body")]
    promote_panels = Page.promote_panels + [FieldPanel("show_in_footer")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    api_fields = [APIField("body")]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


class ContactPage(RoutedRestrictionsMixin, Page):
    """The agency's contacts, from the portal settings (one place for the footer, this page
    and the JSON-LD), with an optional text above them."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")


def listing_types():
    """The page types whose children are listing items (articles, documents): the sitemap
    names the listing, not its thousands of items."""
    return [model for model in get_page_models() if getattr(model, "paginated_listing", False)]


class SitemapPage(RoutedRestrictionsMixin, Page):
    """The HTML sitemap: the live, public pages of its language's tree, as nested lists."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("sitemap page")
        verbose_name_plural = _("sitemap pages")

    def sitemap_pages(self, home, request=None):
        """The pages under `home` to list, in tree order: three queries whatever their
        number."""
        pages = visible_pages(Page.objects, request).filter(
            path__startswith=home.path, depth__lte=home.depth + SITEMAP_DEPTH
        )
        # Pages under an unpublished page, or under a listing, are left out.
        hidden = Q(pk__in=[])
        hiding = Page.objects.filter(
            path__startswith=home.path, depth__range=(home.depth + 1, home.depth + SITEMAP_DEPTH)
        )
        hiding = hiding.filter(Q(live=False) | Q(content_type__in=self.listing_content_types()))
        for path in hiding.filter(numchild__gt=0).values_list("path", flat=True):
            hidden |= Q(path__startswith=path, depth__gt=len(path) // Page.steplen)
        return list(
            pages.exclude(hidden)
            .order_by("path")
            .only("id", "path", "depth", "title", "url_path", "locale_id", "live")[
                :SITEMAP_MAX_PAGES
            ]
        )

    @staticmethod
    def listing_content_types():
        return list(ContentType.objects.get_for_models(*listing_types()).values())

    def tree(self, request=None):
        """[{page, children}] from the home page's children down."""
        home = self.get_parent()
        roots, stack = [], []
        for page in self.sitemap_pages(home, request):
            if page.depth == home.depth:
                continue
            node = {"page": page, "children": []}
            while stack and stack[-1]["page"].depth >= page.depth:
                stack.pop()
            (stack[-1]["children"] if stack else roots).append(node)
            stack.append(node)
        return roots

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tree"] = self.tree(request)
        return context
