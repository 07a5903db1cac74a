from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home page and site settings")

    def ready(self):
        from core import purging

        from .models import PortalSettings

        purging.purge_on_save(PortalSettings)
