"""CORS on the public API and feeds only; ETag, Last-Modified, 304 answers and Cache-Control."""

import pytest
from django.utils.http import http_date

pytestmark = pytest.mark.django_db

ORIGIN = "https://other.gov.vn"


def test_cors_on_the_api(client, make_article):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


def test_cors_preflight_on_the_api(client, db):
    response = client.options(
        "/api/v2/pages/", HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    allowed = {m.strip() for m in response["Access-Control-Allow-Methods"].split(",")}
    assert allowed == {"GET", "HEAD", "OPTIONS"}


@pytest.mark.parametrize("path", ["/admin/", "/admin/login/", "/admin/api/main/pages/"])
def test_no_cors_on_the_admin(client, db, path):
    response = client.get(path, HTTP_ORIGIN=ORIGIN)
    assert "Access-Control-Allow-Origin" not in response
    response = client.options(path, HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert "Access-Control-Allow-Origin" not in response


def test_cors_paths_cover_feeds_and_sitemap(settings):
    import re

    pattern = re.compile(settings.CORS_URLS_REGEX)
    for path in [
        "/sitemap.xml",
        "/sitemap-pages.xml",
        "/tin-tuc/rss/",
        "/en/news/atom/",
        "/api/v2/blocs/",
    ]:
        assert pattern.match(path), path
    for path in ["/admin/", "/admin/pages/rss/", "/tin-tuc/", "/documents/1/a.pdf"]:
        assert not pattern.match(path), path


def test_etag_and_if_none_match(client, make_article):
    make_article()
    response = client.get("/api/v2/pages/")
    etag = response["ETag"]
    assert etag
    again = client.get("/api/v2/pages/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["Cache-Control"] == response["Cache-Control"]
    make_article()
    assert client.get("/api/v2/pages/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_last_modified_and_if_modified_since_on_a_listing(client, make_article):
    make_article()
    newest = make_article()
    response = client.get("/api/v2/pages/", {"type": "articles.NewsArticlePage"})
    assert response["Last-Modified"] == http_date(newest.last_published_at.timestamp())
    since = response["Last-Modified"]
    again = client.get(
        "/api/v2/pages/", {"type": "articles.NewsArticlePage"}, HTTP_IF_MODIFIED_SINCE=since
    )
    assert again.status_code == 304
    before = http_date(newest.last_published_at.timestamp() - 10)
    changed = client.get(
        "/api/v2/pages/", {"type": "articles.NewsArticlePage"}, HTTP_IF_MODIFIED_SINCE=before
    )
    assert changed.status_code == 200


def test_last_modified_on_a_detail_view(client, make_article, make_agency):
    article = make_article()
    make_article()
    response = client.get(f"/api/v2/pages/{article.pk}/")
    assert response["Last-Modified"] == http_date(article.last_published_at.timestamp())
    assert (
        client.get(
            f"/api/v2/pages/{article.pk}/", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]
        ).status_code
        == 304
    )
    agency = make_agency()
    response = client.get(f"/api/v2/agencies/{agency.pk}/")
    assert response["Last-Modified"] == http_date(agency.last_published_at.timestamp())


@pytest.mark.parametrize(
    "endpoint", ["pages", "images", "documents", "agencies", "people", "awards", "banners", "blocs"]
)
def test_every_endpoint_is_cacheable(client, demo_content, endpoint, settings):
    settings.API_CACHE_MAX_AGE = 123
    response = client.get(f"/api/v2/{endpoint}/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=123, s-maxage=3600"
    assert response["ETag"]
    assert "Cookie" not in response.get("Vary", "")
    if response.json()["items"]:
        assert response["Last-Modified"]
    assert (
        client.get(f"/api/v2/{endpoint}/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    )


def test_cache_control_default_and_errors(client, db, settings):
    assert settings.API_CACHE_MAX_AGE == 60
    assert client.get("/api/v2/pages/")["Cache-Control"] == "public, max-age=60, s-maxage=3600"
    assert "public" not in client.get("/api/v2/pages/", {"limit": "x"}).get("Cache-Control", "")


def test_private_for_a_signed_in_user(client, django_user_model):
    user = django_user_model.objects.create_superuser("quantri", "a@example.vn", "mật khẩu dài")
    client.force_login(user)
    response = client.get("/api/v2/pages/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private"


def test_cors_on_the_sitemap_and_feeds(client, news_index):
    response = client.get("/sitemap.xml", HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    feed = client.get(f"{news_index.url}rss/", HTTP_ORIGIN=ORIGIN)
    assert feed.status_code == 200
    assert feed["Access-Control-Allow-Origin"] == "*"
