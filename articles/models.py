"""The article section: an index, news articles, event reports and announcements.

An event report *is* a news article with event facts (multi-table inheritance), so
one query over `NewsArticlePage` lists both, with their dates, leads and images.
"""

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db import models
from django.db.models import Q, prefetch_related_objects
from django.http import Http404
from django.utils import timezone
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
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from blocs.models import BlocPage, BlocYear
from blocs.serializers import BlocTermField
from core import renditions
from core.fragments import CachedCountPaginator
from core.indexing import FOLDED_SEARCH_FIELDS, FoldedSearchMixin
from core.text import searchable_text
from core.visibility import is_visible, visible_pages
from snippets.models import Agency
from snippets.serializers import ImageRenditionsField, PublishedObjectListField
from visits.serializers import PageViewsField

from .blocks import RICH_TEXT_FEATURES, ArticleBodyBlock

LISTING_RENDITIONS = renditions.LISTING_SPECS
BODY_RENDITIONS = renditions.ARTICLE_SPECS


def first_image_id(stream_value):
    """The id of a body's first image (image or gallery block), read from its stored data
    without loading any image; None when it has none."""
    for block in stream_value.raw_data:
        value = block.get("value") or {}
        if block.get("type") == "image":
            chosen = [value.get("image")]
        elif block.get("type") == "gallery":
            # A ListBlock stores {"type": "item", "value": ...} items (older data: bare values).
            items = value.get("images") or []
            chosen = [(item.get("value", item) or {}).get("image") for item in items]
        else:
            continue
        for image in chosen:
            # ImageBlock stores {"image": id, "alt_text": ..., "decorative": ...}, or a bare id.
            image_id = image.get("image") if isinstance(image, dict) else image
            if image_id:
                return image_id
    return None


def with_listing_images(queryset, specs=LISTING_RENDITIONS):
    """The articles of `queryset` with their `picture` and its renditions `specs` loaded:
    two queries in all, however many articles."""
    articles = list(queryset)
    wanted = {article.pk: article.picture_id for article in articles}
    ids = {pk for pk in wanted.values() if pk}
    images = get_image_model().objects.filter(pk__in=ids).prefetch_renditions(*specs)
    found = {image.pk: image for image in images} if ids else {}
    for article in articles:
        article.picture = found.get(wanted[article.pk])
    return articles


def paginate(request, items, per_page):
    """Return the requested page of `items`; a bad or out-of-range page number is a 404."""
    paginator = CachedCountPaginator(items, per_page or 10, request=request)
    try:
        return paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404(_("No such page of results.")) from error


def body_images(stream_value):
    """The images of a body's image and gallery blocks, in order."""
    images = []
    for block in stream_value:
        if block.block_type == "image":
            images.append(block.value["image"])
        elif block.block_type == "gallery":
            images.extend(item["image"] for item in block.value["images"])
    return [image for image in images if image is not None]


def prefetch_body_renditions(stream_value):
    """Load the body images' renditions in one query, however many images there are."""
    prefetch_related_objects(
        body_images(stream_value),
        models.Prefetch(
            "renditions",
            queryset=get_image_model()
            .get_rendition_model()
            .objects.filter(filter_spec__in=BODY_RENDITIONS),
        ),
    )


def linked(page, relation, *related):
    """The rows of `page.<relation>` with `related` joined in, or the ones prefetched.

    Bulk work (the load generator's indexing) prefetches the relations for a batch of pages;
    a page on its own joins them in one query.
    """
    manager = getattr(page, relation)
    if relation in getattr(page, "_prefetched_objects_cache", {}):
        return manager.all()
    return manager.select_related(*related)


class PublicationDateMixin:
    """The `date` field of article and announcement pages defaults to first publication."""

    def save(self, *args, **kwargs):
        if self.date is None and self.first_published_at is not None:
            self.date = self.first_published_at
        super().save(*args, **kwargs)

    @property
    def display_date(self):
        return self.date or self.first_published_at or self.latest_revision_created_at


class ArticleIndexPage(FoldedSearchMixin, RoutablePageMixin, Page):
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
        from .feeds import ArticleRssFeed

        return ArticleRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        from .feeds import ArticleAtomFeed

        return ArticleAtomFeed(self)(request)


