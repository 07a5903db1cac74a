"""The Redis cache backend: one redis-py client per connection pool (core.cache)."""

from unittest import mock

import redis

from core.cache import FaultTolerantRedisCache


def cache_at(*locations):
    return FaultTolerantRedisCache(
        list(locations), {"OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}}
    )


def test_cache_calls_share_one_client_per_pool():
    client = cache_at("redis://127.0.0.1:1/0")._cache
    with mock.patch.object(redis, "Redis", wraps=redis.Redis) as made:
        client._client = made
        first = client.get_client(write=True)
        assert all(client.get_client() is first for _ in range(5))
    assert made.call_count == 1


def test_reads_and_writes_keep_their_own_servers_clients():
    client = cache_at("redis://127.0.0.1:1/0", "redis://127.0.0.1:2/0")._cache
    writer = client.get_client(write=True)
    assert writer.connection_pool.connection_kwargs["port"] == 1
    reader = client.get_client()
    assert reader.connection_pool.connection_kwargs["port"] == 2
    assert client.get_client(write=True) is writer


def test_an_unreachable_server_is_still_a_miss():
    cache = cache_at("redis://127.0.0.1:1/0")
    assert cache.get("anything", "fallback") == "fallback"
    assert cache.get("anything", "fallback") == "fallback"
