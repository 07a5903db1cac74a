"""HTTP caching headers: anonymous pages are cacheable by nginx or a CDN, nothing else is.

A response is public when it answers an anonymous GET or HEAD with 200, sets no cookie and
reads nothing personal. It then carries `Cache-Control: public, max-age=HTTP_CACHE_MAX_AGE,
s-maxage=HTTP_CACHE_S_MAXAGE`: browsers keep it briefly (a purge cannot reach them), shared
caches long (publishing purges them, see `core.purging`). URLs with a query string, which
purging cannot all name (`?page=7`, `?fields=*`), get `HTTP_CACHE_S_MAXAGE_QUERY`. API
answers keep the max-age their views set (API_CACHE_MAX_AGE) and get the same s-maxage.
A page that changes by itself before then (a banner's scheduled end, the date line at
midnight: `core.fragments.note_change`) is kept no longer, since no publish purges it.

Everything else is `private, no-store`: logged-in users (the admin, previews, the userbar),
readers holding a real session (a page password passed), responses that set a cookie (a
form with a CSRF token, a session), error answers, and whatever a view restriction guards
(pages, their password form and login redirect, documents of private collections: see
`never_cache`), whoever asks. Responses that chose their own `Cache-Control` keep it,
apart from the s-maxage above.

A made-up session cookie (`sessionid=x`) changes nothing: the session it names is empty, so
the answer is public as for anyone, and Django's deletion of that cookie is left out (a
shared cache does not store an answer that sets a cookie). nginx tells editors from readers
by a separate cookie, `portal_editor`, set here when a user signs in and removed when they
sign out: a token signed with `CACHE_BYPASS_SECRET` that nginx checks (`secure_link`), so
that no made-up cookie makes it bypass its cache (deploy/README.md).

`Vary` loses what the response does not depend on: `Cookie` on a response that became
public (it set no cookie and the request had no session), and `Accept-Language`, which
Django's LocaleMiddleware adds to every un-prefixed URL although, with
`prefix_default_language=False`, un-prefixed URLs are always in the default language.
"""

import base64
import hashlib
import time

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.contrib.sessions.middleware import SessionMiddleware
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_from_path

from . import fragments, replicas

PUBLIC_STATUS_CODES = {200}
NEVER_CACHED = "private, no-store"
EDITOR_COOKIE = "portal_editor"


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


def never_cache(request):
    """Mark the request's answer as never cacheable, whatever else it looks like."""
    request.portal_never_cache = True


