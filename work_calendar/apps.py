from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkCalendarConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "work_calendar"
    verbose_name = _("Work calendar")
