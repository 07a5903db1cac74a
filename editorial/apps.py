from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial roles and moderation")

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
