"""Work that one node at a time may do, however many run the portal: scheduled publishing
(`manage.py publish_scheduled` from every node's cron) and folding the visitor counts.

On PostgreSQL, a session advisory lock: the database frees it when its holder's connection
ends, so a node killed mid-way never leaves it taken. Elsewhere (SQLite: one machine), an entry
in Django's cache that expires after `seconds`.

Written here, not taken from a library: django-pglocks and its kind add a dependency for
the same two statements, without the cache fallback the embedded database needs.
"""

import hashlib
from contextlib import contextmanager

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections


def advisory_key(name):
    """PostgreSQL's advisory locks take a 64-bit integer: one derived from `name`."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


@contextmanager
def exclusive(name, seconds=600):
    """Yields whether this process holds the lock `name` (another holds it: False, at once)."""
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor != "postgresql":
        key = f"portal:lock:{name}"
        held = cache.add(key, 1, seconds)
        try:
            yield held
        finally:
            if held:
                cache.delete(key)
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [advisory_key(name)])
        held = cursor.fetchone()[0]
    try:
        yield held
    finally:
        if held:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [advisory_key(name)])
