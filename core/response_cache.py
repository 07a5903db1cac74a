"""Whole answers for anonymous readers, kept in Django's cache between requests.

nginx caches public answers, but much traffic reaches Django anyway: nginx bypassed or
absent (a CDN in front, several nodes each with its own cache), URLs it cannot purge and
keeps briefly (`?page=7`, `?fields=*`), and the first readers after a purge. Here the answer
CacheHeadersMiddleware made public is kept whole, under the fragments' version token
(`core.fragments`): whatever changes what any page shows (a publish, an unpublish, a privacy
change, a snippet or a setting saved) replaces the token, so no answer outlives the change
that made it stale. It is kept no longer than a shared cache may keep it (`s-maxage`), and at
most RESPONSE_CACHE_SECONDS (0 turns this cache off).

Only a GET without a session cookie can be answered from here: a signed-in editor, a reader
who passed a page password and any form with a CSRF token always reach the view. What is
kept: the status, headers and body as they leave CacheHeadersMiddleware, and the
Content-Security-Policy sources the page added while rendering (`core.security`). The key
holds the scheme, host, full path and `Accept` (the API's browsable HTML is another answer
than its JSON); an answer that varies on anything else is not kept.

The first requests after a change coalesce: the first one renders while the others wait
for its answer, up to RESPONSE_CACHE_WAIT_SECONDS, rather than rendering the same page fifty
times. They never get a stale answer instead: after an unpublish or a privacy change, the
stale one must not be shown.

Django's own cache middleware is not used: it keys answers by the headers they vary on,
learnt per URL, with no version to invalidate every page at once, and it does not coalesce.
"""

import hashlib
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse

from . import security
from .fragments import current_version

KEY_PREFIX = "portal:response:"
# Headers an answer may vary on and still be kept: the key holds `Accept`; `Cookie` only
# reaches the cache on answers made for requests without a session.
KEYED_VARY = {"accept", "cookie"}
S_MAXAGE = re.compile(r"\bs-maxage=(\d+)")
POLL_SECONDS = 0.02


def response_key(request):
    """The cache key of this request's answer, or None when it cannot be answered from
    the cache (see the module's docstring)."""
    if (
        not settings.RESPONSE_CACHE_SECONDS
        or request.method != "GET"
        or settings.SESSION_COOKIE_NAME in request.COOKIES
    ):
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    address = "\n".join(
        (request.scheme, host, request.get_full_path(), request.META.get("HTTP_ACCEPT", ""))
    )
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"{KEY_PREFIX}{current_version(request)}:{digest}"


def lifetime(response):
    """How long `response` may be kept: 0 unless it is a public 200 with nothing personal."""
    cache_control = response.get("Cache-Control", "")
    vary = {name.strip().lower() for name in response.get("Vary", "").split(",") if name.strip()}
    if (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or "public" not in cache_control
        or "private" in cache_control
        or "no-store" in cache_control
        or vary - KEYED_VARY
    ):
        return 0
    match = S_MAXAGE.search(cache_control)
    if match is None:
        return 0
    return min(int(match.group(1)), settings.RESPONSE_CACHE_SECONDS)


def frozen(request, response, seconds):
    return {
        "status": response.status_code,
        "headers": list(response.headers.items()),
        "content": response.content,
        "csp_sources": security.added_sources(request),
        "expires": time.time() + seconds,
    }


def fresh(entry):
    """`entry` while it may still be served, else None. Its expiry is checked here, by this
    process's clock, not left to the cache's (Redis expires keys by its own)."""
    if entry is None or time.time() >= entry["expires"]:
        return None
    return entry


def thawed(request, entry):
    """The kept answer, its lifetimes counted down: a cache in front keeps it no longer than
    its first render allowed (a banner's end, midnight)."""
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    left = max(0, int(entry["expires"] - time.time()))
    response["Cache-Control"] = re.sub(
        r"\b(s-maxage|max-age)=(\d+)",
        lambda match: f"{match.group(1)}={min(int(match.group(2)), left)}",
        response["Cache-Control"],
    )
    security.restore_added_sources(request, entry["csp_sources"])
    return response


class ResponseCacheMiddleware:
    """Answers from Django's cache (see the module's docstring).

    Sits just below WhiteNoise and above MarkupCleaningMiddleware and
    CacheHeadersMiddleware: it keeps answers as they decided them, and a hit skips them,
    the session, locale, CSRF and authentication middleware, the anonymous rate limit (a
    kept answer costs the origin no more than nginx's would) and the view.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = response_key(request)
        if key is None:
            return self.get_response(request)
        entry = fresh(cache.get(key))
        rendering = False
        if entry is None:
            rendering = cache.add(f"{key}:rendering", 1, self.wait_seconds())
            if not rendering:
                entry = self.wait_for(key)
        if entry is not None:
            return thawed(request, entry)
        try:
            response = self.get_response(request)
            seconds = lifetime(response)
            if seconds:
                cache.set(key, frozen(request, response, seconds), seconds)
            elif rendering:
                # The requests waiting for this answer render for themselves at once.
                cache.set(f"{key}:not-kept", 1, self.wait_seconds())
        finally:
            if rendering:
                cache.delete(f"{key}:rendering")
        return response

    @staticmethod
    def wait_seconds():
        return max(1, round(settings.RESPONSE_CACHE_WAIT_SECONDS))

    def wait_for(self, key):
        """The answer another request is rendering, or None if it is not kept in time."""
        deadline = time.monotonic() + settings.RESPONSE_CACHE_WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
            entries = cache.get_many([key, f"{key}:not-kept", f"{key}:rendering"])
            if fresh(entries.get(key)) is not None:
                return entries[key]
            if f"{key}:not-kept" in entries or f"{key}:rendering" not in entries:
                return None
        return None
