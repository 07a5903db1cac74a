"""HTTP caching headers: anonymous pages are cacheable by nginx or a CDN, nothing else is.

A response is public when it answers an anonymous GET or HEAD with 200, sets no cookie and
reads nothing personal. It then carries `Cache-Control: public, max-age=HTTP_CACHE_MAX_AGE,
s-maxage=HTTP_CACHE_S_MAXAGE`: browsers keep it briefly (a purge cannot reach them), shared
caches long (publishing purges them, see `home.purging`). URLs with a query string, which
purging cannot all name (`?page=7`, `?fields=*`), get `HTTP_CACHE_S_MAXAGE_QUERY`. API
answers keep the max-age their views set (API_CACHE_MAX_AGE) and get the same s-maxage.

Everything else is `private, no-store`: logged-in users (the admin, previews, the userbar),
responses that set a cookie (a form with a CSRF token, a session), and error answers.
Responses that chose their own `Cache-Control` keep it, apart from the s-maxage above.

`Vary` loses what the response does not depend on: `Cookie` on a response that became
public (it set no cookie and the request had no session), and `Accept-Language`, which
Django's LocaleMiddleware adds to every un-prefixed URL although, with
`prefix_default_language=False`, un-prefixed URLs are always in the default language.
"""

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_from_path

PUBLIC_STATUS_CODES = {200}
NEVER_CACHED = "private, no-store"


def remove_vary(response, *names):
    """Drop header names from `Vary` (case-insensitively), removing `Vary` if it empties."""
    if not response.has_header("Vary"):
        return
    dropped = {name.lower() for name in names}
    kept = [
        value.strip()
        for value in response["Vary"].split(",")
        if value.strip() and value.strip().lower() not in dropped
    ]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


def language_depends_on_header(request):
    """Whether LocaleMiddleware may have chosen the language from `Accept-Language`."""
    urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
    i18n_patterns_used, prefixed_default_language = is_language_prefix_patterns_used(urlconf)
    if get_language_from_path(request.path_info):
        return False
    return not i18n_patterns_used or prefixed_default_language


def is_logged_in(request):
    """Whether the request belongs to a signed-in user, without loading a session for others."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class CacheHeadersMiddleware:
    """Sets `Cache-Control` and trims `Vary` (see the module's docstring).

    Sits below ConditionalGetMiddleware (304 answers copy these headers) and above the
    session, locale, CSRF and authentication middleware (it sees what they added).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not language_depends_on_header(request):
            remove_vary(response, "Accept-Language")
        if self.is_public(request, response):
            self.make_public(request, response)
        elif is_logged_in(request) or response.status_code >= 400 or response.cookies:
            self.make_private(response)
        return response

    def is_public(self, request, response):
        return (
            request.method in ("GET", "HEAD")
            and response.status_code in PUBLIC_STATUS_CODES
            and not response.cookies
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
        )

    def make_public(self, request, response):
        # Purging names URLs without a query string; the others cannot all be named.
        s_maxage = (
            settings.HTTP_CACHE_S_MAXAGE_QUERY if request.GET else settings.HTTP_CACHE_S_MAXAGE
        )
        if response.has_header("Cache-Control"):
            # A view chose its own (the API: max-age=API_CACHE_MAX_AGE).
            if "s-maxage" not in response["Cache-Control"]:
                patch_cache_control(response, s_maxage=s_maxage)
        else:
            patch_cache_control(
                response, public=True, max_age=settings.HTTP_CACHE_MAX_AGE, s_maxage=s_maxage
            )
        remove_vary(response, "Cookie")

    def make_private(self, response):
        cache_control = response.get("Cache-Control", "")
        if "public" in cache_control or not cache_control:
            response["Cache-Control"] = NEVER_CACHED
