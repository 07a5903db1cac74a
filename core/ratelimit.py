"""Counting requests per client in the cache, and the anonymous API and feed rate limit.

Counts live in Django's cache (Redis in production), so every worker process sees the same
figures. A counter is a fixed window: its key names the window, and it expires with it. If
the cache is unreachable, nothing is counted and nothing is refused (the site fails open:
an outage of Redis must not lock readers or editors out). core.cache.FaultTolerantRedisCache
already turns errors of get, set and delete into misses; incr is handled here.
"""

import hashlib
import math
import re
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from redis.exceptions import RedisError

from .client_address import client_ip, client_network
from .middleware import is_logged_in


def client_address(request):
    """The client limits count, behind `VISITS_TRUSTED_PROXIES` proxies: its IPv4 address or
    IPv6 /64 network (see core.client_address)."""
    return client_network(client_ip(request)) or "unknown"


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
    """Failed attempts at a secret (sign-in, page password, password reset) per subject.

    A subject is one value (a client address, an e-mail address) or a pair of them (a user
    name from one address). After `limit` failures of a subject within
    LOGIN_THROTTLE_WINDOW seconds it is paused, before any secret is checked (a pause tells
    nothing about the secret tried). Each new pause of the same subject lasts twice the
    previous one, from LOGIN_THROTTLE_LOCKOUT up to LOGIN_THROTTLE_MAX_LOCKOUT; the count
    of pauses is forgotten a LOGIN_THROTTLE_MAX_LOCKOUT after the last one ends.

    Sign-in pauses a user name only from the address that failed (and an address that
    fails with many names), never the name everywhere: nobody can lock a real user out
    from elsewhere. `lift_pauses` ends the pauses of a user name or an address at once.
    """

    def __init__(self, scope, subjects):
        self.scope = scope
        self.subjects = subjects
        self.keys = None

    @classmethod
    def sign_in(cls, request, username):
        """Per (user name, address), and per address whatever the name."""
        address = client_address(request)
        subjects = [(("address", address),)]
        if username:
            subjects.insert(0, (("user", normalised(username)), ("address", address)))
        return cls("login", subjects)

    @classmethod
    def page_password(cls, request, restriction):
        """Per (restriction, address), and per address whatever the restriction."""
        address = client_address(request)
        restriction_id = f"{restriction._meta.label_lower}:{restriction.pk}"
        return cls(
            "page-password",
            [(("restriction", restriction_id), ("address", address)), (("address", address),)],
        )

    @classmethod
    def password_reset(cls, request, email):
        """Per e-mail address anywhere (it guards an inbox, not a secret), and per address."""
        subjects = [(("user", normalised(email)),)]
        if request is not None:
            subjects.append((("address", client_address(request)),))
        return cls("password-reset", subjects)

    def limit(self, subject):
        if len(subject) == 1 and subject[0][0] == "address":
            return settings.LOGIN_THROTTLE_ADDRESS_FAILURES
        return settings.LOGIN_THROTTLE_USER_FAILURES

    def subject_keys(self):
        """Cache keys of each subject, naming the current generation of its parts."""
        if self.keys is None:
            parts = {part for subject in self.subjects for part in subject}
            generations = cache.get_many([generation_key(*part) for part in parts])
            self.keys = {}
            for subject in self.subjects:
                names = [(*part, generations.get(generation_key(*part), "")) for part in subject]
                self.keys[subject] = {
                    what: cache_key(f"{self.scope}-{what}", *names)
                    for what in ("failures", "locked", "pauses")
                }
        return self.keys

    def locked_for(self):
        """Seconds until an attempt is allowed again; 0 when it is allowed now."""
        if not settings.LOGIN_THROTTLE_ENABLED:
            return 0
        keys = self.subject_keys()
        until = cache.get_many([keys[subject]["locked"] for subject in self.subjects])
        return max(0, math.ceil(max(until.values(), default=0) - time.time()))

    def record_failure(self):
        if not settings.LOGIN_THROTTLE_ENABLED:
            return
        keys = self.subject_keys()
        for subject in self.subjects:
            key = keys[subject]
            if increment(key["failures"], settings.LOGIN_THROTTLE_WINDOW) >= self.limit(subject):
                self.pause(key)

    def pause(self, key):
        longest = settings.LOGIN_THROTTLE_MAX_LOCKOUT
        pauses = (cache.get(key["pauses"]) or 0) + 1
        lockout = min(settings.LOGIN_THROTTLE_LOCKOUT * 2 ** min(pauses - 1, 30), longest)
        cache.set(key["locked"], time.time() + lockout, timeout=lockout)
        cache.set(key["pauses"], pauses, timeout=lockout + longest)
        cache.delete(key["failures"])

    def record_success(self):
        """The secret was right: that user name (from that address) starts again from zero.

        The address's own count stays: knowing one password does not clear guessing others.
        """
        keys = self.subject_keys()
        cache.delete_many(
            [
                keys[subject][what]
                for subject in self.subjects
                if subject[0][0] != "address"
                for what in ("failures", "pauses")
            ]
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


def normalised(username):
    return username.strip().casefold()


def generation_key(kind, value):
    return cache_key("login-generation", kind, value)


def lift_pauses(username="", address=""):
    """End every pause and failure count of a user name and of an address (all scopes).

    Each key names the generation of its user name and address: a new generation leaves
    the old counters unreachable, to expire on their own (no scan of the cache).
    """
    parts = [("user", normalised(username))] if username else []
    if address:
        parts.append(("address", client_network(address.strip())))
    cache.set_many({generation_key(*part): uuid.uuid4().hex for part in parts}, timeout=None)
