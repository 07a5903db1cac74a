"""The announcements section: its index page and announcements with attachments."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from core.indexing import FOLDED_SEARCH_FIELDS, FoldedSearchMixin
from core.text import searchable_text
from core.visibility import RoutedRestrictionsMixin, visible_pages

from ..blocks import RICH_TEXT_FEATURES
from .common import PublicationDateMixin, paginate


class AnnouncementIndexPage(FoldedSearchMixin, RoutedRestrictionsMixin, Page):
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


class AnnouncementPage(FoldedSearchMixin, PublicationDateMixin, RoutedRestrictionsMixin, Page):
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
