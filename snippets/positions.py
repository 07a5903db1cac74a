"""The posts a person held over time: "Phó Giám đốc Sở" from 2019 to 2023, then "Giám đốc
Sở". Articles print the title held on their date (`snippets.templatetags.position_tags`)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin

from .models import Agency, Person


class PersonPosition(TranslatableMixin, Orderable):
    """A post held from `start_date` to `end_date` (open-ended while it is held)."""

    person = ParentalKey(Person, on_delete=models.CASCADE, related_name="positions")
    title = models.CharField(
        _("title"), max_length=255, help_text=_('For example "Phó Giám đốc Sở".')
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency or unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="positions",
    )
    start_date = models.DateField(_("from"))
    end_date = models.DateField(
        _("until"), null=True, blank=True, help_text=_("Empty while the post is held.")
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("agency"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
    ]
    api_fields = ["title", "agency", "start_date", "end_date"]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("post held")
        verbose_name_plural = _("posts held")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("A post cannot end before it starts.")})

    def held_on(self, day):
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)
