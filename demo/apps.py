from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo content, its English version, the load generator and the benchmark commands.

    Installed in development and tests; production installs it only with DEMO_APP_ENABLED
    (the benchmark and the soak test load their content on the production stack)."""

    name = "demo"
    verbose_name = _("Demo content")
