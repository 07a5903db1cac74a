"""Links to other agencies' portals and to the public service portals, shown in the sidebar
of every page (as the old portal did: logos with readable names)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PublishingPanel
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin

from core.renditions import LOGO, expand, prefetch_renditions_of

LOGO_SPECS = expand(LOGO)


class PublicServiceLinkQuerySet(models.QuerySet):
    def shown(self, locale_id):
        """The published links of one locale, in order, with their logos' renditions: two
        queries whatever their number (links with their logos, renditions)."""
        return (
            self.filter(live=True, locale_id=locale_id)
            .select_related("logo")
            .prefetch_related(prefetch_renditions_of("logo", LOGO_SPECS))
            .order_by("group", "sort_order", "pk")
        )


class PublicServiceLink(TranslatableMixin, DraftStateMixin, RevisionMixin, models.Model):
    """A link in the sidebar's "Liên kết" box: a public service portal or an agency's portal."""

    class Group(models.TextChoices):
        # The order of the choices is the order of the groups in the sidebar.
        PUBLIC_SERVICES = "a-public-services", _("Public service portals")
        AGENCIES = "b-agencies", _("Agencies' portals")

    name = models.CharField(
        _("name"), max_length=160, help_text=_("Shown under the logo, and read by screen readers.")
    )
    url = models.URLField(_("address (URL)"))
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    group = models.CharField(
        _("group"), max_length=32, choices=Group.choices, default=Group.PUBLIC_SERVICES
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = PublicServiceLinkQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("logo"),
        FieldRowPanel([FieldPanel("group"), FieldPanel("sort_order")]),
        PublishingPanel(),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("link to a portal")
        verbose_name_plural = _("links to portals")
        ordering = ["group", "sort_order", "id"]

    def __str__(self):
        return self.name

    def add_appearances(self, batch):
        """Every section page shows the links in its sidebar (core.purging)."""
        batch.add_section_pages()
