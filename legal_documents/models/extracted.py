"""The text of an attached file, extracted when the file is uploaded (legal_documents.extraction)
so that searching the documents searches inside their files too."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExtractionOutcome(models.TextChoices):
    EXTRACTED = "extracted", _("Text extracted")
    NO_TEXT = "no_text", _("No text layer (a scanned document?)")
    UNSUPPORTED = "unsupported", _("File type without text extraction")
    REFUSED = "refused", _("Refused: the file is damaged, too large or unsafe to read")


class AttachmentText(models.Model):
    document = models.OneToOneField(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="extracted_text",
    )
    # The file the text was read from: a new file uploaded for the document is read again.
    file_name = models.CharField(max_length=255)
    outcome = models.CharField(max_length=16, choices=ExtractionOutcome.choices)
    text = models.TextField(blank=True)
    extracted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("attachment text")
        verbose_name_plural = _("attachment texts")

    def __str__(self):
        return f"{self.document_id}: {self.get_outcome_display()}"
