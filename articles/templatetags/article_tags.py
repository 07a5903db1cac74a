from django import template
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import get_language

register = template.Library()

# Vietnamese portals write dates day first with slashes: "26/01/2024 08:30".
DATE_FORMATS = {"vi": "d/m/Y H:i", "en": "j F Y, H:i"}


@register.filter
def article_date(value):
    """A publication date in the portal's time zone (TIME_ZONE), in the active language's style."""
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    language = (get_language() or "vi").split("-")[0]
    return format_date(value, DATE_FORMATS.get(language, DATE_FORMATS["vi"]))
