"""`?locale=en&fallback=vi`: an anonymous reader gets, for each translation key, the English
item where one is published and public, else the Vietnamese one, each marked; in one
queryset, so that pagination, ordering, `updated_since` and search still apply."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

pytestmark = pytest.mark.django_db

FALLBACK = {"locale": "en", "fallback": "vi"}
TRANSLATABLE = [
    "pages",
    "agencies",
    "people",
    "awards",
    "banners",
    "blocs",
    "legal-documents",
    "work-calendar",
]


def items(client, endpoint, **params):
    response = client.get(f"/api/v2/{endpoint}/", {**FALLBACK, "limit": 100, **params})
    assert response.status_code == 200, response.content
    return response.json()["items"]


def marks(found):
    return {item["id"]: (item["meta"]["locale"], item["meta"]["fallback"]) for item in found}


def queries(client, endpoint, **params):
    client.get(f"/api/v2/{endpoint}/", params)  # caches warm (site, restricted paths)
    with CaptureQueriesContext(connection) as context:
        assert client.get(f"/api/v2/{endpoint}/", params).status_code == 200
    return len(context.captured_queries)


@pytest.fixture
def agencies(make_agency, translate_agency):
    """Three Vietnamese agencies: the first published in English, the second with an English
    draft only, the third not translated. Returns (vi agencies, English one)."""
    first, second, third = make_agency(), make_agency(), make_agency()
    english = translate_agency(first)
    translate_agency(second, publish_it=False)
    return [first, second, third], english


def test_agencies_in_english_else_vietnamese_each_marked(client, agencies):
    (first, second, third), english = agencies
    assert marks(items(client, "agencies")) == {
        english.pk: ("en", False),
        second.pk: ("vi", True),
        third.pk: ("vi", True),
    }
    # Without ?fallback= nothing changes: no mark, English only.
    plain = client.get("/api/v2/agencies/", {"locale": "en"}).json()["items"]
    assert [item["id"] for item in plain] == [english.pk]
    assert "fallback" not in plain[0]["meta"]


@pytest.fixture
def articles(make_article, translate_page, make_private):
    """Four Vietnamese articles: English published, English draft, none, English private."""
    published, draft, untranslated, private = (make_article() for _ in range(4))
    english = translate_page(published)
    translate_page(draft, publish_it=False)
    make_private(translate_page(private))
    return published, draft, untranslated, private, english


def test_pages_in_english_else_vietnamese_each_marked(client, articles):
    published, draft, untranslated, private, english = articles
    found = items(client, "pages", type="articles.NewsArticlePage", fields="*")
    assert marks(found) == {
        english.pk: ("en", False),
        draft.pk: ("vi", True),
        untranslated.pk: ("vi", True),
        private.pk: ("vi", True),  # its English translation is not public
    }
    english_item = next(item for item in found if item["id"] == english.pk)
    assert english_item["meta"]["translations"][0]["id"] == published.pk


def test_pagination_ordering_and_total_count_hold(client, agencies):
    (first, second, third), english = agencies
    whole = items(client, "agencies", order="-id")
    assert [item["id"] for item in whole] == sorted((english.pk, second.pk, third.pk), reverse=True)
    response = client.get("/api/v2/agencies/", {**FALLBACK, "order": "-id", "limit": 2})
    body = response.json()
    assert body["meta"]["total_count"] == 3
    rest = items(client, "agencies", order="-id", offset=2)
    assert [item["id"] for item in body["items"] + rest] == [item["id"] for item in whole]


def test_updated_since_applies_to_the_mixed_set(client, agencies, translate_agency):
    (first, second, third), english = agencies
    later = timezone.now() + timedelta(seconds=1)
    type(third).objects.filter(pk=third.pk).update(last_published_at=later)
    since = (later - timedelta(microseconds=1)).isoformat()
    assert marks(items(client, "agencies", updated_since=since)) == {third.pk: ("vi", True)}


def test_search_applies_to_the_mixed_set(client, make_agency, translate_agency):
    hanoi = make_agency("Sở Khoa học Hà Nội")
    translate_agency(hanoi, "Hanoi Department of Science")
    hue = make_agency("Sở Khoa học Huế")
    make_agency("Sở Tài chính")
    found = items(client, "agencies", search="Khoa học")
    assert marks(found) == {hue.pk: ("vi", True)}  # Hà Nội's answer is its English one
    found = items(client, "agencies", search="Science")
    assert [item["meta"]["locale"] for item in found] == ["en"]


def test_a_pages_search_applies_to_the_mixed_set(client, make_article, translate_page):
    first = make_article("Hội nghị khoa học")
    translate_page(first, "Science conference")
    second = make_article("Hội thảo khoa học")
    found = items(client, "pages", search="khoa học")
    assert marks(found) == {second.pk: ("vi", True)}


@pytest.mark.parametrize(
    "params",
    [
        {"fallback": "vi"},  # without locale
        {"locale": "vi", "fallback": "vi"},  # the same language
        {"locale": "en", "fallback": "fr"},  # unknown
        {"locale": "en", "fallback": ""},
    ],
)
@pytest.mark.parametrize("endpoint", TRANSLATABLE)
def test_a_fallback_that_cannot_apply_is_a_400(client, home, endpoint, params):
    response = client.get(f"/api/v2/{endpoint}/", params)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    assert "fallback" in response.json()["message"]


@pytest.mark.parametrize("endpoint", TRANSLATABLE)
def test_every_translatable_endpoint_takes_it_and_the_document_says_so(client, home, endpoint):
    assert client.get(f"/api/v2/{endpoint}/", FALLBACK).status_code == 200
    document = client.get("/api/v2/openapi.json").json()
    names = {p["name"] for p in document["paths"][f"/api/v2/{endpoint}/"]["get"]["parameters"]}
    assert "fallback" in names


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_endpoints_without_languages_refuse_it(client, endpoint):
    assert client.get(f"/api/v2/{endpoint}/", FALLBACK).status_code == 400


def test_agencies_queries_stay_constant_for_three_or_thirty(client, make_agency, translate_agency):
    def add(n):
        for number in range(n):
            agency = make_agency()
            if number % 2:
                translate_agency(agency)

    add(3)
    params = {**FALLBACK, "limit": 50}
    few = queries(client, "agencies", **params)
    add(27)
    assert len(items(client, "agencies")) == 30
    assert queries(client, "agencies", **params) == few


def test_pages_queries_stay_constant_for_three_or_thirty(client, make_article, translate_page):
    def add(n):
        for number in range(n):
            article = make_article()
            if number % 2:
                translate_page(article)

    add(3)
    params = {**FALLBACK, "type": "articles.NewsArticlePage", "fields": "*", "limit": 50}
    few = queries(client, "pages", **params)
    add(27)
    assert len(items(client, "pages", type="articles.NewsArticlePage")) == 30
    assert queries(client, "pages", **params) == few


def test_a_translation_published_later_replaces_the_fallback(client, agencies, translate_agency):
    (first, second, third), english = agencies
    third_english = translate_agency(third)
    assert marks(items(client, "agencies")) == {
        english.pk: ("en", False),
        second.pk: ("vi", True),
        third_english.pk: ("en", False),
    }


def test_figures_over_the_demo_content(client, demo_content_en):
    """Prints the queries and time of the pages listing in English with and without the
    Vietnamese fallback (docs/api.md's figures): the fallback adds no query per item."""
    import time

    from articles.models import NewsArticlePage

    # Some English articles withdrawn: their Vietnamese originals stand in for them.
    english = NewsArticlePage.objects.live().filter(locale__language_code="en").order_by("pk")
    for page in english[: english.count() // 2]:
        page.unpublish()
    figures = {}
    for label, params in (
        ("locale=en", {"locale": "en", "fields": "*", "limit": 100}),
        ("locale=en&fallback=vi", {**FALLBACK, "fields": "*", "limit": 100}),
    ):
        client.get("/api/v2/pages/", params)  # caches warm
        with CaptureQueriesContext(connection) as context:
            start = time.perf_counter()
            response = client.get("/api/v2/pages/", params)
            elapsed = time.perf_counter() - start
        body = response.json()
        fallbacks = sum(item["meta"].get("fallback", False) for item in body["items"])
        figures[label] = len(context)
        print(
            f"\n/api/v2/pages/?{label}&fields=*&limit=100: {body['meta']['total_count']} pages"
            f" ({fallbacks} in Vietnamese), {len(context)} queries, {elapsed * 1000:.0f} ms"
        )
    assert figures["locale=en&fallback=vi"] <= figures["locale=en"]
