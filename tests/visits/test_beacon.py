"""The beacon counts readers' page views, and only theirs, and answers with the figures."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from freezegun import freeze_time

from visits.requests import page_token

from .conftest import CHROME

pytestmark = pytest.mark.django_db


def figures(response):
    assert response.status_code == 200, response.content
    return response.json()


def test_distinct_visitors_and_views(beacon):
    assert figures(beacon(ip="203.0.113.1")) == {
        "online": 1,
        "today": 1,
        "this_week": 1,
        "total": 1,
    }
    beacon(ip="203.0.113.1")
    beacon(ip="203.0.113.2")
    data = figures(beacon(ip="203.0.113.2", ua=CHROME.replace("126", "127")))
    assert data == {"online": 3, "today": 3, "this_week": 3, "total": 3}


def test_answer_is_never_cached(beacon):
    response = beacon()
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    "ua",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "facebookexternalhit/1.1",
        "Mozilla/5.0 (compatible; coccocbot-web/1.0)",
        "curl/8.5.0",
        "python-requests/2.32",
        "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/126.0 Safari/537.36",
        "",
    ],
)
def test_bots_are_not_counted(beacon, ua):
    data = figures(beacon(ua=ua))
    assert data["today"] == 0
    assert figures(beacon())["today"] == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_PURPOSE": "prefetch"},
        {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
        {"HTTP_PURPOSE": "prefetch"},
        {"HTTP_X_MOZ": "prefetch"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
    ],
)
def test_prefetches_and_other_sites_are_not_counted(beacon, headers):
    assert figures(beacon(**headers))["today"] == 0


def test_page_views_of_a_rendered_page(beacon, any_page):
    token = page_token(any_page.pk)
    assert figures(beacon(page=token))["page_views"] == 1
    assert figures(beacon(ip="198.51.100.3", page=token))["page_views"] == 2
    assert "page_views" not in figures(beacon())


def test_a_forged_page_is_refused(beacon, any_page):
    response = beacon(page=f"{any_page.pk}:forged")
    assert response.status_code == 400
    assert response.json() == {"message": "page: trang không xác định"}
    assert figures(beacon())["today"] == 1


def test_only_post(client):
    assert client.get("/visits/beacon/").status_code == 405


def test_the_pixel_counts_readers_without_javascript(client, beacon, any_page):
    token = page_token(any_page.pk)
    response = client.get(
        "/visits/pixel.gif", {"page": token}, REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT=CHROME
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "image/gif"
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"GIF89a")
    data = figures(beacon(ip="203.0.113.10", page=token))
    assert data["today"] == 2
    assert data["page_views"] == 2
    assert client.get("/visits/pixel.gif", {"page": "1:x"}).status_code == 400


def test_behind_a_proxy_the_forwarded_address_is_the_reader(beacon, settings):
    settings.VISITS_TRUSTED_PROXIES = 1
    for reader in ("203.0.113.1", "203.0.113.2"):
        beacon(ip="127.0.0.1", HTTP_X_FORWARDED_FOR=f"10.0.0.1, {reader}")
    assert figures(beacon(ip="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.2"))["today"] == 2


def test_beacon_reads_no_database_once_warm(beacon, django_assert_num_queries, any_page):
    token = page_token(any_page.pk)
    beacon(page=token)  # also folds (once per VISITS_FOLD_INTERVAL), which renews the bases
    beacon(page=token)
    with django_assert_num_queries(0):
        for n in range(5):
            beacon(ip=f"203.0.113.{n + 20}", page=token)


def test_no_address_is_stored(beacon, any_page):
    from django.core.management import call_command

    beacon(ip="203.0.113.77", page=page_token(any_page.pk))
    beacon(ip="2001:db8::77")
    call_command("fold_visits")
    import io

    out = io.StringIO()
    call_command("dumpdata", "visits", "wagtailcore.page", stdout=out)
    dump = out.getvalue()
    assert '"visitors": 2' in dump
    assert "203.0.113.77" not in dump
    assert "2001:db8::77" not in dump
    assert not re.search(r"\b203\.0\.113\.\d+", dump)


@pytest.fixture
def limits(settings):
    """The per-client bounds on, as in production (the test settings turn limits off)."""
    settings.RATE_LIMIT_ENABLED = True
    settings.VISITS_VIEWS_PER_MINUTE = 30
    settings.VISITS_VISITORS_PER_ADDRESS = 100
    return settings


def test_one_address_cannot_invent_visitors(beacon, limits):
    """200 beacons with 200 User-Agents from one address add at most the address's bound."""
    answers = [beacon(ua=CHROME.replace("126.0", f"126.{n}")) for n in range(200)]
    assert [a.status_code for a in answers] == [200] * 100 + [429] * 100
    assert answers[-1]["Retry-After"].isdigit() and "no-store" in answers[-1]["Cache-Control"]
    assert figures(beacon(ip="198.51.100.1"))["today"] == 101


def test_visitors_admitted_keep_counting_the_others_wait_for_tomorrow(beacon, limits):
    limits.VISITS_VISITORS_PER_ADDRESS = 3
    browsers = [CHROME.replace("126.0", f"126.{n}") for n in range(5)]
    assert [beacon(ua=ua).status_code for ua in browsers] == [200, 200, 200, 429, 429]
    assert beacon(ua=browsers[1]).status_code == 200
    assert beacon(ua=browsers[4]).status_code == 429
    with freeze_time(timezone.now() + timedelta(days=1)):
        assert beacon(ua=browsers[4]).status_code == 200


def test_one_ipv6_network_cannot_invent_visitors(beacon, limits):
    """A machine holds a whole /64: a new address per beacon is still one client."""
    limits.VISITS_VISITORS_PER_ADDRESS = 3
    answers = [beacon(ip=f"2001:db8:5:6::{n + 1:x}").status_code for n in range(5)]
    assert answers == [200, 200, 200, 429, 429]
    assert beacon(ip="2001:db8:5:7::1").status_code == 200


def test_replayed_beacons_add_bounded_page_views(beacon, limits, any_page):
    token = page_token(any_page.pk)
    answers = [beacon(page=token) for _ in range(200)]
    assert [a.status_code for a in answers] == [200] * 30 + [429] * 170
    data = figures(beacon(ip="198.51.100.1", page=token))
    assert (data["today"], data["page_views"]) == (2, 31)


def test_readers_behind_one_nat_still_count_one_by_one(beacon, limits, any_page):
    """An office behind one address: each browser is a visitor, each reading a view."""
    token = page_token(any_page.pk)
    browsers = [CHROME.replace("126.0", f"126.{n}") for n in range(40)]
    for _ in range(3):
        for ua in browsers:
            assert beacon(ua=ua, page=token).status_code == 200
    data = figures(beacon(ua=browsers[0], page=token))
    assert (data["today"], data["page_views"]) == (40, 121)


def test_the_pixel_is_bounded_too(client, beacon, limits, any_page):
    token = page_token(any_page.pk)
    for _ in range(40):
        response = client.get(
            "/visits/pixel.gif", {"page": token}, REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT=CHROME
        )
        assert response.status_code == 200
    assert figures(beacon(ip="198.51.100.1", page=token))["page_views"] == 31
