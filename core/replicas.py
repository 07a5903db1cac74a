"""Anonymous readers read from PostgreSQL replicas (DATABASE_REPLICA_URL); everything else
from the primary.

Who reads where (`core.middleware.ReplicaReadsMiddleware`, `ReplicaRouter`):

- a GET or HEAD by anyone not signed in (pages, the API, feeds, search, the sitemap) reads
  from a replica, when one is usable;
- the primary serves every other request: a signed-in user (an editor, in the admin or on
  the site), the token previews of other front ends, any other method, and for
  REPLICA_PIN_SECONDS a client that has just sent one (read-your-writes: the
  `portal_primary` cookie). Sessions are always read from the primary (one just saved must
  be found), and so is whatever is read while deciding (the session and its user: a made-up
  session cookie costs one query there, not the whole page). Writes always go to the
  primary, and so does code run outside a request (management commands, scheduled
  publishing, webhooks' deliveries).

A replica is usable when its last check (at most REPLICA_CHECK_SECONDS old, per process)
found it up, at most REPLICA_MAX_LAG_SECONDS behind, and it has replayed the last change
readers can see: `core.fragments` puts the primary's WAL position of that change in its
version token (`token`, `position_of`), so the first reader after a publish, who fills the caches
for everyone, never reads the page as it was before on a replica that has not replayed the
publish yet. None usable: the primary. Several replicas are taken in turn.

A replica that fails during a request (stopped, its connection cut) makes the answer a server
error: the middleware checks that replica at once and, if it is down, serves the request
again from the primary (a GET or HEAD changes nothing). A replica found down is checked again
after REPLICA_CHECK_SECONDS and taken back when it answers.

Written here, not taken from django-multidb-router (0.11): its router sends every read of
every request to a replica, in turn, unless a cookie pins the client, with no check of a
replica's health or lag and nothing for changes made by other clients.
"""

import contextvars
import itertools
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.urls import reverse

PIN_COOKIE = "portal_primary"
SAFE_METHODS = {"GET", "HEAD"}
# The primary's WAL position in bytes: the end of the last record inserted, past every change
# made so far. Not the write position (pg_current_wal_lsn): with synchronous_commit off, a
# change just committed may not be written yet. The insert position of an empty page comes
# after its header (24 bytes, 40 at a segment's start), where no replica's replay ends: the
# header is taken off.
POSITION_SQL = """
SELECT at - CASE WHEN at % segment = 40 THEN 40 WHEN at % page = 24 THEN 24 ELSE 0 END
FROM (SELECT pg_current_wal_insert_lsn() - '0/0'::pg_lsn AS at,
             current_setting('wal_block_size')::numeric AS page,
             pg_size_bytes(current_setting('wal_segment_size')) AS segment) AS insert_position
"""
# A replica's state: what it has replayed (in bytes), and its lag in seconds: none when it has
# replayed all it received (after a restart it may report less received than replayed), else
# the age of the last transaction it replayed. On a server that is not a replica: its own
# position, no lag.
STATUS_SQL = """
SELECT pg_is_in_recovery(),
       CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() - '0/0'::pg_lsn
            ELSE pg_current_wal_lsn() - '0/0'::pg_lsn END,
       CASE WHEN NOT pg_is_in_recovery()
                 OR NOT pg_last_wal_receive_lsn() > pg_last_wal_replay_lsn() THEN 0
            ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)
       END
"""


@dataclass(frozen=True)
class Status:
    """What a check of one replica found, and when (`time.monotonic()`)."""

    checked_at: float
    up: bool
    replayed: int = 0
    lag: float = 0.0

    def usable(self, position):
        return (
            self.up and self.lag <= settings.REPLICA_MAX_LAG_SECONDS and (self.replayed >= position)
        )


_statuses = {}
_turn = itertools.count()
_reader = contextvars.ContextVar("portal_replica_reader", default=None)


def check(alias):
    """Check the replica `alias` now: up, how far it has replayed, its lag in seconds."""
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute(STATUS_SQL)
            _in_recovery, replayed, lag = cursor.fetchone()
        status = Status(time.monotonic(), True, int(replayed or 0), float(lag or 0))
    except DatabaseError:
        connections[alias].close_if_unusable_or_obsolete()
        status = Status(time.monotonic(), False)
    _statuses[alias] = status
    return status


def status_of(alias, position):
    """The replica's status, checked again if older than REPLICA_CHECK_SECONDS, or if it
    was up but had not yet replayed `position`."""
    status = _statuses.get(alias)
    if (
        status is None
        or time.monotonic() - status.checked_at >= settings.REPLICA_CHECK_SECONDS
        or (status.up and status.replayed < position)
    ):
        status = check(alias)
    return status


def choose(position):
    """A usable replica (see the module's docstring) that has replayed `position`, or the
    primary's alias."""
    replicas = settings.DATABASE_REPLICAS
    start = next(_turn)
    for offset in range(len(replicas)):
        alias = replicas[(start + offset) % len(replicas)]
        if status_of(alias, position).usable(position):
            return alias
    return DEFAULT_DB_ALIAS


def current_position():
    """The primary's WAL position now, for a change that has just committed (None when the
    portal has no replicas or its database is not PostgreSQL)."""
    primary = connections[DEFAULT_DB_ALIAS]
    if not settings.DATABASE_REPLICAS or primary.vendor != "postgresql":
        return None
    with primary.cursor() as cursor:
        cursor.execute(POSITION_SQL)
        return int(cursor.fetchone()[0])


def token(position=None):
    """A new version token for `core.fragments`, carrying the WAL position of the change."""
    value = uuid.uuid4().hex
    return value if position is None else f"{value}-{position}"


def position_of(version):
    """The WAL position a version token carries (0: none, any replica will do)."""
    _value, _separator, position = version.partition("-")
    return int(position) if position.isdigit() else 0


class Reader:
    """A read-only request's database, chosen at its first query (a request answered from
    the response cache chooses none): the primary for a signed-in user (`signed_in()`),
    else a replica that has replayed `position()`, if any is usable."""

    def __init__(self, position, signed_in):
        self.position = position
        self.signed_in = signed_in
        self.alias = None

    def database(self):
        if self.alias is None:
            # What deciding reads (the session, its user) comes from the primary.
            self.alias = DEFAULT_DB_ALIAS
            if not self.signed_in():
                self.alias = choose(self.position())
        return self.alias


def reading(reader):
    """Route the reads of the code run in this context to `reader`'s database: returns the
    token for `stop_reading`."""
    return _reader.set(reader)


def stop_reading(context_token):
    _reader.reset(context_token)


class ReplicaRouter:
    """Reads of an anonymous read-only request go to its replica; all else to the primary."""

    def db_for_read(self, model, **hints):
        reader = _reader.get()
        if reader is None or model._meta.label == "sessions.Session":
            return DEFAULT_DB_ALIAS
        return reader.database()

    def db_for_write(self, model, **hints):
        # Not None: Django would write an object read from a replica back to it.
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


def primary_paths():
    """Paths whose reads must see what was just written: the admin, the token previews."""
    return (reverse("wagtailadmin_home"), "/api/v2/preview/")


def reads_from_replica(request):
    """Whether `request` may read from a replica, unless it turns out to be a signed-in
    user's (see the module's docstring)."""
    return (
        request.method in SAFE_METHODS
        and PIN_COOKIE not in request.COOKIES
        and not request.path_info.startswith(primary_paths())
    )
