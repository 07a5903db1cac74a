"""What the database keeps of the visitor statistics: one row per local day, one per page.

Nothing here identifies a visitor: the cache holds the day's keyed hashes (see
`visits.counting`), the database only counts.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class DailyVisits(models.Model):
    """Visitors and page views of one local day (TIME_ZONE), folded from the cache.

    The cache counts each day under a generation id. When the cache loses a day's data
    (Redis restarted without persistence), counting starts again under a new generation:
    what was folded before is kept in `carried_*` and the new generation's counts are added.
    """

    date = models.DateField(_("date"), unique=True)
    visitors = models.PositiveIntegerField(_("visitors"), default=0)
    views = models.PositiveIntegerField(_("page views"), default=0)
    generation = models.CharField(max_length=32, blank=True, editable=False)
    carried_visitors = models.PositiveIntegerField(default=0, editable=False)
    carried_views = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["date"]
        verbose_name = _("daily visits")
        verbose_name_plural = _("daily visits")

    def __str__(self):
        return f"{self.date.isoformat()}: {self.visitors}"


class PageViews(models.Model):
    """All-time views of one page ("Lượt xem"), folded from the cache."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
    )
    views = models.PositiveBigIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("page views")
        verbose_name_plural = _("page views")

    def __str__(self):
        return f"{self.page_id}: {self.views}"


@register_setting(icon="view")
class VisitSettings(BaseGenericSetting):
    """Settings of the visitor statistics, shared by every site of the installation."""

    starting_total = models.PositiveBigIntegerField(
        _("starting total"),
        default=0,
        help_text=_(
            "Visitors counted before this portal, for example by the old portal's counter. "
            'It is added to "Tất cả" (all visitors).'
        ),
    )

    panels = [FieldPanel("starting_total")]

    class Meta:
        verbose_name = _("visitor statistics")
