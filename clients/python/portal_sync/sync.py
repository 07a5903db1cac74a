"""One sync run: the change stream first, then each endpoint's listing since its stamp, then a
check of every item the stream named that the listings did not bring.

Why this order makes the mirror equal the API, even while editors publish:

1. The change stream (`/api/v2/changes/`, read from the stored cursor to its end) lists every
   item that entered, changed in or left the public set since the last run, in order, with
   a cursor that never skips or repeats one.
2. Each listing is read after that, with `?updated_since=<newest stamp seen last time>` in
   pages of `limit` (sorted by the stamp where the endpoint can sort by it, so what editors
   publish meanwhile comes at the end). An item it returns is stored as it is *now*: newer
   than any event of step 1 about it.
3. Every item the stream named and no listing returned is asked for by id: its detail is
   stored, a 404 removes it. That covers what a listing cannot tell: what left the public set
   (unpublished, deleted, made private), what came back without a new stamp (made public
   again), and an item a listing page skipped because another one moved while paging.

What changes after step 1 is in the stream for the next run. The state (stamps, cursor,
listing progress) is written in the same SQLite transactions as the items, page by page:
a run that is interrupted resumes where it stopped, and repeating a page is harmless.
Without a change stream (a portal that has none yet) the listings still sync, but nothing
is ever removed; `--full` then re-reads everything and drops what the API no longer serves.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

from .api import APIError, PortalAPI
from .mirror import Mirror

log = logging.getLogger("portal_sync")

ENDPOINTS = (
    "pages",
    "agencies",
    "people",
    "awards",
    "banners",
    "blocs",
    "legal-documents",
    "work-calendar",
)
# The `meta` field each endpoint's `?updated_since=` filters on.
STAMP_FIELDS = {"work-calendar": "modified_at"}
# How to sort a listing by its stamp, where the endpoint can (None: its own order).
ORDERS = {"legal-documents": None, "work-calendar": None}
# Endpoints whose listing lacks the items' own fields (a page type's): stored from details.
DETAILED = {"pages"}
# Endpoints read in full every run: a banner enters and leaves the API with its schedule
# (`starts_at`, `ends_at`), when nothing is published and the change stream says nothing.
# There are few of them.
ALWAYS_FULL = {"banners"}
CHANGES = "/api/v2/changes/"


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def newest(current: str | None, stamp: str | None) -> str | None:
    if stamp is None or current is not None and parse_time(current) >= parse_time(stamp):
        return current
    return stamp


def advance_by_stamp(progress: dict, stamps: list):
    """Keyset paging on a listing sorted by (stamp, id): the next page starts at the last
    stamp read (`updated_since` is inclusive), skipping the items of that stamp already read.
    Items published meanwhile come after it, and one that leaves the listing does not shift
    the pages still to read, as it would with a growing offset."""
    if not stamps or stamps[-1] is None:
        progress["offset"] += len(stamps)
        return
    last = stamps[-1]
    ties = sum(1 for stamp in stamps if stamp is not None and parse_time(stamp) == parse_time(last))
    if progress["since"] is not None and parse_time(progress["since"]) == parse_time(last):
        progress["offset"] += ties
    else:
        progress["since"], progress["offset"] = last, ties


class Report(dict):
    """Counts of what a run did: {"upserted": n, "deleted": n, "requests": n, ...}."""

    def add(self, name: str, count: int = 1):
        self[name] = self.get(name, 0) + count


class Syncer:
    def __init__(
        self,
        api: PortalAPI,
        mirror: Mirror,
        limit: int = 20,
        endpoints=ENDPOINTS,
        since_margin: timedelta = timedelta(minutes=10),
    ):
        self.api = api
        self.mirror = mirror
        self.limit = limit
        self.endpoints = tuple(endpoints)
        self.since_margin = since_margin
        self.report = Report()

    def run(self, full: bool = False) -> Report:
        """One complete sync; `full` re-reads every listing and checks what it lacks."""
        self.report = Report()
        requests = self.api.requests
        events, position, resync = self.read_changes()
        returned = set()
        for endpoint in self.endpoints:
            returned |= self.sync_listing(endpoint, full or resync or endpoint in ALWAYS_FULL)
        self.check(events, returned)
        if position is not None:
            self.mirror.set_state("changes", position)
        self.mirror.commit()
        self.report.add("requests", self.api.requests - requests)
        return self.report

    # The change stream.

    def stream_filter(self) -> str:
        return ",".join(self.endpoints)

    def read_changes(self):
        """(events, position, resync): the last event of each (endpoint, id) since the stored
        position, where the next run starts, and whether every listing must be re-read (the
        position is older than the stream keeps: 410, or was made for other endpoints: 400).
        The position is None when the portal has no change stream (404)."""
        stored = self.mirror.get_state("changes")
        if stored and stored.get("filter") == self.stream_filter():
            position = {k: v for k, v in stored.items() if k in ("cursor", "since")}
        else:  # first run, or other endpoints: from a moment before this run
            position = {"since": self.start_moment()}
        events = {}
        while True:
            params = {**position, "endpoint": self.stream_filter(), "limit": self.limit}
            answer = self.api.get(CHANGES, params, expect=(400, 404, 410))
            if answer.status == 404:
                log.warning("%s: no change stream, deletions are not mirrored", CHANGES)
                return {}, None, False
            if answer.status in (400, 410):
                log.warning("change stream: %s; re-reading everything", answer.body)
                self.report.add("resync")
                return {}, {"filter": self.stream_filter(), "since": self.start_moment()}, True
            for item in answer.body["items"]:
                events[(item["endpoint"], item["id"])] = item
                self.report.add("events")
            if answer.body["meta"].get("next_cursor"):
                position = {"cursor": answer.body["meta"]["next_cursor"]}
            if not answer.body["meta"].get("has_more") or not answer.body["items"]:
                break
        if "cursor" not in position:  # nothing yet: start from this run next time
            position = {"since": self.start_moment()}
        return events, {"filter": self.stream_filter(), **position}, False

    def start_moment(self) -> str:
        """The server's clock less a margin (the answer may come from a cache)."""
        answer = self.api.get("/api/v2/pages/", {"limit": 0})
        moment = answer.server_time or datetime.now(timezone.utc)
        return (moment - self.since_margin).isoformat()

    # The listings.

    def sync_listing(self, endpoint: str, full: bool) -> set:
        """Stores every item of `endpoint`'s listing since its stamp, in pages; the
        (endpoint, id) of those it returned. With `full`, from the start, and the items of
        the mirror it did not return are asked for by id."""
        stamp_field = STAMP_FIELDS.get(endpoint, "last_published_at")
        order = ORDERS.get(endpoint, f"{stamp_field},id")
        progress = None if full else self.mirror.get_state(f"listing:{endpoint}")
        if progress is None:
            since = None if full else self.mirror.get_state(f"stamp:{endpoint}")
            progress = {"since": since, "offset": 0, "newest": since}
        returned = set()
        while True:
            params = {
                "limit": self.limit,
                "offset": progress["offset"],
                "fields": "*",
                "updated_since": progress["since"],
                "order": order,
            }
            body = self.api.get(f"/api/v2/{endpoint}/", params).body
            items = body["items"]
            for item in items:
                returned.add(item["id"])
                self.store(endpoint, item)
                progress["newest"] = newest(progress["newest"], item["meta"].get(stamp_field))
            if order:
                advance_by_stamp(progress, [item["meta"].get(stamp_field) for item in items])
            else:
                progress["offset"] += len(items)
            if (
                len(items) < self.limit
                or not order
                and progress["offset"] >= body["meta"]["total_count"]
            ):
                break
            if not full:
                self.mirror.set_state(f"listing:{endpoint}", progress)
            self.mirror.commit()
        if full:
            for missing in sorted(self.mirror.ids(endpoint) - returned):
                self.fetch(endpoint, missing, "not listed")
        self.mirror.set_state(f"stamp:{endpoint}", progress["newest"])
        self.mirror.set_state(f"listing:{endpoint}", None)
        self.mirror.commit()
        return {(endpoint, item_id) for item_id in returned}

    def store(self, endpoint: str, item: dict):
        if endpoint in DETAILED:
            self.fetch(endpoint, item["id"], "gone")
        elif self.mirror.upsert(endpoint, item, STAMP_FIELDS.get(endpoint, "last_published_at")):
            self.report.add("upserted")

    # What the stream named.

    def check(self, events: dict, returned: set):
        for (endpoint, item_id), event in sorted(events.items()):
            if endpoint in self.endpoints and (endpoint, item_id) not in returned:
                self.fetch(endpoint, item_id, event.get("reason") or event["event"])
        self.mirror.commit()

    def fetch(self, endpoint: str, item_id: int, reason: str):
        """Stores the item's detail, or removes it when the API answers 404."""
        answer = self.api.get(f"/api/v2/{endpoint}/{item_id}/", expect=(404,))
        if answer.status == 404:
            self.delete(endpoint, item_id, reason)
        elif self.mirror.upsert(
            endpoint, answer.body, STAMP_FIELDS.get(endpoint, "last_published_at")
        ):
            self.report.add("upserted")

    def delete(self, endpoint: str, item_id: int, reason: str):
        if self.mirror.delete(endpoint, item_id, reason):
            self.report.add("deleted")


__all__ = ["APIError", "ENDPOINTS", "Report", "Syncer"]
