"""Anonymous answers are cacheable by nginx or a CDN; nothing personal or erroneous is."""

import pytest
from wagtail.models import PageViewRestriction

PUBLIC = "public, max-age=60, s-maxage=3600"


@pytest.fixture(autouse=True)
def _midday(local_midday):
    """Far from midnight, which cuts a page's lifetime (tests/core/test_response_cache.py)."""


def public_urls(seed_report, bloc_page):
    return [
        "/",
        "/tin-tuc-su-kien/",
        seed_report.url,
        bloc_page.url,
        "/khoi-thi-dua/",
        "/tin-tuc-su-kien/rss/",
        "/tin-tuc-su-kien/atom/",
        "/sitemap.xml",
        "/robots.txt",
        "/api/v2/pages/",
        f"/api/v2/pages/{seed_report.pk}/",
        f"/api/v2/blocs/{bloc_page.pk}/",
    ]


def assert_shareable(response):
    """Nothing in the answer ties it to one reader."""
    vary = response.get("Vary", "").lower()
    assert "cookie" not in vary
    assert "accept-language" not in vary
    assert not response.cookies
    assert "Set-Cookie" not in response


@pytest.mark.django_db
def test_anonymous_answers_are_public(client, seed_report, bloc_page):
    for url in public_urls(seed_report, bloc_page):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == PUBLIC, url
        assert_shareable(response)


@pytest.mark.django_db
def test_an_english_browser_gets_the_same_vietnamese_page(client, seed_report):
    """Un-prefixed URLs are Vietnamese whatever Accept-Language says: no Vary on it."""
    plain = client.get(seed_report.url)
    english = client.get(seed_report.url, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert english["Content-Language"] == plain["Content-Language"] == "vi"
    assert b'<html lang="vi"' in english.content
    assert_shareable(english)


@pytest.mark.django_db
def test_lifetimes_come_from_settings(client, seed_report, settings):
    settings.HTTP_CACHE_MAX_AGE = 30
    settings.HTTP_CACHE_S_MAXAGE = 36000  # ten hours: noon to 22:00, before midnight's cut
    settings.HTTP_CACHE_S_MAXAGE_QUERY = 90
    assert client.get(seed_report.url)["Cache-Control"] == "public, max-age=30, s-maxage=36000"
    # Purging cannot name every query string: those URLs are kept for a shorter time.
    listing = client.get("/tin-tuc-su-kien/", {"page": 1})
    assert listing["Cache-Control"] == "public, max-age=30, s-maxage=90"
    api = client.get("/api/v2/pages/", {"type": "articles.NewsArticlePage", "fields": "*"})
    assert api["Cache-Control"] == "public, max-age=60, s-maxage=90"


@pytest.mark.django_db
def test_signed_in_users_are_never_cached(client, django_user_model, seed_report, bloc_page):
    user = django_user_model.objects.create_superuser("bientap", "b@example.vn", "mật khẩu dài")
    client.force_login(user)
    for url in public_urls(seed_report, bloc_page):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "public" not in response["Cache-Control"], url
        assert "private" in response["Cache-Control"], url
    assert client.get(seed_report.url)["Cache-Control"] == "private, no-store"


@pytest.mark.django_db
def test_previews_and_the_admin_are_never_cached(client, django_user_model, seed_report):
    user = django_user_model.objects.create_superuser("bientap", "b@example.vn", "mật khẩu dài")
    client.force_login(user)
    preview = client.get(f"/admin/pages/{seed_report.pk}/edit/preview/")
    assert preview.status_code == 200
    assert "public" not in preview["Cache-Control"]
    assert "no-store" in preview["Cache-Control"]
    client.logout()
    login = client.get("/admin/login/")
    assert "public" not in login["Cache-Control"]


@pytest.mark.django_db
def test_errors_are_never_cached(client, demo_content):
    for url, status in [
        ("/khong-co-trang-nay/", 404),
        ("/tin-tuc-su-kien/?page=9999", 404),
        ("/api/v2/pages/?limit=x", 400),
        ("/api/v2/pages/999999/", 404),
    ]:
        response = client.get(url)
        assert response.status_code == status, url
        assert "public" not in response.get("Cache-Control", ""), url
        assert "no-store" in response["Cache-Control"], url


@pytest.mark.django_db
def test_a_form_with_a_csrf_token_is_not_shared(client, seed_report):
    """A password-protected page answers with a form: its CSRF cookie keeps it private."""
    PageViewRestriction.objects.create(
        page=seed_report, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )
    response = client.get(seed_report.url)
    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content
    assert "public" not in response["Cache-Control"]
    # A reader who already holds a CSRF cookie gets the form with a token too: still private.
    again = client.get(seed_report.url)
    assert "public" not in again["Cache-Control"]


@pytest.mark.django_db
def test_posts_are_not_cached(client, seed_report):
    response = client.post(seed_report.url)
    assert "public" not in response.get("Cache-Control", "")


@pytest.mark.django_db
def test_conditional_requests_keep_the_headers(client, seed_report):
    first = client.get("/api/v2/pages/")
    again = client.get("/api/v2/pages/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["Cache-Control"] == PUBLIC
