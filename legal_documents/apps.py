from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalDocumentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "legal_documents"
    verbose_name = _("Legal documents")

    def ready(self):
        from . import purging

        purging.connect()
