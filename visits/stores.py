"""Where the visitor counts live between folds: Redis, or the local-memory cache.

Per local day the cache keeps (Redis: one MULTI round trip per beacon):

- `visitors`: a set of the day's hashes (exact counts; about 100 bytes per visitor),
- `views`: a counter of page views,
- `online`: a sorted set hash -> last seen (Unix time), trimmed to the last 5 minutes,
- `generation`: a random id, new whenever the day's keys are (re)created, so that the fold
  notices when Redis lost them and carries what it had folded before.

Views of each page are added to one hash (`pages`); the fold moves them into `PageViews`.
The keys live three days after their last write: a fold that does not run for longer loses
those days' counts (see docs/visits.md).
"""

import dataclasses
import threading
import uuid

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

from core.internals import redis_client

ONLINE_SECONDS = 5 * 60
DAY_KEYS_TTL = 3 * 24 * 3600


@dataclasses.dataclass
class DayState:
    """What the cache holds of one day."""

    generation: str | None = None
    visitors: int = 0
    views: int = 0


@dataclasses.dataclass
class LiveState:
    """The cache's part of the figures at one moment."""

    today: DayState
    online: int = 0
    page_pending: int = 0


class RedisStore:
    """Sets, sorted sets and counters in Redis, through the raw client of Django's cache."""

    def __init__(self, backend):
        self.backend = backend

    def client(self):
        return redis_client(self.backend)

    def key(self, name):
        return self.backend.make_key(f"visits:{name}")

    def day_keys(self, day):
        prefix = f"day:{day.isoformat()}"
        return {
            name: self.key(f"{prefix}:{name}")
            for name in ("generation", "visitors", "views", "online")
        }

    def record(self, day, visitor, now_ts, page_id):
        keys = self.day_keys(day)
        pages = self.key("pages")
        pipe = self.client().pipeline(transaction=True)
        pipe.set(keys["generation"], uuid.uuid4().hex, nx=True, ex=DAY_KEYS_TTL)
        pipe.sadd(keys["visitors"], visitor)
        pipe.incr(keys["views"])
        pipe.zadd(keys["online"], {visitor: now_ts})
        pipe.zremrangebyscore(keys["online"], "-inf", now_ts - ONLINE_SECONDS)
        for key in keys.values():
            pipe.expire(key, DAY_KEYS_TTL)
        pipe.get(keys["generation"])
        pipe.scard(keys["visitors"])
        pipe.zcard(keys["online"])
        if page_id is not None:
            pipe.hincrby(pages, page_id, 1)
        results = pipe.execute()
        tail = results[-4:] if page_id is not None else [*results[-3:], 0]
        generation, visitors, online, pending = tail
        return LiveState(
            today=DayState(generation.decode(), visitors, results[2]),
            online=online,
            page_pending=int(pending),
        )

    def read(self, day, now_ts, page_id):
        keys = self.day_keys(day)
        pipe = self.client().pipeline(transaction=True)
        pipe.get(keys["generation"])
        pipe.scard(keys["visitors"])
        pipe.get(keys["views"])
        pipe.zcount(keys["online"], now_ts - ONLINE_SECONDS, "+inf")
        if page_id is not None:
            pipe.hget(self.key("pages"), page_id)
        generation, visitors, views, online, *pending = pipe.execute()
        pending = pending[0] if pending else 0
        return LiveState(
            today=DayState(generation.decode() if generation else None, visitors, int(views or 0)),
            online=online,
            page_pending=int(pending or 0),
        )

    def day_state(self, day):
        return self.read(day, 0, None).today

    def pending_page_views(self):
        return {int(k): int(v) for k, v in self.client().hgetall(self.key("pages")).items()}

    def pending_for(self, page_ids):
        if not page_ids:
            return {}
        values = self.client().hmget(self.key("pages"), list(page_ids))
        return {pk: int(value) for pk, value in zip(page_ids, values, strict=True) if value}

    def subtract_page_views(self, folded):
        pipe = self.client().pipeline(transaction=True)
        for page_id, views in folded.items():
            pipe.hincrby(self.key("pages"), page_id, -views)
        pipe.execute()
        # Drop the pages nothing was added to since (a concurrent view keeps its field).
        script = (
            "for i, f in ipairs(ARGV) do if redis.call('HGET', KEYS[1], f) == '0' then "
            "redis.call('HDEL', KEYS[1], f) end end"
        )
        self.client().eval(script, 1, self.key("pages"), *folded)


class LocalMemoryStore:
    """The same structures as Python objects in the local-memory cache (development, tests).

    The local-memory cache lives in one process, so a process-wide lock makes each operation
    atomic, as MULTI does in Redis.
    """

    lock = threading.Lock()

    def __init__(self, backend):
        self.backend = backend

    def day_key(self, day):
        return f"visits:day:{day.isoformat()}"

    def record(self, day, visitor, now_ts, page_id):
        with self.lock:
            data = self.backend.get(self.day_key(day)) or {
                "generation": uuid.uuid4().hex,
                "visitors": set(),
                "views": 0,
                "online": {},
            }
            data["visitors"].add(visitor)
            data["views"] += 1
            data["online"][visitor] = now_ts
            data["online"] = {
                h: seen for h, seen in data["online"].items() if seen > now_ts - ONLINE_SECONDS
            }
            self.backend.set(self.day_key(day), data, DAY_KEYS_TTL)
            pending = 0
            if page_id is not None:
                pages = self.backend.get("visits:pages") or {}
                pages[page_id] = pending = pages.get(page_id, 0) + 1
                self.backend.set("visits:pages", pages, None)
        return LiveState(
            today=DayState(data["generation"], len(data["visitors"]), data["views"]),
            online=len(data["online"]),
            page_pending=pending,
        )

    def read(self, day, now_ts, page_id):
        data = self.backend.get(self.day_key(day))
        pending = (self.backend.get("visits:pages") or {}).get(page_id, 0)
        if data is None:
            return LiveState(today=DayState(), page_pending=pending)
        online = sum(1 for seen in data["online"].values() if seen >= now_ts - ONLINE_SECONDS)
        return LiveState(
            today=DayState(data["generation"], len(data["visitors"]), data["views"]),
            online=online,
            page_pending=pending,
        )

    def day_state(self, day):
        return self.read(day, 0, None).today

    def pending_page_views(self):
        return dict(self.backend.get("visits:pages") or {})

    def pending_for(self, page_ids):
        pages = self.backend.get("visits:pages") or {}
        return {pk: pages[pk] for pk in page_ids if pk in pages}

    def subtract_page_views(self, folded):
        with self.lock:
            pages = self.backend.get("visits:pages") or {}
            for page_id, views in folded.items():
                left = pages.get(page_id, 0) - views
                if left:
                    pages[page_id] = left
                else:
                    pages.pop(page_id, None)
            self.backend.set("visits:pages", pages, None)


def get_store():
    """Redis when the default cache is Redis, else the local-memory store."""
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        return RedisStore(backend)
    return LocalMemoryStore(backend)
