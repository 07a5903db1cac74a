"""Security headers on every kind of response: public pages, API, feeds, admin, errors."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from articles.models import NewsArticlePage

COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def csp(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    policy = {}
    for directive in response["Content-Security-Policy"].split(";"):
        name, *sources = directive.split()
        policy[name] = sources
    return policy


def assert_common_headers(response):
    for name, value in COMMON_HEADERS.items():
        assert response[name] == value, name
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in permissions


def assert_strict_policy(response):
    assert_common_headers(response)
    policy = csp(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.fixture
def article(article_factory):
    return article_factory(title="Hội nghị ký kết giao ước thi đua")


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "{article}",
        "/tin-tuc/",
        "/tim-kiem/?q=thi+%C4%91ua",
        "/api/docs/",
        "/api/v2/pages/",
        "/api/v2/pages/{article_id}/",
        "/api/v2/openapi.json",
        "/tin-tuc/rss/",
        "/tin-tuc/atom/",
        "/sitemap.xml",
        "/robots.txt",
        "/khong-co-trang-nay/",
        "/api/v2/pages/999999/",
    ],
)
def test_public_responses_carry_the_strict_policy(client, article, path):
    response = client.get(path.format(article=article.url, article_id=article.pk))
    assert response.status_code in (200, 404)
    assert_strict_policy(response)


def test_server_error_page_carries_the_strict_policy(article, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(NewsArticlePage, "get_context", fail)
    response = Client(raise_request_exception=False).get(article.url)
    assert response.status_code == 500
    assert_strict_policy(response)


def test_public_pages_have_no_inline_script_or_event_handler(client, article):
    for url in ("/", article.url, "/tim-kiem/?q=thi"):
        html = client.get(url).content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            # Files from static/, or JSON-LD data blocks, which browsers never execute.
            assert " src=" in tag or 'type="application/ld+json"' in tag, tag
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", html), url
        assert "javascript:" not in html


@pytest.fixture
def admin_client(client, home):
    user = get_user_model().objects.create_superuser("quantri", "qt@example.gov.vn", "x")
    client.force_login(user)
    return client


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/images/"])
def test_admin_has_its_own_policy(admin_client, path):
    response = admin_client.get(path)
    assert response.status_code == 200
    assert_common_headers(response)
    policy = csp(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    # Page previews are framed by the admin, never by another site.
    assert policy["frame-ancestors"] == ["'self'"]


def test_admin_login_page_is_never_framed_by_another_site(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert csp(response)["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("view", ["view_draft", "edit/preview"])
def test_previews_have_the_admin_policy(admin_client, article, view):
    # view_draft renders the page through the middleware again, with the page's own path.
    response = admin_client.get(f"/admin/pages/{article.pk}/{view}/")
    assert response.status_code == 200
    assert csp(response)["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" in csp(response)["script-src"]


def test_session_and_csrf_cookies_are_http_only_where_needed(client, db, settings):
    get_user_model().objects.create_user("bientap", "bt@example.gov.vn", "mat-khau-dai-2024")
    login = client.get("/admin/login/")
    response = client.post(
        "/admin/login/",
        {
            "username": "bientap",
            "password": "mat-khau-dai-2024",
            "csrfmiddlewaretoken": login.cookies["csrftoken"].value,
        },
    )
    assert response.status_code == 302
    assert response.cookies[settings.SESSION_COOKIE_NAME]["httponly"]


def test_report_only_and_report_uri_are_configurable(client, article, settings):
    settings.CSP_REPORT_ONLY = True
    settings.CSP_REPORT_URI = "https://csp.example.gov.vn/report"
    response = client.get(article.url)
    assert "Content-Security-Policy" not in response
    policy = response["Content-Security-Policy-Report-Only"]
    assert "report-uri https://csp.example.gov.vn/report" in policy


def test_media_origins_extend_images_and_media():
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.conf import settings; print(settings.CSP_PUBLIC['img-src'])",
        ],
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "CSP_MEDIA_ORIGINS": "https://media.example.gov.vn"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (
        result.stdout.strip().splitlines()[-1] == "[\"'self'\", 'https://media.example.gov.vn']"
    ), result.stderr
