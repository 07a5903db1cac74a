"""Admin sessions end after SESSION_COOKIE_AGE seconds without a request."""

import pytest
from django.conf import settings
from django.urls import reverse
from freezegun import freeze_time

PASSWORD = "mat-khau-dai-2024"


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser(username="quantri", password=PASSWORD)


def sign_in(client, **data):
    response = client.post(
        reverse("wagtailadmin_login"), {"username": "quantri", "password": PASSWORD, **data}
    )
    assert response.status_code == 302
    return response


def dashboard(client):
    return client.get(reverse("wagtailadmin_home"))


def test_default_is_eight_hours_renewed_by_every_request():
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST


def test_activity_keeps_the_session_and_inactivity_ends_it(client, editor, settings):
    settings.SESSION_COOKIE_AGE = 3600
    with freeze_time("2024-11-17 08:00:00") as clock:
        sign_in(client, remember="on")
        for _ in range(3):
            clock.tick(50 * 60)
            response = dashboard(client)
            assert response.status_code == 200
            assert settings.SESSION_COOKIE_NAME in response.cookies

        clock.tick(61 * 60)
        response = dashboard(client)
        assert response.status_code == 302
        assert reverse("wagtailadmin_login") in response["Location"]


def test_a_browser_session_also_ends_after_inactivity(client, editor, settings):
    """Without "remember me" the cookie dies with the browser, or after SESSION_COOKIE_AGE."""
    settings.SESSION_COOKIE_AGE = 3600
    with freeze_time("2024-11-17 08:00:00") as clock:
        sign_in(client)
        clock.tick(59 * 60)
        assert dashboard(client).status_code == 200
        clock.tick(61 * 60)
        assert dashboard(client).status_code == 302


def test_anonymous_answers_stay_cookie_free_and_cacheable(client, db):
    for url in ("/robots.txt", "/api/v2/pages/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url
        assert "public" in response["Cache-Control"], url
