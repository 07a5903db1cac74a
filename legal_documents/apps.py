from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalDocumentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "legal_documents"
    verbose_name = _("Legal documents")

    def ready(self):
        from . import extraction, purging

        # The text of a document's new file is read for search (legal_documents.extraction).
        extraction.connect()
        # Deleted relations purge the documents they pointed to (legal_documents.purging).
        purging.connect()
