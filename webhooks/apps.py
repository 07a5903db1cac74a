from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "webhooks"
    verbose_name = _("Webhooks")

    def ready(self):
        from core.changes.signals import content_changed

        from .outbox import record

        content_changed.connect(record, dispatch_uid="webhooks.outbox.record")
