"""The change log by HTTP, as an anonymous consumer: every way an object enters, changes in
or leaves the public set appears in order with its reason; nothing private or never public
does; cursors page without skips or repeats; old positions answer 410, foreign cursors 400."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from core.changes.models import ContentChange
from core.visibility import is_restricted
from snippets.models import Agency

from .conftest import publish

pytestmark = pytest.mark.django_db

URL = "/api/v2/changes/"


def changes(client, **query):
    response = client.get(URL, query)
    assert response.status_code == 200, response.content
    return response.json()


def events(client, **query):
    return [
        (item["event"], item["reason"], item["endpoint"], item["id"])
        for item in changes(client, **query)["items"]
    ]


def since_now():
    return timezone.now().isoformat()


def test_publish_update_unpublish_delete_in_order(client, make_article):
    start = since_now()
    page = make_article()
    publish(page)
    page.unpublish()
    page_id = page.pk
    page.delete()
    assert events(client, since=start, endpoint="pages") == [
        ("upsert", "published", "pages", page_id),
        ("upsert", "updated", "pages", page_id),
        ("delete", "unpublished", "pages", page_id),
    ]  # deleted while unpublished: it had left already


def test_item_shape_and_detail_url(client, make_article):
    start = since_now()
    page = make_article()
    data = changes(client, since=start)
    item = data["items"][0]
    assert item["type"] == "articles.NewsArticlePage"
    assert item["locale"] == "vi"
    assert item["detail_url"].endswith(f"/api/v2/pages/{page.pk}/")
    assert client.get(item["detail_url"]).status_code == 200
    assert data["meta"]["has_more"] is False
    assert data["meta"]["retention_days"] == 90
    assert "title" not in item


def test_deleted_live_page(client, make_article):
    page = make_article()
    start = since_now()
    page_id = page.pk
    page.delete()
    assert events(client, since=start) == [("delete", "deleted", "pages", page_id)]


def test_draft_created_and_deleted_records_nothing(client, news_index):
    from articles.models import NewsArticlePage

    start = since_now()
    draft = news_index.add_child(
        instance=NewsArticlePage(
            title="Nháp", slug="nhap", lead="Nháp", live=False, date=timezone.now()
        )
    )
    draft.save_revision()
    assert not Page.objects.get(pk=draft.pk).live
    draft.delete()
    assert events(client, since=start) == []


def test_privacy_made_private_and_public_for_the_subtree(client, news_index, make_article):
    first, second = make_article(), make_article()
    start = since_now()
    restriction = PageViewRestriction.objects.create(
        page=news_index, restriction_type=PageViewRestriction.PASSWORD, password="mật khẩu"
    )
    publish(first)  # a private page republished: nothing
    restriction.delete()
    assert events(client, since=start) == [
        ("delete", "made_private", "pages", news_index.pk),
        ("delete", "made_private", "pages", first.pk),
        ("delete", "made_private", "pages", second.pk),
        ("upsert", "made_public", "pages", news_index.pk),
        ("upsert", "made_public", "pages", first.pk),
        ("upsert", "made_public", "pages", second.pk),
    ]


def test_never_public_pages_do_not_appear(client, news_index, make_article, make_private):
    start = since_now()
    make_private(news_index)
    private = make_article()
    publish(private)
    private.unpublish()
    private.delete()
    assert [item[3] for item in events(client, since=start)] == [news_index.pk]


def test_move_to_another_section_and_into_a_private_one(client, home, make_article):
    from articles.models import ArticleIndexPage

    page = make_article()
    other = publish(home.add_child(instance=ArticleIndexPage(title="Khác", slug="khac")))
    closed = publish(home.add_child(instance=ArticleIndexPage(title="Kín", slug="kin")))
    PageViewRestriction.objects.create(
        page=closed, restriction_type=PageViewRestriction.PASSWORD, password="mật khẩu"
    )
    start = since_now()
    page.move(other, pos="last-child")
    page.refresh_from_db()
    page.move(closed, pos="last-child")
    assert events(client, since=start) == [
        ("upsert", "updated", "pages", page.pk),
        ("delete", "moved_out", "pages", page.pk),
    ]


def test_translation_deleted(client, make_article, translate_page):
    page = make_article()
    english = translate_page(page)
    start = since_now()
    english_id = english.pk
    english.delete()
    data = changes(client, since=start, locale="en")
    assert [(i["event"], i["reason"], i["id"]) for i in data["items"]] == [
        ("delete", "translation_removed", english_id)
    ]
    assert changes(client, since=start, locale="vi")["items"] == []


def test_snippet_publish_unpublish_delete(client, make_agency):
    start = since_now()
    agency = make_agency()
    publish_again = agency.save_revision()
    publish_again.publish()
    agency.refresh_from_db()
    agency.unpublish()
    draft = Agency.objects.get(pk=agency.pk)
    draft.delete()
    assert events(client, since=start, endpoint="agencies") == [
        ("upsert", "published", "agencies", agency.pk),
        ("upsert", "updated", "agencies", agency.pk),
        ("delete", "unpublished", "agencies", agency.pk),
    ]


def test_live_snippet_deleted(client, make_agency):
    agency = make_agency()
    start = since_now()
    agency_id = agency.pk
    agency.delete()
    assert events(client, since=start) == [("delete", "deleted", "agencies", agency_id)]


def test_cursor_pages_without_skips_or_repeats_while_changes_arrive(client, make_article):
    for _ in range(5):
        make_article()
    seen = []
    data = changes(client, limit=2)
    seen += [item["id"] for item in data["items"]]
    make_article()  # arrives between two pages
    while data["meta"]["has_more"]:
        data = changes(client, limit=2, cursor=data["meta"]["next_cursor"])
        seen += [item["id"] for item in data["items"]]
    expected = list(ContentChange.objects.order_by("id").values_list("object_id", flat=True))
    assert seen == expected
    # Polling with the last cursor: nothing new, the same cursor back.
    again = changes(client, limit=2, cursor=data["meta"]["next_cursor"])
    assert again["items"] == [] and again["meta"]["next_cursor"] == data["meta"]["next_cursor"]


def test_item_cursor_resumes_after_that_item(client, make_article):
    make_article(), make_article(), make_article()
    items = changes(client)["items"]
    after = changes(client, cursor=items[0]["cursor"])["items"]
    assert [i["id"] for i in after] == [i["id"] for i in items[1:]]


def test_endpoint_filter_several_and_unknown(client, make_article, make_agency):
    make_article(), make_agency()
    assert {i[2] for i in events(client, endpoint="pages,agencies")} == {"pages", "agencies"}
    assert {i[2] for i in events(client, endpoint=["agencies"])} == {"agencies"}
    response = client.get(URL, {"endpoint": "pages,nowhere"})
    assert response.status_code == 400
    assert "nowhere" in response.json()["message"]


@pytest.mark.parametrize(
    "query",
    [
        {"cursor": "made-up"},
        {"limit": "0"},
        {"limit": "501"},
        {"limit": "x"},
        {"since": "yesterday"},
        {"locale": "fr"},
        {"other": "1"},
        {"since": "2026-12-01", "cursor": "x"},
        {"endpoint": "visits"},
        {"endpoint": "pages\x00"},
    ],
)
def test_bad_parameters_are_400(client, query):
    response = client.get(URL, query)
    assert response.status_code == 400
    assert response.json()["message"]


def test_cursor_of_another_filter_is_400(client, make_article):
    make_article()
    cursor = changes(client, endpoint="pages")["meta"]["next_cursor"]
    for query in ({"endpoint": "agencies"}, {}, {"endpoint": "pages", "locale": "vi"}):
        response = client.get(URL, {**query, "cursor": cursor})
        assert response.status_code == 400, query
    assert client.get(URL, {"endpoint": "pages", "cursor": cursor}).status_code == 200


def test_since_before_the_retention_period_is_410(client):
    old = (timezone.now() - timedelta(days=91)).isoformat()
    response = client.get(URL, {"since": old})
    assert response.status_code == 410
    assert response.json()["resync"] is True


def test_cursor_before_the_pruning_horizon_is_410(client, make_article):
    make_article()
    cursor = changes(client)["meta"]["next_cursor"]
    make_article()
    ContentChange.objects.update(occurred_at=timezone.now() - timedelta(days=100))
    call_command("prune_content_changes", verbosity=0)
    assert ContentChange.objects.count() == 0
    response = client.get(URL, {"cursor": cursor})
    assert response.status_code == 410 and response.json()["resync"] is True
    assert client.get(URL).status_code == 410  # the log's start is gone
    make_article()
    recent = (timezone.now() - timedelta(minutes=1)).isoformat()
    assert len(changes(client, since=recent)["items"]) == 1


def test_gap_from_a_rolled_back_transaction_is_not_410(client, make_article):
    from django.db import transaction

    make_article()
    cursor = changes(client)["meta"]["next_cursor"]
    with pytest.raises(RuntimeError), transaction.atomic():
        make_article()
        raise RuntimeError
    make_article()
    data = changes(client, cursor=cursor)
    assert len(data["items"]) == 1


def test_caching_headers_and_etag(client, make_article):
    make_article()
    response = client.get(URL)
    assert response["Cache-Control"].startswith("public, max-age=5")
    again = client.get(URL, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_listing_with_updated_since_links_the_changes(client, make_article):
    make_article()
    since = timezone.localdate().isoformat()
    data = client.get("/api/v2/pages/", {"updated_since": since}).json()
    assert data["meta"]["changes_url"].endswith(f"/api/v2/changes/?endpoint=pages&since={since}")
    assert client.get(data["meta"]["changes_url"]).status_code == 200
    assert "changes_url" not in client.get("/api/v2/pages/").json()["meta"]
    agencies = client.get("/api/v2/agencies/", {"updated_since": since}).json()
    assert "endpoint=agencies" in agencies["meta"]["changes_url"]


@pytest.mark.parametrize("count", [3, 30])
def test_stream_queries_are_constant(client, make_article, count, django_assert_num_queries):
    since = since_now()
    for _ in range(count):
        make_article()
    changes(client)  # warm the caches
    total = ContentChange.objects.count()
    with django_assert_num_queries(2):  # the pruning horizon, the rows
        assert len(changes(client, endpoint="pages")["items"]) == total
    with django_assert_num_queries(3):  # and the position of `since`
        assert len(changes(client, since=since, limit=500)["items"]) == count


def test_recording_adds_few_queries_to_a_publish(make_article):
    """The recorder's cost within a publish: the object's last event and the insert (and the
    advisory lock on PostgreSQL)."""
    from core.changes.handlers import page_published_handler

    page = make_article()
    is_restricted(page)  # the restricted paths, cached with the site-wide fragments
    with CaptureQueriesContext(connection) as queries:
        page_published_handler(sender=type(page), instance=page)
    assert len(queries) == (3 if connection.vendor == "postgresql" else 2), [
        q["sql"][:120] for q in queries.captured_queries
    ]
    assert ContentChange.objects.filter(object_id=page.pk).last().reason == "updated"