def session_in_use(request):
    """Whether the request names a session that holds something (a signed-in user, a page
    password passed): a made-up or expired session cookie does not."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    session = getattr(request, "session", None)
    if session is None:
        return True
    session.keys()  # loads it: an unknown key leaves it empty
    return not session.is_empty()


def editor_token(now=None):
    """The `portal_editor` cookie's value: nginx's `secure_link` md5 of "<expiry> <secret>"
    (base64url, unpadded), a dot, the expiry (Unix time). MD5 is what nginx checks."""
    expires = int(now if now is not None else time.time()) + settings.SESSION_COOKIE_AGE
    signed = f"{expires} {settings.CACHE_BYPASS_SECRET}".encode()
    digest = hashlib.md5(signed, usedforsecurity=False).digest()
    return f"{base64.urlsafe_b64encode(digest).rstrip(b'=').decode()}.{expires}"


class PortalSessionMiddleware(SessionMiddleware):
    """Django's, but a session cookie naming no session is deleted, not saved afresh: with
    SESSION_SAVE_EVERY_REQUEST, a made-up `sessionid` of 32 characters otherwise created a
    new, empty session (a database write) on every request."""

    def process_response(self, request, response):
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            request.session.keys()  # an unknown key is dropped: the session is empty
        return super().process_response(request, response)


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
        self.mark_editor(request, response)
        if getattr(request, "portal_never_cache", False):
            response["Cache-Control"] = NEVER_CACHED
            return response
        self.forget_dead_session_cookie(request, response)
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
            and not session_in_use(request)
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
        )

    def forget_dead_session_cookie(self, request, response):
        """Leave out the deletion of a session cookie that named no session: it would make
        the answer uncacheable for whoever sends a made-up cookie."""
        name = settings.SESSION_COOKIE_NAME
        cookie = response.cookies.get(name)
        if request.method not in ("GET", "HEAD") or cookie is None or cookie.value:
            return
        if not session_in_use(request):
            del response.cookies[name]

    def mark_editor(self, request, response):
        """Set `portal_editor` for a signed-in user (nginx then bypasses its cache), remove
        it when they sign out (a POST); a GET with a stale or made-up one stays cacheable."""
        name = settings.SESSION_COOKIE_NAME
        if name not in request.COOKIES and name not in response.cookies:
            signed_in = False
        else:
            user = getattr(request, "user", None)
            # Only admin users bypass nginx's cache: a reader signed in for a login-restricted
            # page gets private answers from Django anyway.
            signed_in = bool(
                user is not None
                and user.is_authenticated
                and user.has_perm("wagtailadmin.access_admin")
            )
        if signed_in and settings.CACHE_BYPASS_SECRET and EDITOR_COOKIE not in request.COOKIES:
            response.set_cookie(
                EDITOR_COOKIE,
                editor_token(),
                max_age=settings.SESSION_COOKIE_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        elif (
            not signed_in
            and EDITOR_COOKIE in request.COOKIES
            and request.method not in ("GET", "HEAD")
        ):
            response.delete_cookie(EDITOR_COOKIE, samesite="Lax")

    def make_public(self, request, response):
        # Purging names URLs without a query string; the others cannot all be named.
        s_maxage = (
            settings.HTTP_CACHE_S_MAXAGE_QUERY if request.GET else settings.HTTP_CACHE_S_MAXAGE
        )
        max_age = settings.HTTP_CACHE_MAX_AGE
        # What the page shows changes by itself then (a banner's end, tomorrow's date): no
        # cache may keep it longer, since no publish will purge it.
        change = fragments.next_change(request)
        if change is not None:
            left = max(0, int((change - timezone.now()).total_seconds()))
            s_maxage, max_age = min(s_maxage, left), min(max_age, left)
        if response.has_header("Cache-Control"):
            # A view chose its own (the API: max-age=API_CACHE_MAX_AGE).
            if "s-maxage" not in response["Cache-Control"]:
                patch_cache_control(response, s_maxage=s_maxage)
        else:
            patch_cache_control(response, public=True, max_age=max_age, s_maxage=s_maxage)
        remove_vary(response, "Cookie")

    def make_private(self, response):
        cache_control = response.get("Cache-Control", "")
        if "public" in cache_control or not cache_control:
            response["Cache-Control"] = NEVER_CACHED


class ReplicaReadsMiddleware:
    """Sends the reads of a read-only request that is not a signed-in user's to a replica
    (`core.replicas`), serves it again from the primary when that replica failed under it,
    and pins a client that sent a write to the primary for REPLICA_PIN_SECONDS."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.DATABASE_REPLICAS:
            return self.get_response(request)
        if not replicas.reads_from_replica(request):
            response = self.get_response(request)
            if request.method not in replicas.SAFE_METHODS:
                response.set_cookie(
                    replicas.PIN_COOKIE,
                    "1",
                    max_age=settings.REPLICA_PIN_SECONDS,
                    secure=settings.SESSION_COOKIE_SECURE,
                    httponly=True,
                    samesite="Lax",
                )
            return response
        reader = replicas.Reader(
            lambda: replicas.position_of(fragments.current_version(request)),
            lambda: is_logged_in(request),
        )
        context_token = replicas.reading(reader)
        try:
            response = self.get_response(request)
        finally:
            replicas.stop_reading(context_token)
        if (
            response.status_code >= 500
            and reader.alias not in (None, replicas.DEFAULT_DB_ALIAS)
            and not replicas.check(reader.alias).up
        ):
            return self.get_response(request)
        return response
