"""The editable lists a legal document is classified by: its type and its subject area."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index


class DocumentType(TranslatableMixin, index.Indexed, models.Model):
    """A kind of document: Luật, Nghị định, Quyết định, Công văn…

    `is_legislation` marks the kinds that are legal normative documents (văn bản quy phạm
    pháp luật): their pages describe themselves as schema.org `Legislation`.
    """

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, allow_unicode=False)
    is_legislation = models.BooleanField(
        _("legal normative document"),
        default=False,
        help_text=_("Laws, decrees, circulars and the decisions that set rules."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("is_legislation"),
        FieldPanel("sort_order"),
    ]
    api_fields = [APIField("name"), APIField("slug"), APIField("is_legislation")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("document type")
        verbose_name_plural = _("document types")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_document_type_slug")
        ]

    def __str__(self):
        return self.name


class SubjectArea(TranslatableMixin, index.Indexed, models.Model):
    """A field of state management a document belongs to (lĩnh vực): education, land…"""

    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(_("slug"), max_length=160, allow_unicode=False)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    api_fields = [APIField("name"), APIField("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("subject area")
        verbose_name_plural = _("subject areas")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_subject_area_slug")
        ]

    def __str__(self):
        return self.name
