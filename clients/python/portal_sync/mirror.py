"""The mirror: one SQLite database holding every item the API serves, and the sync's state.

    items(endpoint, id, locale, type, stamp, data, synced_at)   -- data: the item's JSON
    state(key, value)                                          -- stamps, cursors, progress
    changes(seq, endpoint, id, action, reason, at)             -- what each run changed

Query the JSON with SQLite's json functions, for example the Vietnamese news titles::

    SELECT id, json_extract(data, '$.title') FROM items
    WHERE endpoint = 'pages' AND type = 'articles.NewsArticlePage' AND locale = 'vi';

`changes` tells a downstream job what to refresh: one row per item written or removed.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone

SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    endpoint TEXT NOT NULL,
    id INTEGER NOT NULL,
    locale TEXT NOT NULL,
    type TEXT NOT NULL,
    stamp TEXT,
    data TEXT NOT NULL,
    synced_at TEXT NOT NULL,
    PRIMARY KEY (endpoint, id)
);
CREATE INDEX IF NOT EXISTS items_by_type ON items (endpoint, type, locale);
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    endpoint TEXT NOT NULL,
    id INTEGER NOT NULL,
    action TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
"""


def now() -> str:
    return datetime.now(timezone.utc).isoformat()


class Mirror:
    def __init__(self, path: str):
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.executescript(SCHEMA)
        self.db.commit()

    def close(self):
        self.db.close()

    def commit(self):
        self.db.commit()

    def upsert(self, endpoint: str, item: dict, stamp_field: str) -> bool:
        """Store `item` as the API served it; False when it was already stored as such."""
        meta = item.get("meta", {})
        data = json.dumps(item, ensure_ascii=False, sort_keys=True)
        old = self.db.execute(
            "SELECT data FROM items WHERE endpoint = ? AND id = ?", (endpoint, item["id"])
        ).fetchone()
        if old is not None and old[0] == data:
            return False
        self.db.execute(
            "INSERT OR REPLACE INTO items VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                endpoint,
                item["id"],
                meta.get("locale") or "",
                meta.get("type") or "",
                meta.get(stamp_field),
                data,
                now(),
            ),
        )
        self.record(endpoint, item["id"], "upsert", "created" if old is None else "updated")
        return True

    def delete(self, endpoint: str, item_id: int, reason: str) -> bool:
        cursor = self.db.execute(
            "DELETE FROM items WHERE endpoint = ? AND id = ?", (endpoint, item_id)
        )
        if cursor.rowcount:
            self.record(endpoint, item_id, "delete", reason)
        return bool(cursor.rowcount)

    def record(self, endpoint, item_id, action, reason):
        self.db.execute(
            "INSERT INTO changes (endpoint, id, action, reason, at) VALUES (?, ?, ?, ?, ?)",
            (endpoint, item_id, action, reason, now()),
        )

    def ids(self, endpoint: str) -> set[int]:
        rows = self.db.execute("SELECT id FROM items WHERE endpoint = ?", (endpoint,))
        return {row[0] for row in rows}

    def items(self, endpoint: str) -> dict[int, dict]:
        rows = self.db.execute("SELECT id, data FROM items WHERE endpoint = ?", (endpoint,))
        return {row[0]: json.loads(row[1]) for row in rows}

    def get_state(self, key: str, default=None):
        row = self.db.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_state(self, key: str, value) -> None:
        if value is None:
            self.db.execute("DELETE FROM state WHERE key = ?", (key,))
        else:
            self.db.execute("INSERT OR REPLACE INTO state VALUES (?, ?)", (key, json.dumps(value)))
