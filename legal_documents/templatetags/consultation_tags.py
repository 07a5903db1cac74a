"""`{% consultation_for page as consultation %}`: what a draft's page shows of its
consultation (models.consultation.Consultation, two queries whatever the number of
comments); `{{ value|consultation_time }}`: a moment in the portal's time zone."""

from django import template
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import get_language

from ..models.consultation import Consultation

register = template.Library()

# Vietnamese writes the hour first: "17:00 ngày 31/12/2026".
TIME_FORMATS = {"vi": "H:i \\n\\g\\à\\y d/m/Y", "en": "j F Y, H:i"}


@register.simple_tag(takes_context=True)
def consultation_for(context, page):
    return Consultation(page, request=context.get("request"))


@register.filter
def consultation_time(value):
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    language = (get_language() or "vi").split("-")[0]
    return format_date(value, TIME_FORMATS.get(language, TIME_FORMATS["vi"]))
