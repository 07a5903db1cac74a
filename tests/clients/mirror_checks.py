"""What a mirror must hold: every item each listing of the public API serves, per endpoint
and language, with the same key fields, and nothing else."""

import json
import sqlite3
from collections import Counter

from portal_sync.api import PortalAPI
from portal_sync.sync import ENDPOINTS, STAMP_FIELDS

KEY_FIELDS = {
    "pages": ("title",),
    "agencies": ("name", "slug"),
    "people": ("name", "slug"),
    "awards": ("title",),
    "banners": ("title",),
    "blocs": ("title", "slug"),
    "legal-documents": ("title", "number"),
    "work-calendar": ("content", "date", "start_time"),
}
LANGUAGES = ("vi", "en")


def key(endpoint, item):
    meta = item["meta"]
    stamp = meta.get(STAMP_FIELDS.get(endpoint, "last_published_at"))
    return (meta["type"], meta["locale"], stamp, *(item[name] for name in KEY_FIELDS[endpoint]))


def api_listing(base_url, endpoint, locale):
    """Every item of a listing in one language, read with the largest pages."""
    api, items, offset, total = PortalAPI(base_url), [], 0, None
    while total is None or offset < total:
        params = {"locale": locale, "limit": 100, "offset": offset, "fields": "*"}
        body = api.get(f"/api/v2/{endpoint}/", params).body
        total = body["meta"]["total_count"]
        items += body["items"]
        offset += 100
    assert len(items) == total
    return items


def api_state(base_url):
    """{(endpoint, locale): {id: key}} of everything the API serves now."""
    state = {}
    for endpoint in ENDPOINTS:
        for locale in LANGUAGES:
            items = api_listing(base_url, endpoint, locale)
            ids = Counter(item["id"] for item in items)
            assert max(ids.values(), default=1) == 1, (endpoint, locale, ids.most_common(3))
            state[(endpoint, locale)] = {item["id"]: key(endpoint, item) for item in items}
    return state


def mirror_state(path):

    db = sqlite3.connect(path)
    state = {(endpoint, locale): {} for endpoint in ENDPOINTS for locale in LANGUAGES}
    for endpoint, item_id, locale, data in db.execute(
        "SELECT endpoint, id, locale, data FROM items"
    ):
        item = json.loads(data)
        assert item["id"] == item_id and item["meta"]["locale"] == locale
        state[(endpoint, locale)][item_id] = key(endpoint, item)
    db.close()
    return state


def assert_mirror_equals_api(base_url, path):
    expected, mirrored = api_state(base_url), mirror_state(path)
    for place in expected:
        missing = expected[place].keys() - mirrored[place].keys()
        extra = mirrored[place].keys() - expected[place].keys()
        assert not missing and not extra, (place, "missing", missing, "extra", extra)
        stale = {
            i: (mirrored[place][i], k)
            for i, k in expected[place].items()
            if mirrored[place][i] != k
        }
        assert not stale, (place, stale)
    return expected
