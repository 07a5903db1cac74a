"""Anonymous clients of the API and the feeds are rate limited per address."""

import json

import pytest
from django.urls import reverse
from freezegun import freeze_time

from tests.api.conftest import news_index  # noqa: F401 (fixtures)

API = "/api/v2/pages/"
READER = "198.51.100.4"
OTHER_READER = "198.51.100.77"


@pytest.fixture(autouse=True)
def _limit(settings):
    settings.RATE_LIMIT_ENABLED = True
    settings.RATE_LIMIT_REQUESTS = 3
    settings.RATE_LIMIT_WINDOW = 60


@pytest.fixture
def clock():
    with freeze_time("2024-11-17 09:00:10") as frozen:
        yield frozen


def get(client, url, address=READER, **extra):
    return client.get(url, REMOTE_ADDR=address, **extra)


def test_api_answers_429_with_retry_after_past_the_limit(client, db, clock):
    for _ in range(3):
        assert get(client, API).status_code == 200

    response = get(client, API)

    assert response.status_code == 429
    assert response["Retry-After"] == "50"
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {
        "message": "Quá nhiều yêu cầu. Vui lòng thử lại sau 50 giây."
    }
    assert response["Cache-Control"] == "no-store"
    assert "public" not in response["Cache-Control"]
    # Other portals' scripts in a browser can read the answer (CORS as for any API answer).
    assert get(client, API, HTTP_ORIGIN="https://example.gov.vn")["Access-Control-Allow-Origin"]


def test_another_client_is_not_limited(client, db):
    for _ in range(4):
        get(client, API)
    assert get(client, API).status_code == 429
    assert get(client, API, address=OTHER_READER).status_code == 200


def test_the_next_window_answers_again(client, db, clock):
    for _ in range(4):
        get(client, API)
    clock.tick(49)
    assert get(client, API).status_code == 429
    clock.tick(1)
    assert get(client, API).status_code == 200


def test_every_api_url_counts_towards_one_limit(client, db):
    for url in (API, "/api/v2/openapi.json", "/api/v2/pages/?limit=1"):
        assert get(client, url).status_code == 200
    assert get(client, "/api/v2/agencies/").status_code == 429


def test_feeds_answer_429_in_plain_text(client, news_index):  # noqa: F811
    feed = news_index.url + "rss/"
    for _ in range(3):
        assert get(client, feed).status_code == 200
    response = get(client, news_index.url + "atom/")
    assert response.status_code == 429
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Quá nhiều yêu cầu" in response.content.decode()
    assert int(response["Retry-After"]) > 0
    assert response["Cache-Control"] == "no-store"


def test_html_pages_are_not_limited(client, news_index):  # noqa: F811
    for _ in range(6):
        assert get(client, news_index.url).status_code == 200
        assert get(client, "/robots.txt").status_code == 200
        assert get(client, reverse("wagtailadmin_login")).status_code == 200


def test_signed_in_users_are_not_limited(client, django_user_model):
    user = django_user_model.objects.create_superuser(username="quantri", password="x")
    client.force_login(user)
    for _ in range(6):
        assert get(client, API).status_code == 200


def test_address_behind_nginx_is_the_forwarded_one(client, db, settings):
    settings.VISITS_TRUSTED_PROXIES = 1
    for _ in range(4):
        get(client, API, address="127.0.0.1", HTTP_X_FORWARDED_FOR=READER)
    assert get(client, API, HTTP_X_FORWARDED_FOR=READER).status_code == 429
    assert get(client, API, HTTP_X_FORWARDED_FOR=OTHER_READER).status_code == 200
    # A client cannot dodge the limit by adding addresses of its own in front.
    spoofed = f"203.0.113.1, {READER}"
    assert get(client, API, HTTP_X_FORWARDED_FOR=spoofed).status_code == 429


def test_the_limit_can_be_turned_off(client, db, settings):
    settings.RATE_LIMIT_ENABLED = False
    for _ in range(6):
        assert get(client, API).status_code == 200


def test_redis_down_lets_every_request_through(client, db, redis_down):
    with redis_down:
        for _ in range(6):
            assert get(client, API).status_code == 200


def test_a_client_past_its_limit_is_still_answered_what_django_keeps(client, db, clock, settings):
    """A kept answer (core.response_cache) costs the origin what nginx's would: it is not
    counted; whatever must be rendered is."""
    settings.RESPONSE_CACHE_SECONDS = 3600
    for _ in range(5):
        assert get(client, API).status_code == 200  # rendered once, then kept
    assert get(client, f"{API}?limit=1").status_code == 200
    assert get(client, f"{API}?limit=2").status_code == 200
    assert get(client, f"{API}?limit=3").status_code == 429
    assert get(client, API).status_code == 200
