"""Banners, and the one rule for which of them show and where each leads.

- `Banner.objects.visible()`: published and inside their schedule (the API's banners);
- `Banner.objects.shown_in(placements, locale_id)`: what a page of that locale shows in each
  of those placements, in order, ready to render (`portal_tags`, `HomePage`), with the time
  that set next changes by itself (when the page's answer stops being true);
- `banner.target_url(request)`: where a banner leads (the templates; the API with `full`).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    PageChooserPanel,
    PublishingPanel,
)
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index

from core.renditions import BANNERS, prefetch_renditions_of
from core.visibility import is_visible

from .querysets import PublishedQuerySet


class BannerQuerySet(PublishedQuerySet):
    def visible(self, at=None):
        """Published banners inside their schedule at `at` (default: now)."""
        at = at or timezone.now()
        return (
            self.live()
            .filter(Q(starts_at__isnull=True) | Q(starts_at__lte=at))
            .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=at))
        )

    def shown_in(self, placements, locale_id, at=None):
        """`{placement: shown banners}` for each of `placements`, and when that changes by
        itself (a banner's start or end; None: never): two queries for them all (banners with
        their images, renditions).

        The scheduled banners that have not ended are read with the visible ones, and sorted
        out here: their starts and ends are the next change.
        """
        at = at or timezone.now()
        specs = dict.fromkeys(
            spec for placement in placements for spec in Banner.rendition_specs(placement)
        )
        banners = (
            self.live()
            .filter(placement__in=placements, locale_id=locale_id)
            .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=at))
            .select_related("link_page", "image")
            .prefetch_related(prefetch_renditions_of("image", specs))
            .order_by("sort_order", "pk")
        )
        shown = {placement: [] for placement in placements}
        changes = []
        for banner in banners:
            if banner.starts_at is not None and banner.starts_at > at:
                changes.append(banner.starts_at)
                continue
            if banner.ends_at is not None:
                changes.append(banner.ends_at)
            shown[banner.placement].append(banner)
        return shown, min(changes, default=None)


class Banner(TranslatableMixin, DraftStateMixin, RevisionMixin, index.Indexed, models.Model):
    """An image banner in the header, the sidebar, the home page or the footer."""

    class Placement(models.TextChoices):
        HEADER = "header", _("Header")
        SIDEBAR = "sidebar", _("Sidebar")
        HOME = "home", _("Home page")
        FOOTER = "footer", _("Footer")

    title = models.CharField(_("name"), max_length=160, help_text=_("Shown only in the admin."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        help_text=_("Describes the image for screen readers and when it cannot load."),
    )
    link_url = models.URLField(_("link (URL)"), blank=True)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("link (page)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    placement = models.CharField(
        _("placement"), max_length=16, choices=Placement.choices, default=Placement.SIDEBAR
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    starts_at = models.DateTimeField(_("show from"), null=True, blank=True)
    ends_at = models.DateTimeField(_("show until"), null=True, blank=True)

    objects = BannerQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("image"),
        FieldPanel("alt_text"),
        FieldRowPanel([FieldPanel("placement"), FieldPanel("sort_order")]),
        MultiFieldPanel([FieldPanel("link_url"), PageChooserPanel("link_page")], heading=_("Link")),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("Schedule")),
        PublishingPanel(),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("alt_text"),
        index.AutocompleteField("title"),
        index.FilterField("placement"),
        index.FilterField("starts_at"),
        index.FilterField("ends_at"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
    ]
    api_fields = [
        "title",
        "image",
        "alt_text",
        "link_url",
        "link_page",
        "placement",
        "sort_order",
        "starts_at",
        "ends_at",
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("banner")
        verbose_name_plural = _("banners")
        ordering = ["placement", "sort_order", "id"]

    def __str__(self):
        return self.title

    def add_appearances(self, batch):
        """Every section page shows the banners (articles keep theirs until their s-maxage)."""
        batch.add_section_pages()

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})
        if self.link_url and self.link_page_id:
            raise ValidationError({"link_page": _("Choose either a URL or a page, not both.")})

    @classmethod
    def rendition_specs(cls, placement):
        """The rendition filter specs of a placement (`core.renditions.BANNERS`): the large
        one is the `src`, all go in `srcset`. An unknown placement gets the sidebar's."""
        return BANNERS.get(placement, BANNERS[cls.Placement.SIDEBAR])

    def target_url(self, request=None, full=False):
        """Where the banner leads: a chosen page while readers may see it, else nowhere
        (""); without a page, its URL ("": nowhere). `full`: the page's absolute URL."""
        if not self.link_page_id:
            return self.link_url
        page = self.link_page
        if not is_visible(page, request):
            return ""
        url = page.get_full_url(request) if full else page.get_url(request)
        return url or ""

    @property
    def link(self):
        """Where the banner leads, outside a request (`target_url`)."""
        return self.target_url()
