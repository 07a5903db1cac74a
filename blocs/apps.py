from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlocsConfig(AppConfig):
    name = "blocs"
    verbose_name = _("Emulation blocs")

    def ready(self):
        from . import purging

        # The news naming an agency purge its profile (blocs.purging).
        purging.connect()
