import os

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.core.checks import Error, Tags, Warning, register


@register()
def check_cache_backend(app_configs, **kwargs):
    """Counting needs Redis, or the local-memory cache of a single development process."""
    backend = caches["default"]
    if isinstance(backend, RedisCache | LocMemCache):
        return []
    return [
        Warning(
            "Visitor statistics count in Redis or the local-memory cache only.",
            hint="Set REDIS_URL; other cache backends would lose counts between processes.",
            id="visits.W001",
        )
    ]


def several_workers():
    """Whether gunicorn runs more than one process: WEB_CONCURRENCY, else its default (see
    portal/gunicorn.conf.py), which is always more than one."""
    return os.environ.get("WEB_CONCURRENCY", "").strip() != "1"


@register(Tags.caches, deploy=True)
def check_shared_limits(app_configs, **kwargs):
    """Rate limits, sign-in throttling and visitor counts live in the default cache: with
    several worker processes it must be shared (Redis), or each process counts on its own
    (300 requests a window become 300 per process)."""
    if not isinstance(caches["default"], LocMemCache) or not several_workers():
        return []
    return [
        Error(
            "Several worker processes share no cache: rate limits, sign-in throttling and "
            "visitor counts would be per process.",
            hint="Set REDIS_URL, or WEB_CONCURRENCY=1 for a single process.",
            id="portal.E001",
        )
    ]
