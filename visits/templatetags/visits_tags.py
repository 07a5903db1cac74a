"""The visitor statistics box and an article's "Lượt xem".

{% load visits_tags %}
{% visitor_stats %}             the sidebar box; counts the view of the page being shown
{% visitor_stats count=False %} the box without counting (error pages)
{% page_views page %}           "Lượt xem: 1.234", kept current by visits/visits.js

The figures in the HTML are those of the moment it was rendered (a page may be served from a
cache for a while); the beacon that visits.js sends counts the view and brings them up to
date. Without JavaScript a `<noscript>` pixel counts the view.
"""

import logging

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from redis.exceptions import RedisError
from wagtail.models import Page

from ..counting import current_figures, page_view_counts
from ..requests import page_token

register = template.Library()
logger = logging.getLogger(__name__)


def figures_or_none(page_id=None):
    try:
        return current_figures(page_id)
    except RedisError:
        logger.warning("Visitor statistics: the cache is unavailable")
        return None


@register.filter
def figure(value):
    """A count grouped by thousands as the language writes it: 12.345 (vi), 12,345 (en)."""
    separator = "," if (get_language() or "vi").startswith("en") else "."
    return f"{value:,}".replace(",", separator)


@register.inclusion_tag("visits/visitor_stats.html", takes_context=True)
def visitor_stats(context, count=True):
    request = context.get("request")
    page = context.get("page")
    page = page if isinstance(page, Page) and page.pk else None
    counting = (
        count
        and settings.VISITS_ENABLED
        and request is not None
        and not getattr(request, "is_preview", False)
    )
    token = page_token(page.pk) if counting and page is not None else ""
    return {
        "figures": figures_or_none(),
        "counting": counting,
        "beacon_url": reverse("visits:beacon"),
        "pixel_url": reverse("visits:pixel"),
        "page_token": token,
    }


@register.inclusion_tag("visits/page_views.html")
def page_views(page):
    return {"views": page_view_counts([page.pk])[page.pk]}
