"""The registry's RSS and Atom feeds, as an anonymous reader."""

from datetime import timedelta

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from legal_documents.models import LegalDocumentIndexPage
from tests.restrictions import restrict

pytestmark = pytest.mark.django_db


def entries(client, route="rss/", **params):
    response = client.get(f"/van-ban/{route}", params)
    assert response.status_code == 200
    return feedparser.parse(response.content).entries


def test_the_feeds_list_new_documents_newest_published_first(client, legal_document_factory):
    first = legal_document_factory(title="Trước", number="1/2024/QĐ-UBND")
    second = legal_document_factory(title="Sau", abstract="Trích yếu sau")
    type(first).objects.filter(pk=first.pk).update(
        first_published_at=timezone.now() - timedelta(days=2)
    )
    for route in ("rss/", "atom/"):
        items = entries(client, route)
        assert [item.title for item in items] == [
            f"{second.number}: Sau",
            "1/2024/QĐ-UBND: Trước",
        ]
        assert items[0].link == "http://testserver/van-ban/quyet-dinh-2-2024/"
        assert "Trích yếu sau" in items[0].summary
        assert [tag.term for tag in items[0].tags] == ["Quyết định"]


def test_the_feeds_filter_by_type_and_field(
    client, legal_document_factory, dispatch_type, education_area
):
    legal_document_factory(title="A", document_type=dispatch_type)
    legal_document_factory(title="B", subject_area=education_area)
    assert [item.title.split(": ")[1] for item in entries(client, type="cong-van")] == ["A"]
    assert [item.title.split(": ")[1] for item in entries(client, "atom/", field="giao-duc")] == [
        "B"
    ]


@pytest.mark.parametrize(
    "params", [{"type": "khong-co"}, {"field": "x" * 5000}, {"type": "a\x00b"}, {"field": "?"}]
)
def test_bad_feed_filters_are_404(client, legal_document_factory, params):
    legal_document_factory()
    for route in ("rss/", "atom/"):
        assert client.get(f"/van-ban/{route}", params).status_code == 404


def test_no_unpublished_draft_or_private_document_is_in_the_feeds(client, legal_document_factory):
    legal_document_factory(title="Công khai")
    legal_document_factory(title="Chưa xuất bản", publish_it=False)
    changed = legal_document_factory(title="Đã xuất bản")
    changed.title = "Bản nháp"
    changed.save_revision()
    private = legal_document_factory(title="Nội bộ")
    restrict(private, "login")
    for route in ("rss/", "atom/"):
        titles = sorted(item.title.split(": ")[1] for item in entries(client, route))
        assert titles == ["Công khai", "Đã xuất bản"]


def test_the_feeds_are_purged_with_the_index(legal_index):
    index = LegalDocumentIndexPage.objects.get(pk=legal_index.pk)
    assert {"rss/", "atom/"} <= {path.lstrip("/") for path in index.get_cached_paths()}


def test_the_feeds_query_count_does_not_grow(client, legal_document_factory, education_area):
    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get("/van-ban/rss/").status_code == 200
        return len(context.captured_queries)

    for _ in range(3):
        legal_document_factory(subject_area=education_area)
    client.get("/van-ban/rss/")
    few = queries()
    for _ in range(20):
        legal_document_factory(subject_area=education_area)
    client.get("/van-ban/rss/")  # the cached fragments computed again after the publications
    assert queries() == few
