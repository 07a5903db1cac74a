"""`{% headless_preview_url object %}`: where the preview panel's "Xem trước trên trang khác"
link goes, or "" (no front end configured, not a saved page)."""

from django import template
from django.urls import reverse

from core.headless.admin import front_end_base

register = template.Library()


@register.simple_tag
def headless_preview_url(obj):
    if front_end_base(obj) is None:
        return ""
    return reverse("headless_preview", args=[obj.pk])
