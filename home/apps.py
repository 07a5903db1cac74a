from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home page and site settings")

    def ready(self):
        from core import purging

        from .models import PortalSettings, PublicServiceLink

        purging.purge_on_save(PortalSettings)
        # Publishing and unpublishing a link purge through the snippets' signals; a deleted
        # live link leaves every sidebar too.
        post_delete.connect(
            purging.object_saved, sender=PublicServiceLink, dispatch_uid="portal_purge_link_deleted"
        )
