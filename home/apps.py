from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home page and site settings")

    def ready(self):
        from portal import fragments, origin

        from . import admin_language, purging

        origin.validate()
        # The default Site follows the public origin after every migrate (portal/origin.py).
        post_migrate.connect(origin.sync_default_site, sender=self)
        admin_language.connect()
        purging.connect()
        fragments.connect()
