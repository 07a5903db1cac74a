"""`{{ value|html_datetime }}`: a date or an aware date and time as HTML's `datetime`
attribute accepts it: whole seconds and the portal's offset ("2024-01-26T08:00:00+07:00").

Django's `|date:"c"` writes microseconds, which HTML does not allow (at most three digits).
Loaded as `{% load html_dates %}` (a template tag library of the installed `core` app):
templates of every app use it.
"""

import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def html_datetime(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value, timezone.get_default_timezone())
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""
