"""`manage.py extract_attachment_text`: read the documents whose current file is not read yet
(uploaded before extraction existed, or restored from a backup), or all with --all."""

from django.core.management.base import BaseCommand
from django.db.models import F
from wagtail.documents import get_document_model

from legal_documents.extraction import extract_attachment_text
from legal_documents.models import AttachmentText


class Command(BaseCommand):
    help = "Read the text of documents' files for search (PDF, DOCX, XLSX)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Read every document again.")

    def handle(self, *args, **options):
        documents = get_document_model().objects.order_by("pk")
        if not options["all"]:
            read = AttachmentText.objects.filter(file_name=F("document__file"))
            documents = documents.exclude(pk__in=read.values("document_id"))
        counts = {}
        for document in documents.iterator():
            outcome = extract_attachment_text(document).outcome
            counts[outcome] = counts.get(outcome, 0) + 1
        summary = ", ".join(f"{outcome}: {count}" for outcome, count in sorted(counts.items()))
        self.stdout.write(self.style.SUCCESS(f"Documents read: {summary or 'none'}"))
