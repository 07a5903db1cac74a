"""One page per legal document (văn bản) or draft for comment (dự thảo)."""

import mimetypes

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from core.indexing import FOLDED_SEARCH_FIELDS, FoldedSearchMixin
from core.security import allow_sources
from core.text import searchable_text
from core.visibility import RoutedRestrictionsMixin, is_visible

from ..numbers import number_key, number_validator
from ..status import REVERSE_WORDING, RelationKind, status_of
from .extracted import ExtractionOutcome
from .index import RICH_TEXT_FEATURES


class LegalDocumentPage(FoldedSearchMixin, RoutablePageMixin, RoutedRestrictionsMixin, Page):
    """One document (văn bản), or a draft published for public comment (dự thảo)."""

    document_type = models.ForeignKey(
        "legal_documents.DocumentType",
        verbose_name=_("document type"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    number = models.CharField(
        _("number and symbol"),
        max_length=80,
        blank=True,
        validators=[number_validator],
        help_text=_("For example 15/2024/QĐ-UBND. A draft may have none yet."),
    )
    # `number` folded and split into words (legal_documents.numbers): what search compares.
    number_key = models.CharField(max_length=80, blank=True, editable=False, db_index=True)
    issuer = models.ForeignKey(
        "snippets.Agency",
        verbose_name=_("issuing agency"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    signer = models.ForeignKey(
        "snippets.Person",
        verbose_name=_("signer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signer_title = models.CharField(
        _("signer's title at signing"),
        max_length=160,
        blank=True,
        help_text=_('For example "Phó Chủ tịch".'),
    )
    subject_area = models.ForeignKey(
        "legal_documents.SubjectArea",
        verbose_name=_("subject area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issue_date = models.DateField(_("issue date"), null=True, blank=True, db_index=True)
    effective_date = models.DateField(_("effective date"), null=True, blank=True)
    expiry_date = models.DateField(_("expiry date"), null=True, blank=True)
    abstract = models.TextField(_("abstract"), help_text=_("The document's summary (trích yếu)."))
    full_text = RichTextField(_("full text"), blank=True, features=RICH_TEXT_FEATURES)
    national_database_url = models.URLField(
        _("national legal database entry"),
        max_length=500,
        blank=True,
        help_text=_("Its address on the national legal database (vbpl.vn), if listed there."),
    )
    is_draft = models.BooleanField(
        _("draft for public comment"),
        default=False,
        help_text=_("A draft (dự thảo) published to collect comments; it has no legal force."),
    )
    drafting_agency = models.ForeignKey(
        "snippets.Agency",
        verbose_name=_("drafting agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    comments_open_at = models.DateTimeField(_("comments open"), null=True, blank=True)
    comments_close_at = models.DateTimeField(_("comments close"), null=True, blank=True)

    parent_page_types = ["legal_documents.LegalDocumentIndexPage"]
    subpage_types = []
    purged_by_site_changes = False

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("document_type"), FieldPanel("number")]),
        FieldRowPanel([FieldPanel("issuer"), FieldPanel("subject_area")]),
        FieldRowPanel([FieldPanel("signer"), FieldPanel("signer_title")]),
        FieldRowPanel(
            [FieldPanel("issue_date"), FieldPanel("effective_date"), FieldPanel("expiry_date")],
            heading=_("Dates"),
        ),
        FieldPanel("abstract"),
        FieldPanel("full_text"),
        InlinePanel("attachments", heading=_("Attached files"), label=_("file")),
        InlinePanel("relations", heading=_("Relations to other documents"), label=_("relation")),
        FieldPanel("national_database_url"),
        MultiFieldPanel(
            [
                FieldPanel("is_draft"),
                FieldPanel("drafting_agency"),
                FieldRowPanel([FieldPanel("comments_open_at"), FieldPanel("comments_close_at")]),
            ],
            heading=_("Public consultation"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("number"),
        # The number as words ("15 2024 qd ubnd"): PostgreSQL's parser reads "15/2024/QĐ-UBND"
        # as one file-path token, which the words of a typed number never match.
        index.SearchField("number_key"),
        index.SearchField("abstract"),
        index.SearchField("full_text"),
        index.SearchField("attachment_text"),
        *FOLDED_SEARCH_FIELDS,
        index.FilterField("number_key"),
        index.FilterField("issue_date"),
        index.FilterField("is_draft"),
        index.FilterField("document_type"),
        index.FilterField("issuer"),
        index.FilterField("subject_area"),
        index.FilterField("signer"),
    ]

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        # The API's default order (newest issued first, drafts before them): its first page
        # is read from this index instead of sorting every document.
        indexes = [models.Index(fields=["-issue_date", "-page_ptr"], name="legal_newest_issued")]

    @path("gop-y/", name="consultation")
    def consultation(self, request):
        """The public comment form of a draft (legal_documents.consultation)."""
        from ..consultation import consultation_view

        return consultation_view(request, self)

    def save(self, *args, **kwargs):
        self.number_key = number_key(self.number)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if not self.is_draft:
            if not self.number:
                errors["number"] = _("A document other than a draft has a number.")
            if not self.issue_date:
                errors["issue_date"] = _("A document other than a draft has an issue date.")
        start = self.issue_date
        if start and self.effective_date and self.effective_date < start:
            errors["effective_date"] = _("The effective date cannot be before the issue date.")
        first_day = self.effective_date or start
        if first_day and self.expiry_date and self.expiry_date <= first_day:
            errors["expiry_date"] = _("The expiry date must be after the effective date.")
        opens, closes = self.comments_open_at, self.comments_close_at
        if self.is_draft and bool(opens) != bool(closes):
            errors["comments_close_at"] = _("Give both the opening and the closing time.")
        if opens and closes and closes <= opens:
            errors["comments_close_at"] = _("Comments must close after they open.")
        if self.number and self.issuer_id and self.duplicate_numbers().exists():
            errors["number"] = _("This issuing agency already has a document with this number.")
        if errors:
            raise ValidationError(errors)

    def duplicate_numbers(self):
        """Other documents of the same issuer (in any language version of the agency) and
        the same language with this number; the translations of this one are not others."""
        others = LegalDocumentPage.objects.filter(
            locale_id=self.locale_id,
            number_key=number_key(self.number),
            issuer__translation_key=self.issuer.translation_key,
        )
        if self.translation_key:
            others = others.exclude(translation_key=self.translation_key)
        return others.exclude(pk=self.pk) if self.pk else others

    @cached_property
    def status(self):
        return status_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        attachments = self.shown_attachments()
        if any(attachment.previewable for attachment in attachments):
            # Our own PDFs are previewed in a frame (core.security).
            allow_sources(request, "frame-src", "'self'")
        context.update(
            attachments=attachments,
            relations=self.shown_relations(request),
            meta_description=Truncator(" ".join(self.abstract.split())).chars(300),
        )
        return context

    def shown_attachments(self):
        """The attached files with what the page says of them, in two queries at most."""
        links = self.attachments.select_related("document__extracted_text")
        return [FileFacts(link) for link in links]

    def shown_relations(self, request):
        """(wording, document) pairs: what this document does to others, then what others do
        to any language version of it. Each document is named in this page's language when
        it has a visible translation there; only documents readers may see are named. Three
        queries at most."""
        outgoing = [
            (row.get_kind_display(), row.target) for row in self.relations.select_related("target")
        ]
        incoming = [
            (REVERSE_WORDING[RelationKind(row.kind)], row.source)
            for row in LegalDocumentRelation.objects.filter(
                target__translation_key=self.translation_key
            )
            .exclude(source__translation_key=self.translation_key)
            .select_related("source")
            .order_by("kind", "sort_order", "pk")
        ]
        translations = self.translations_here([page for _words, page in outgoing + incoming])
        shown, seen = [], set()
        for words, page in outgoing + incoming:
            translation = translations.get(page.translation_key)
            page = translation if is_visible(translation, request) else page
            if is_visible(page, request) and (words, page.pk) not in seen:
                seen.add((words, page.pk))
                shown.append((words, page))
        return shown

    def translations_here(self, pages):
        """{translation key: the published version in this page's locale} of `pages`."""
        keys = {page.translation_key for page in pages if page.locale_id != self.locale_id}
        if not keys:
            return {}
        versions = LegalDocumentPage.objects.live().filter(
            locale_id=self.locale_id, translation_key__in=keys
        )
        return {version.translation_key: version for version in versions}

    def add_appearances(self, batch):
        """The documents it relates to, both ways, in every language: their status and
        relations show it."""
        related = LegalDocumentPage.objects.filter(
            Q(relations__target=self) | Q(relations_in__source=self)
        ).values("translation_key")
        for page in LegalDocumentPage.objects.filter(translation_key__in=related):
            batch.add_page_and_api(page)

    def attachment_text(self):
        texts = [
            getattr(getattr(link.document, "extracted_text", None), "text", "")
            for link in self.attachments.select_related("document__extracted_text")
        ]
        return "\n".join(text for text in texts if text)

    def search_text_parts(self):
        return [
            self.number_key,
            self.abstract,
            searchable_text(self, "full_text"),
            self.attachment_text(),
        ]


class FileFacts:
    """What the page shows of an attached file: its link text, type, size and whether its
    text can be searched (a scanned PDF's cannot)."""

    def __init__(self, link):
        document = link.document
        self.document = document
        self.title = link.title or document.title
        self.url = document.url
        self.extension = document.file_extension.lower()
        self.type_label = self.extension.upper()
        self.content_type = mimetypes.guess_type(document.filename)[0] or ""
        self.previewable = self.content_type == "application/pdf"
        size = document.file_size
        if size is None:
            try:
                size = document.file.size
            except OSError:
                size = None
        self.size = size
        extracted = getattr(document, "extracted_text", None)
        self.not_searchable = getattr(extracted, "outcome", "") == ExtractionOutcome.NO_TEXT


class LegalDocumentAttachment(TranslatableMixin, Orderable):
    """A file of the document: the signed PDF, a DOCX, an XLSX annex…"""

    page = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(
        _("link text"), max_length=255, blank=True, help_text=_("Defaults to the file's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("attached file")
        verbose_name_plural = _("attached files")


class LegalDocumentRelation(TranslatableMixin, Orderable):
    """What this document does to another: replaces, amends, repeals, guides…"""

    source = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField(_("relation"), max_length=32, choices=RelationKind.choices)
    target = models.ForeignKey(
        LegalDocumentPage,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="relations_in",
    )

    panels = [FieldPanel("kind"), FieldPanel("target")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("relation")
        verbose_name_plural = _("relations")
        indexes = [models.Index(fields=["target", "kind"], name="legal_relation_target")]

    def clean(self):
        super().clean()
        if self.target_id and self.target_id == self.source_id:
            raise ValidationError({"target": _("A document cannot relate to itself.")})
