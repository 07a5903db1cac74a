"""The beacon: counts a page view after the (cacheable) page was served, and answers with
the current figures. `<noscript>` readers load the pixel instead."""

import base64
import logging

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from redis.exceptions import RedisError

from core.client_address import client_ip

from .counting import current_figures, fold_due, record_visit
from .limits import refusal
from .requests import page_from_token, should_count
from .tasks import fold_visits_task

logger = logging.getLogger(__name__)

PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


class Refused(Exception):
    """The client already added what it may (visits.limits): nothing is counted."""

    def __init__(self, retry_after):
        super().__init__(retry_after)
        self.retry_after = retry_after


def count(request, page_id):
    """Count the view when it is a reader's; return the figures."""
    if not should_count(request):
        return current_figures(page_id)
    ip, user_agent = client_ip(request), request.META.get("HTTP_USER_AGENT", "")
    if retry_after := refusal(ip, user_agent):
        raise Refused(retry_after)
    figures = record_visit(ip, user_agent, page_id)
    if fold_due():
        fold_visits_task.enqueue()
    return figures


@csrf_exempt
@never_cache
@require_POST
def beacon(request):
    """POST page=<token>: {"online", "today", "this_week", "total", "page_views"?}."""
    try:
        page_id = page_from_token(request.POST.get("page", ""))
    except ValueError:
        return JsonResponse({"message": _("page: unknown page")}, status=400)
    try:
        figures = count(request, page_id)
    except Refused as refused:
        message = _("Too many requests. Please try again in %(seconds)d seconds.") % {
            "seconds": refused.retry_after
        }
        response = JsonResponse({"message": message}, status=429)
        response["Retry-After"] = str(refused.retry_after)
        return response
    except RedisError:
        logger.warning("Visitor statistics: the cache is unavailable, nothing counted")
        return JsonResponse({"message": _("Visitor statistics are unavailable")}, status=503)
    return JsonResponse(figures.as_dict())


@never_cache
@require_GET
def pixel(request):
    """GET ?page=<token>: the same count for readers without JavaScript; a 1x1 GIF."""
    try:
        page_id = page_from_token(request.GET.get("page", ""))
    except ValueError:
        return HttpResponse(status=400)
    try:
        count(request, page_id)
    except Refused:
        pass  # the GIF all the same: nothing to show a reader without JavaScript
    except RedisError:
        logger.warning("Visitor statistics: the cache is unavailable, nothing counted")
    return HttpResponse(PIXEL, content_type="image/gif")
