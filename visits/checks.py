from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.core.checks import Warning, register


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
