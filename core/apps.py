from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The bottom layer: machinery every other app uses, importing none of them."""

    name = "core"
    verbose_name = _("Shared machinery")

    def ready(self):
        from . import cleaning, fragments, origin, purging
        from .changes import handlers as changes

        origin.validate()
        # The default Site follows the public origin after every migrate (core/origin.py).
        # Sent once, for Wagtail's own app (not for each app with models).
        post_migrate.connect(origin.sync_default_site, sender=apps.get_app_config("wagtailcore"))
        cleaning.connect()
        fragments.connect()
        purging.connect()
        changes.connect()
