"""A Redis cache that keeps the site answering while Redis is unreachable.

Django's RedisCache raises on a lost connection, and Wagtail reads the cache on every page
(site root paths), so a Redis outage would turn every page into a 500. This backend logs the
error and behaves as a cache miss (reads) or a no-op (writes) instead. Code that needs Redis
itself (visits.stores uses the raw client) still sees the error and handles it.
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def tolerant(default):
    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except RedisError as error:
                logger.warning("Cache unavailable (%s): %s", method.__name__, error)
                return default(args, kwargs) if callable(default) else default

        return wrapper

    return decorator


class FaultTolerantRedisCache(RedisCache):
    add = tolerant(False)(RedisCache.add)
    get = tolerant(lambda args, kwargs: kwargs.get("default", args[1] if len(args) > 1 else None))(
        RedisCache.get
    )
    set = tolerant(None)(RedisCache.set)
    touch = tolerant(False)(RedisCache.touch)
    delete = tolerant(False)(RedisCache.delete)
    get_many = tolerant({})(RedisCache.get_many)
    has_key = tolerant(False)(RedisCache.has_key)
    set_many = tolerant(lambda args, kwargs: list(args[0] if args else kwargs["data"]))(
        RedisCache.set_many
    )
    delete_many = tolerant(None)(RedisCache.delete_many)
    clear = tolerant(False)(RedisCache.clear)
