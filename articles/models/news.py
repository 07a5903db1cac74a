"""The news section: its index page (with the feeds) and news articles."""

from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from core.api.fields import PublishedObjectListField
from core.api.images import ImageRenditionsField
from core.indexing import FOLDED_SEARCH_FIELDS, FoldedSearchMixin
from core.text import searchable_text
from core.visibility import RoutedRestrictionsMixin, visible_pages
from snippets.models import Agency
from visits.serializers import PageViewsField

from ..blocks import RICH_TEXT_FEATURES, ArticleBodyBlock
from .common import (
    PublicationDateMixin,
    body_images,
    first_image_id,
    linked,
    paginate,
    prefetch_body_renditions,
    with_listing_images,
)


class ArticleIndexPage(FoldedSearchMixin, RoutablePageMixin, RoutedRestrictionsMixin, Page):
    """A section such as "Tin tức - Sự kiện": news and event reports, newest first.

    Its feeds are at `<index url>rss/` (RSS 2.0) and `<index url>atom/` (Atom).
    """

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    per_page = models.PositiveSmallIntegerField(_("items per page"), default=10)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.NewsArticlePage", "articles.EventReportPage"]
    # What changes the listing shown, so its canonical URL keeps them (seo_tags).
    canonical_query_parameters = ("tag", "agency", "page")
    # Its first listing pages are purged with it (core.purging).
    paginated_listing = True

    content_panels = Page.content_panels + [FieldPanel("intro")]
    settings_panels = Page.settings_panels + [FieldPanel("per_page")]
    api_fields = [APIField("intro"), APIField("per_page")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        *FOLDED_SEARCH_FIELDS,
    ]

    class Meta:
        verbose_name = _("article index")
        verbose_name_plural = _("article indexes")

    def get_cached_paths(self):
        """Its feeds are purged with it (core.purging)."""
        feeds = [self.reverse_subpage("rss"), self.reverse_subpage("atom")]
        return [*super().get_cached_paths(), *feeds]

    def articles(self):
        return (
            visible_pages(NewsArticlePage.objects)
            .child_of(self)
            .select_related("locale")
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = self.articles()
        tag = request.GET.get("tag", "").strip()[:100]
        agency_slug = request.GET.get("agency", "").strip()[:120]
        if "\x00" in tag + agency_slug:
            # No tag or agency holds a NUL character (and PostgreSQL refuses one in a query).
            raise Http404(_("No such page of results."))
        if tag:
            items = items.filter(tags__name=tag)
            context["tag"] = tag
        if agency_slug:
            agency = Agency.objects.live().filter(slug=agency_slug, locale=self.locale).first()
            if agency is None:
                raise Http404(_("Unknown agency."))
            items = items.filter(related_agencies__agency=agency).distinct()
            context["agency"] = agency
        page_obj = paginate(request, items, self.per_page)
        page_obj.object_list = with_listing_images(page_obj.object_list)
        filters = {"tag": tag, "agency": agency_slug}
        context.update(
            page_obj=page_obj,
            items=page_obj.object_list,
            filter_query=urlencode({key: value for key, value in filters.items() if value}),
        )
        return context

    @path("rss/", name="rss")
    def rss_feed(self, request):
        from ..feeds import ArticleRssFeed

        return ArticleRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        from ..feeds import ArticleAtomFeed

        return ArticleAtomFeed(self)(request)


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.NewsArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsArticlePage(FoldedSearchMixin, PublicationDateMixin, RoutedRestrictionsMixin, Page):
    """A news article: lead (sapo), hero image, a StreamField body and an author byline."""

    lead = models.TextField(
        _("lead"), help_text=_("The summary (sapo) shown in bold under the title.")
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_caption = models.CharField(_("hero image caption"), max_length=500, blank=True)
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    author = models.CharField(
        _("author"), max_length=160, blank=True, help_text=_('Byline, for example "Chiêu Minh".')
    )
    date = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_("Defaults to the time of first publication."),
    )
    featured = models.BooleanField(
        _("featured"),
        default=False,
        help_text=_("Show among the featured articles on the home page."),
    )
    tags = ClusterTaggableManager(through=NewsArticleTag, blank=True, verbose_name=_("tags"))

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []
    # Site-wide changes (banners, settings) leave its cached copies until their s-maxage.
    purged_by_site_changes = False

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption")], heading=_("Hero image")
        ),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("author"), FieldPanel("date")]),
        FieldPanel("tags"),
        InlinePanel("related_agencies", heading=_("Related agencies"), label=_("agency")),
        InlinePanel("related_people", heading=_("Related people"), label=_("person")),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("featured")]

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.SearchField("hero_caption"),
        index.SearchField("search_related_text"),
        *FOLDED_SEARCH_FIELDS,
        index.FilterField("date"),
        index.FilterField("featured"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("lead"),
        APIField("hero_image", serializer=ImageRenditionsField()),
        # What to show with the article (a card, a share): the hero image, else the body's first.
        APIField("picture", serializer=ImageRenditionsField()),
        APIField("hero_caption"),
        APIField("body"),
        APIField("author"),
        APIField("date"),
        APIField("featured"),
        APIField("page_views", serializer=PageViewsField()),
        APIField("tags"),
        APIField(
            "related_agencies", serializer=PublishedObjectListField("related_agencies", "agency")
        ),
        APIField("related_people", serializer=PublishedObjectListField("related_people", "person")),
    ]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        # Every listing is newest first: read in index order, not sorted (100,000 articles).
        indexes = [models.Index(fields=["date", "page_ptr"], name="article_date_idx")]

    @property
    def picture_id(self):
        """The id of the article's picture: see `picture`."""
        return self.hero_image_id or first_image_id(self.body)

    @cached_property
    def picture(self):
        """The picture of the article, wherever it is shown or shared (cards, link previews,
        structured data, feeds, API): its hero image, else the first image of its body."""
        if self.hero_image_id:
            return self.hero_image
        image_id = first_image_id(self.body)
        if image_id is None:
            return None
        return next((image for image in body_images(self.body) if image.pk == image_id), None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prefetch_body_renditions(self.body)
        context["tags"] = self.tag_list
        context["related_articles"] = self.related_articles()
        return context

    @cached_property
    def tag_list(self):
        return list(self.tags.all())

    def search_related_text(self):
        """The names of the published agencies and people the article relates to."""
        names = []
        for agency in self.live_related_agencies:
            names += [agency.name, agency.short_name, agency.abbreviation]
        for person in self.live_related_people:
            names += [person.name, person.position]
        return " ".join(name for name in names if name)

    def search_text_parts(self):
        return [
            self.lead,
            searchable_text(self, "body"),
            self.author,
            self.hero_caption,
            *(tag.name for tag in self.tag_list),
            self.search_related_text(),
        ]

    @cached_property
    def live_related_agencies(self):
        return [
            link.agency for link in linked(self, "related_agencies", "agency") if link.agency.live
        ]

    @cached_property
    def live_related_people(self):
        return [
            link.person
            for link in linked(self, "related_people", "person", "person__agency")
            if link.person.live
        ]

    def related_articles(self, limit=3):
        """Published articles sharing a tag or an agency, else the newest in the section."""
        others = (
            visible_pages(NewsArticlePage.objects)
            .filter(locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .order_by("-date", "-pk")
        )
        tag_ids = [tag.pk for tag in self.tag_list]
        agency_ids = [agency.pk for agency in self.live_related_agencies]
        # Ids first (the newest only when fewer are related), then one fetch with images: at
        # most the same queries however many are related. Not EXISTS in one query: with the
        # two ORed, PostgreSQL hashed every article of the tags first (20 ms against 7 ms at
        # 100,000 articles).
        ids = list(
            others.filter(Q(tags__in=tag_ids) | Q(related_agencies__agency__in=agency_ids))
            .distinct()
            .values_list("pk", flat=True)[:limit]
        )
        if len(ids) < limit:
            newest = others.exclude(pk__in=ids).values_list("pk", flat=True)
            ids = ids + list(newest[: limit - len(ids)])
        pages = {
            page.pk: page
            for page in with_listing_images(NewsArticlePage.objects.filter(pk__in=ids))
        }
        return [pages[pk] for pk in ids if pk in pages]


class ArticleAgency(TranslatableMixin, Orderable):
    page = ParentalKey(NewsArticlePage, on_delete=models.CASCADE, related_name="related_agencies")
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("agency")]
    api_fields = [APIField("agency")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("related agency")
        verbose_name_plural = _("related agencies")


class ArticlePerson(TranslatableMixin, Orderable):
    page = ParentalKey(NewsArticlePage, on_delete=models.CASCADE, related_name="related_people")
    person = models.ForeignKey(
        "snippets.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("person")]
    api_fields = [APIField("person")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("related person")
        verbose_name_plural = _("related people")
