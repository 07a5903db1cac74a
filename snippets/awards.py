"""Awards conferred for a year, and their named recipient agencies."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PublishingPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin, TranslatableMixin
from wagtail.search import index

from core.text import folded_for_index

from .models import Agency, Person
from .querysets import PublishedQuerySet


class Award(TranslatableMixin, DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """An award conferred for a year: a leading-unit flag, certificates of merit..."""

    class Kind(models.TextChoices):
        LEADING_UNIT_FLAG = "leading_unit_flag", _("Leading-unit flag")
        EMULATION_FLAG = "emulation_flag", _("Emulation flag")
        CERTIFICATE_OF_MERIT = "certificate_of_merit", _("Certificate of merit")
        EMULATION_TITLE = "emulation_title", _("Emulation title")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    title = models.CharField(
        _("title"), max_length=255, help_text=_('For example "Cờ Đơn vị dẫn đầu khối thi đua".')
    )
    year = models.PositiveSmallIntegerField(_("year rewarded"))
    conferred_by_agency = models.ForeignKey(
        Agency,
        verbose_name=_("conferring agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards_conferred",
    )
    conferred_by_person = models.ForeignKey(
        Person,
        verbose_name=_("conferring person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards_conferred",
    )
    recipient_count = models.PositiveSmallIntegerField(
        _("number of unnamed recipients"),
        null=True,
        blank=True,
        help_text=_("For recipients not named one by one, such as 07 collectives."),
    )
    recipient_description = models.CharField(
        _("unnamed recipients"),
        max_length=255,
        blank=True,
        help_text=_('For example "tập thể có thành tích xuất sắc".'),
    )
    decision_number = models.CharField(_("decision number"), max_length=80, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link"])

    objects = PublishedQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("year")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("conferred_by_agency"), FieldPanel("conferred_by_person")]),
        InlinePanel("recipients", heading=_("Recipient agencies"), label=_("recipient")),
        FieldRowPanel([FieldPanel("recipient_count"), FieldPanel("recipient_description")]),
        FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date")]),
        FieldPanel("description"),
        PublishingPanel(),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("recipient_description"),
        index.SearchField("decision_number"),
        index.SearchField("search_folded_text"),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
        index.FilterField("year"),
        index.FilterField("locale_id"),
        index.FilterField("translation_key"),  # ?fallback= with ?search= (core.api)
        index.FilterField("live"),
    ]
    api_fields = [
        "kind",
        "title",
        "year",
        "conferred_by_agency",
        "conferred_by_person",
        "recipients",
        "recipient_count",
        "recipient_description",
        "decision_number",
        "decision_date",
        "description",
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["-year", "title"]

    def __str__(self):
        """The title, with the year only when the title does not already say it."""
        return self.title if str(self.year) in self.title else f"{self.title} ({self.year})"

    def search_folded_text(self):
        return folded_for_index(self.title, self.recipient_description, self.decision_number)

    def clean(self):
        super().clean()
        if self.recipient_count is not None and self.recipient_count < 1:
            raise ValidationError(
                {"recipient_count": _("The number of recipients must be at least 1.")}
            )


class AwardRecipient(TranslatableMixin, Orderable):
    """A named recipient agency of an award."""

    award = ParentalKey(Award, on_delete=models.CASCADE, related_name="recipients")
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="award_recipients",
    )

    panels = [FieldPanel("agency")]
    api_fields = ["agency"]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("award recipient")
        verbose_name_plural = _("award recipients")
        constraints = [
            models.UniqueConstraint(fields=["award", "agency"], name="unique_award_recipient")
        ]
