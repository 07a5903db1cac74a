"""Counting requests per client in the cache, and the anonymous API and feed rate limit.

Counts live in Django's cache (Redis in production), so every worker process sees the same
figures. A counter is a fixed window: its key names the window, and it expires with it. If
the cache is unreachable, nothing is counted and nothing is refused (the site fails open:
an outage of Redis must not lock readers or editors out). portal.cache.FaultTolerantRedisCache
already turns errors of get, set and delete into misses; incr is handled here.
"""

import hashlib
import math
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from redis.exceptions import RedisError

from visits.requests import client_ip

from .middleware import is_logged_in


def client_address(request):
    """The client's address, behind `VISITS_TRUSTED_PROXIES` proxies (see visits.requests)."""
    return client_ip(request) or "unknown"


def cache_key(*parts):
    """A short cache key for arbitrary text (user names, IPv6 addresses, paths)."""
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()
    return f"ratelimit:{parts[0]}:{digest[:40]}"


def increment(key, timeout):
    """Add one to the counter `key`, created with `timeout` seconds to live; its new value.

    0 when the cache cannot count (Redis down): callers then let the request through.
    """
    try:
        cache.add(key, 0, timeout=timeout)
        return cache.incr(key)
    except ValueError:
        # The counter expired between add() and incr(): it starts again.
        cache.set(key, 1, timeout=timeout)
        return 1
    except RedisError:
        return 0


class WindowCounter:
    """Requests of one client in fixed windows of `window` seconds."""

    def __init__(self, scope, client, window):
        self.window = window
        now = time.time()
        self.window_index = int(now // window)
        self.retry_after = max(1, math.ceil((self.window_index + 1) * window - now))
        self.key = cache_key(scope, client, self.window_index)

    def hit(self):
        return increment(self.key, self.window + 1)


RATE_LIMITED_PATHS = re.compile(r"^/(?!admin/)(api/.*|(.*/)?(rss|atom)/)$")


class RateLimitMiddleware:
    """Anonymous clients get at most RATE_LIMIT_REQUESTS answers from the API and the feeds
    per RATE_LIMIT_WINDOW seconds, then 429 with `Retry-After` until the window ends.

    Signed-in users (editors checking a feed or the API) are never limited; HTML pages are
    left to nginx (deploy/nginx/portal.conf). Sits below AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.RATE_LIMIT_ENABLED
            and RATE_LIMITED_PATHS.match(request.path_info)
            and not is_logged_in(request)
        ):
            counter = WindowCounter(
                "api", client_address(request), max(1, settings.RATE_LIMIT_WINDOW)
            )
            if counter.hit() > settings.RATE_LIMIT_REQUESTS:
                return too_many_requests(request, counter.retry_after)
        return self.get_response(request)


def too_many_requests(request, retry_after):
    message = _("Too many requests. Please try again in %(seconds)d seconds.") % {
        "seconds": retry_after
    }
    if request.path_info.startswith("/api/"):
        response = JsonResponse({"message": message}, status=429)
    else:
        response = HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(retry_after)
    # Never kept by nginx, a CDN or the browser: the next client must reach the portal.
    response["Cache-Control"] = "no-store"
    return response


class LoginThrottle:
    """Failed sign-ins per user name and per client address (admin login, password reset).

    After LOGIN_THROTTLE_USER_FAILURES failures for one user name, or
    LOGIN_THROTTLE_ADDRESS_FAILURES from one address, within LOGIN_THROTTLE_WINDOW seconds,
    that name or address is refused for LOGIN_THROTTLE_LOCKOUT seconds, before any password
    is checked (a locked account tells nothing about the password tried).
    """

    def __init__(self, scope, request, username):
        self.scope = scope
        self.subjects = []
        if username:
            self.subjects.append(("user", username.strip().casefold()))
        if request is not None:
            self.subjects.append(("address", client_address(request)))

    def limit(self, kind):
        if kind == "user":
            return settings.LOGIN_THROTTLE_USER_FAILURES
        return settings.LOGIN_THROTTLE_ADDRESS_FAILURES

    def failures_key(self, kind, value):
        return cache_key(f"{self.scope}-failures", kind, value)

    def lock_key(self, kind, value):
        return cache_key(f"{self.scope}-locked", kind, value)

    def locked_for(self):
        """Seconds until the sign-in is allowed again; 0 when it is allowed now."""
        if not settings.LOGIN_THROTTLE_ENABLED:
            return 0
        now = time.time()
        until = max((cache.get(self.lock_key(*subject), 0) for subject in self.subjects), default=0)
        return max(0, math.ceil(until - now))

    def record_failure(self):
        if not settings.LOGIN_THROTTLE_ENABLED:
            return
        lockout = settings.LOGIN_THROTTLE_LOCKOUT
        for kind, value in self.subjects:
            failures = increment(self.failures_key(kind, value), settings.LOGIN_THROTTLE_WINDOW)
            if failures >= self.limit(kind):
                cache.set(self.lock_key(kind, value), time.time() + lockout, timeout=lockout)
                cache.delete(self.failures_key(kind, value))

    def record_success(self):
        """A successful sign-in clears the user name's failures (not the address's)."""
        cache.delete_many(
            [self.failures_key(kind, value) for kind, value in self.subjects if kind == "user"]
        )

    def message(self, seconds):
        minutes = max(1, math.ceil(seconds / 60))
        return ngettext(
            "Too many failed attempts. For your security, signing in is paused: please try "
            "again in %(minutes)d minute.",
            "Too many failed attempts. For your security, signing in is paused: please try "
            "again in %(minutes)d minutes.",
            minutes,
        ) % {"minutes": minutes}