class AnnouncementIndexPage(FoldedSearchMixin, Page):
    """The "Thông báo" section: announcements, newest first, expired ones included."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    per_page = models.PositiveSmallIntegerField(_("items per page"), default=20)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.AnnouncementPage"]
    canonical_query_parameters = ("page",)
    paginated_listing = True

    content_panels = Page.content_panels + [FieldPanel("intro")]
    settings_panels = Page.settings_panels + [FieldPanel("per_page")]
    api_fields = [APIField("intro"), APIField("per_page")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        *FOLDED_SEARCH_FIELDS,
    ]

    class Meta:
        verbose_name = _("announcement index")
        verbose_name_plural = _("announcement indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = visible_pages(AnnouncementPage.objects).child_of(self).order_by("-date", "-pk")
        page_obj = paginate(request, items, self.per_page)
        context.update(page_obj=page_obj, items=page_obj.object_list)
        return context


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.NewsArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsArticlePage(FoldedSearchMixin, PublicationDateMixin, Page):
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
        # Ids first, then one fetch with images: the same queries however many are related.
        related_ids = list(
            others.filter(Q(tags__in=tag_ids) | Q(related_agencies__agency__in=agency_ids))
            .distinct()
            .values_list("pk", flat=True)[:limit]
        )
        newest_ids = list(others.exclude(pk__in=related_ids).values_list("pk", flat=True)[:limit])
        ids = (related_ids + newest_ids)[:limit]
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


class EventReportPage(NewsArticlePage):
    """A news article about an event: when, where, who presided, who took part, what was awarded."""

    event_start = models.DateTimeField(_("event start"))
    event_end = models.DateTimeField(_("event end"), null=True, blank=True)
    venue = models.CharField(
        _("venue"),
        max_length=255,
        blank=True,
        help_text=_('For example "Trung tâm Hội nghị thành phố".'),
    )
    venue_address = models.CharField(
        _("address of the venue"),
        max_length=255,
        blank=True,
        help_text=_(
            "Search engines show an event only with its place: give the venue, its address or both."
        ),
    )
    bloc_term = models.ForeignKey(
        "blocs.BlocYear",
        verbose_name=_("emulation bloc and year"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="event_reports",
        help_text=_("The bloc year this event belongs to: the bloc's page then lists this report."),
    )

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []

    content_panels = NewsArticlePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("event_start"), FieldPanel("event_end")]),
                FieldRowPanel([FieldPanel("venue"), FieldPanel("venue_address")]),
                FieldPanel("bloc_term"),
                InlinePanel("officials", heading=_("Officials present"), label=_("official")),
                InlinePanel(
                    "participating_agencies",
                    heading=_("Participating agencies"),
                    label=_("agency"),
                ),
                InlinePanel("awards_conferred", heading=_("Awards conferred"), label=_("award")),
            ],
            heading=_("Event"),
        ),
    ]
    search_fields = NewsArticlePage.search_fields + [
        index.SearchField("venue"),
        index.SearchField("venue_address"),
    ]

    def search_related_text(self):
        """Also the officials, participating agencies, awards and bloc of the event."""
        names = [super().search_related_text()]
        for link in self.live_officials:
            names += [link.person.name, link.person.position, link.role]
        for agency in self.live_participating_agencies:
            names += [agency.name, agency.short_name, agency.abbreviation]
        names += [award.title for award in self.live_awards_conferred]
        term = self.bloc_term
        if term is not None and term.live and is_visible(term.bloc):
            names += [term.bloc.title, term.bloc.short_name, term.motto]
        return " ".join(name for name in names if name)

    def search_text_parts(self):
        return [*super().search_text_parts(), self.venue, self.venue_address]

    api_fields = NewsArticlePage.api_fields + [
        APIField("bloc_term", serializer=BlocTermField()),
        APIField("event_start"),
        APIField("event_end"),
        APIField("venue"),
        APIField("venue_address"),
        APIField(
            "officials",
            serializer=PublishedObjectListField(
                "officials", "person", extra_fields=("role", "presided")
            ),
        ),
        APIField(
            "participating_agencies",
            serializer=PublishedObjectListField("participating_agencies", "agency"),
        ),
        APIField(
            "awards_conferred", serializer=PublishedObjectListField("awards_conferred", "award")
        ),
    ]

    class Meta:
        verbose_name = _("event report")
        verbose_name_plural = _("event reports")

    def clean(self):
        super().clean()
        if self.event_start and self.event_end and self.event_end < self.event_start:
            raise ValidationError({"event_end": _("The event cannot end before it starts.")})

    def add_appearances(self, batch):
        """The bloc pages listing it: its bloc year's, and those whose covenant it signs."""
        years = BlocYear.objects.filter(Q(pk=self.bloc_term_id) | Q(signing_report_id=self.pk))
        for bloc in BlocPage.objects.filter(pk__in=years.values("bloc_id")):
            batch.add_page_and_api(bloc)

    @cached_property
    def live_officials(self):
        return [
            link
            for link in linked(self, "officials", "person", "person__agency")
            if link.person.live
        ]

    @cached_property
    def live_participating_agencies(self):
        return [
            link.agency
            for link in linked(self, "participating_agencies", "agency")
            if link.agency.live
        ]

    @cached_property
    def live_awards_conferred(self):
        return [
            link.award
            for link in self.awards_conferred.select_related(
                "award", "award__conferred_by_person", "award__conferred_by_agency"
            ).prefetch_related("award__recipients__agency")
            if link.award.live
        ]


