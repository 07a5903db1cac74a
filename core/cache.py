"""A Redis cache that keeps the site answering while Redis is unreachable.

Django's RedisCache raises on a lost connection, and Wagtail reads the cache on every page
(site root paths), so a Redis outage would turn every page into a 500. This backend logs the
error and behaves as a cache miss (reads) or a no-op (writes) instead. Code that needs Redis
itself (visits.stores uses the raw client) still sees the error and handles it.

It also keeps one redis-py client per connection pool: Django's client makes a new one for
every cache call, and redis-py builds each one's table of about 170 response callbacks,
about 7 ms of an uncached article's 133 ms under cProfile (47 cache calls;
`bench/request_cpu.py --cold --profile`). A client is safe to share between threads; its
pool, which holds the connections, is Django's and checks the process id after a fork.
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
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


class SharedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis client, with one redis-py client per connection pool, made once."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(write))
            self._clients[index] = client
        return client


class FaultTolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient

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
