"""The answer while the database is unreachable: a 503 page instead of a stack trace.

Django turns an exception raised anywhere below a middleware (a view, the session or
authentication middleware, a template) into the `handler500` response. This handler answers
a lost database (`OperationalError`, `InterfaceError`) with a static 503 page, Vietnamese or
English by the URL's language prefix, rendered without a request context (context
processors read site settings from the database) and never cached. Django closes a
connection that raised such an error at the end of the request, so the first request after
the database returns is served normally: no restart needed. Other transient database errors
(a lock or statement timeout) get the same answer: trying again later is the right advice.
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils import translation
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext as _
from django.views.defaults import server_error as default_server_error

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def database_unavailable(request):
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        if request.path_info.startswith("/api/"):
            response = JsonResponse(
                {"message": _("The service is temporarily unavailable. Please try again later.")},
                status=503,
            )
        else:
            content = loader.get_template("503.html").render({"language": language})
            response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """`handler500`: the 503 page for a lost database, Django's 500 page for anything else."""
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return database_unavailable(request)
    return default_server_error(request)