class EventOfficial(TranslatableMixin, Orderable):
    page = ParentalKey(EventReportPage, on_delete=models.CASCADE, related_name="officials")
    person = models.ForeignKey(
        "snippets.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(
        _("role at the event"),
        max_length=120,
        blank=True,
        help_text=_('For example "chủ trì" (presided) or "dự" (attended).'),
    )
    presided = models.BooleanField(_("presided"), default=False)

    panels = [FieldRowPanel([FieldPanel("person"), FieldPanel("role"), FieldPanel("presided")])]
    api_fields = [APIField("person"), APIField("role"), APIField("presided")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("official present")
        verbose_name_plural = _("officials present")


class EventAgency(TranslatableMixin, Orderable):
    page = ParentalKey(
        EventReportPage, on_delete=models.CASCADE, related_name="participating_agencies"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("agency")]
    api_fields = [APIField("agency")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("participating agency")
        verbose_name_plural = _("participating agencies")


class EventAward(TranslatableMixin, Orderable):
    page = ParentalKey(EventReportPage, on_delete=models.CASCADE, related_name="awards_conferred")
    award = models.ForeignKey(
        "snippets.Award", verbose_name=_("award"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("award")]
    api_fields = [APIField("award")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("award conferred")
        verbose_name_plural = _("awards conferred")


class AnnouncementPage(FoldedSearchMixin, PublicationDateMixin, Page):
    """A short notice (Thông báo), often with attached documents, listed while valid."""

    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("body"), blank=True, features=RICH_TEXT_FEATURES)
    date = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_("Defaults to the time of first publication."),
    )
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_("After this day the announcement leaves the announcements box."),
    )

    parent_page_types = ["articles.AnnouncementIndexPage"]
    subpage_types = []
    purged_by_site_changes = False

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("valid_until")]),
        InlinePanel("attachments", heading=_("Attached documents"), label=_("document")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("search_attachment_titles"),
        *FOLDED_SEARCH_FIELDS,
        index.FilterField("date"),
        index.FilterField("valid_until"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("body"),
        APIField("date"),
        APIField("valid_until"),
        APIField("attachments"),
    ]

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")

    @cached_property
    def attachment_list(self):
        return list(self.attachments.select_related("document"))

    def search_attachment_titles(self):
        return " ".join(link.title or link.document.title for link in self.attachment_list)

    def search_text_parts(self):
        return [
            self.summary,
            searchable_text(self, "body"),
            self.search_attachment_titles(),
        ]

    def add_appearances(self, batch):
        """Every section page: their sidebars list the current announcements."""
        batch.add_section_pages()

    @classmethod
    def current(cls, locale=None, at=None):
        """Published, public announcements still valid on `at` (default: today, local time)."""
        today = timezone.localdate(at)
        queryset = (
            visible_pages(cls.objects)
            .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
            .order_by("-date", "-pk")
        )
        if locale is not None:
            queryset = queryset.filter(locale=locale)
        return queryset


class AnnouncementAttachment(TranslatableMixin, Orderable):
    page = ParentalKey(AnnouncementPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(
        _("link text"), max_length=255, blank=True, help_text=_("Defaults to the document's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]
    api_fields = [APIField("document"), APIField("title")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("attached document")
        verbose_name_plural = _("attached documents")
