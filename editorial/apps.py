from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class EditorialConfig(AppConfig):
    # Two configs live here (UsersConfig below): Django takes this one for "editorial".
    default = True
    name = "editorial"
    verbose_name = _("Editorial roles and moderation")

    def ready(self):
        from . import admin_language
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        admin_language.connect()


class UsersConfig(WagtailUsersAppConfig):
    """wagtail.users with the portal's user screens (editorial.users)."""

    user_viewset = "editorial.users.UserViewSet"
