"""A portal in memory that answers as the public API does, for the sync client's own tests:
listings with `updated_since`, `order`, `limit` and `offset`, details (404 when gone) and
the change stream of the shared contract (cursor, `since`, 410 past retention)."""

from datetime import datetime, timedelta, timezone

from portal_sync.api import Answer
from portal_sync.sync import STAMP_FIELDS

START = datetime(2026, 12, 1, 8, 0, tzinfo=timezone(timedelta(hours=7)))


class FakePortal:
    def __init__(self, stream=True):
        self.items = {}  # endpoint -> {id: item}
        self.events = []
        self.retained_from = 0  # events before this index have expired
        self.stream = stream
        self.ticks = 0
        self.requests = 0
        self.fail_after = None

    def now(self):
        self.ticks += 1
        return START + timedelta(seconds=self.ticks)

    def publish(self, endpoint, item_id, title, stamp=None):
        moment = stamp or self.now()
        field = STAMP_FIELDS.get(endpoint, "last_published_at")
        item = {
            "id": item_id,
            "meta": {"type": f"{endpoint}.Item", "locale": "vi", field: moment.isoformat()},
            "title": title,
        }
        self.items.setdefault(endpoint, {})[item_id] = item
        self.record("upsert", "published", endpoint, item_id)
        return item

    def remove(self, endpoint, item_id, reason="unpublished"):
        del self.items[endpoint][item_id]
        self.record("delete", reason, endpoint, item_id)

    def record(self, event, reason, endpoint, item_id):
        self.events.append(
            {
                "cursor": str(len(self.events) + 1),
                "event": event,
                "reason": reason,
                "endpoint": endpoint,
                "id": item_id,
                "type": f"{endpoint}.Item",
                "locale": "vi",
                "occurred_at": self.now().isoformat(),
                "detail_url": None,
            }
        )

    # PortalAPI's interface.

    def get(self, path, params=None, expect=()):
        self.requests += 1
        if self.fail_after is not None and self.requests > self.fail_after:
            raise ConnectionError("the portal went away")
        params = {k: v for k, v in (params or {}).items() if v is not None}
        parts = path.strip("/").split("/")[2:]
        if parts == ["changes"]:
            return self.changes(params) if self.stream else Answer(404, {}, {})
        endpoint = parts[0]
        if len(parts) == 2:
            item = self.items.get(endpoint, {}).get(int(parts[1]))
            return Answer(200, item, {}) if item else Answer(404, {"message": "not found"}, {})
        return self.listing(endpoint, params)

    def listing(self, endpoint, params):
        field = STAMP_FIELDS.get(endpoint, "last_published_at")
        items = list(self.items.get(endpoint, {}).values())
        if "updated_since" in params:
            since = datetime.fromisoformat(params["updated_since"])
            items = [i for i in items if datetime.fromisoformat(i["meta"][field]) >= since]
        if params.get("order"):
            items.sort(key=lambda i: (i["meta"][field], i["id"]))
        else:  # an order of its own, not by the stamp
            items.sort(key=lambda i: -i["id"])
        offset, limit = int(params.get("offset", 0)), int(params.get("limit", 20))
        body = {"meta": {"total_count": len(items)}, "items": items[offset : offset + limit]}
        date = (START + timedelta(seconds=self.ticks)).strftime("%a, %d %b %Y %H:%M:%S GMT")
        return Answer(200, body, {"date": date})

    def changes(self, params):
        if "cursor" in params:
            if not params["cursor"].isdigit():
                return Answer(400, {"message": "bad cursor"}, {})
            start = int(params["cursor"])
        else:
            since = datetime.fromisoformat(params["since"])
            start = next(
                (
                    index
                    for index, event in enumerate(self.events)
                    if datetime.fromisoformat(event["occurred_at"]) >= since
                ),
                len(self.events),
            )
        if start < self.retained_from:
            return Answer(410, {"message": "too old", "resync": True}, {})
        endpoints = params["endpoint"].split(",")
        matching = [e for e in self.events[start:] if e["endpoint"] in endpoints]
        page = matching[: int(params["limit"])]
        cursor = page[-1]["cursor"] if page else str(len(self.events))
        has_more = len(matching) > len(page)
        return Answer(
            200, {"meta": {"next_cursor": cursor, "has_more": has_more}, "items": page}, {}
        )
