"""A consumer that knows only /api/v2/openapi.json pages through every listing, syncs
incrementally with `updated_since` and gets 304 answers for what it already has."""

import pytest

from demo.work_calendar import WorkCalendarDemo

pytestmark = pytest.mark.django_db


def test_a_consumer_driven_by_the_document(client, demo_content_en, demo_legal):
    WorkCalendarDemo(demo_content_en).load()  # every listing has items to page through
    document = client.get("/api/v2/openapi.json").json()
    listings = [
        path
        for path, item in document["paths"].items()
        if item["get"]["operationId"].endswith("_listing")
    ]
    assert len(listings) == 10
    for path in listings:
        parameters = {p["name"]: p for p in document["paths"][path]["get"]["parameters"]}
        limit = 7
        assert limit <= parameters["limit"]["schema"]["maximum"]
        assert "updated_since" in parameters

        # Page through everything.
        seen, offset, total = [], 0, None
        while total is None or offset < total:
            response = client.get(path, {"limit": limit, "offset": offset, "fields": "*"})
            assert response.status_code == 200, (path, response.content)
            data = response.json()
            total = data["meta"]["total_count"]
            seen += data["items"]
            offset += limit
        assert len(seen) == total > 0, path
        assert len({item["id"] for item in seen}) == total, path

        # Sync what changed since the newest modification time seen.
        stamp_field = next(
            name
            for name in ("last_published_at", "modified_at", "created_at")
            if name in seen[0]["meta"]
        )
        newest = max(item["meta"][stamp_field] for item in seen)
        changed = client.get(path, {"updated_since": newest, "fields": "*"})
        assert changed.status_code == 200
        changed_items = changed.json()["items"]
        assert changed_items and all(
            item["meta"][stamp_field] >= newest for item in changed_items
        ), path

        # Ask again with the validators of the last answer: nothing new, 304.
        again = client.get(
            path,
            {"updated_since": newest, "fields": "*"},
            HTTP_IF_NONE_MATCH=changed["ETag"],
        )
        assert again.status_code == 304, path
        since = client.get(
            path,
            {"updated_since": newest, "fields": "*"},
            HTTP_IF_MODIFIED_SINCE=changed["Last-Modified"],
        )
        assert since.status_code == 304, path
