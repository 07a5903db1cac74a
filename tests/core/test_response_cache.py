"""Whole anonymous answers from Django's cache: kept, shared only where nothing is personal,
replaced at once by any change, and rendered once by the first readers after one."""

import datetime
import re
import threading

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from freezegun import freeze_time
from wagtail import hooks
from wagtail.models import Collection, Locale, Page, PageViewRestriction

from articles.models import EventReportPage
from demo.content import DemoContent
from demo.data import SEED_SLUG
from home.models import PortalSettings
from snippets.models import Banner

EMC = "https://emc.example.gov.vn/tracking/emc.js?id=123"


@pytest.fixture(autouse=True)
def response_cache(settings):
    settings.RESPONSE_CACHE_SECONDS = 3600
    settings.RESPONSE_CACHE_WAIT_SECONDS = 5


@pytest.fixture
def report(demo_content):
    return EventReportPage.objects.get(slug=SEED_SLUG)


def queries_of(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, len(queries)


@pytest.mark.django_db
@pytest.mark.usefixtures("local_midday")
def test_a_second_reader_is_answered_from_the_cache_with_the_same_answer(client, report):
    first, first_queries = queries_of(client, report.url)
    second, second_queries = queries_of(Client(), report.url)
    assert first.status_code == second.status_code == 200
    assert first_queries > 0
    assert second_queries == 0
    assert second.content == first.content
    assert first["Cache-Control"] == "public, max-age=60, s-maxage=3600"
    # Counted down from the first render: a cache in front keeps it no longer than that.
    max_age, s_maxage = lifetimes(second)
    assert max_age == 60
    assert 3590 <= s_maxage <= 3600
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["Content-Type"] == first["Content-Type"]


@pytest.mark.django_db
def test_a_publish_shows_at_once(client, report):
    client.get(report.url)
    report.title = "Tiêu đề mới sau khi xuất bản"
    report.save_revision().publish()
    assert "Tiêu đề mới sau khi xuất bản" in client.get(report.url).content.decode()


@pytest.mark.django_db
def test_an_unpublished_page_is_gone_at_once(client, report):
    client.get(report.url)
    report.unpublish()
    assert client.get(report.url).status_code == 404


@pytest.mark.django_db
def test_a_page_made_private_is_not_served_from_the_cache(client, report):
    lead = report.lead[:40]
    assert lead in client.get(report.url).content.decode()
    PageViewRestriction.objects.create(
        page=report, restriction_type=PageViewRestriction.PASSWORD, password="bí mật"
    )
    response = client.get(report.url)
    assert lead not in response.content.decode()
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_signed_in_users_and_sessions_always_reach_the_view(client, report, editor):
    Client().get(report.url)
    client.force_login(editor)
    response, queries = queries_of(client, report.url)
    assert queries > 0
    assert "no-store" in response["Cache-Control"]
    # A made-up session cookie also goes past the cache (and gets the public answer).
    stranger = Client()
    stranger.cookies["sessionid"] = "made-up"
    response, queries = queries_of(stranger, report.url)
    assert queries > 0
    assert "public" in response["Cache-Control"]


@pytest.mark.django_db
def test_answers_that_are_not_shared_are_not_kept(client, demo_content):
    for _ in range(2):
        response, queries = queries_of(client, "/khong-co-trang-nay/")
        assert response.status_code == 404
        assert queries > 0
    response = client.post("/tim-kiem/", {"q": "thi đua"})
    assert response.status_code in (200, 405)


@pytest.mark.django_db
def test_the_api_json_and_its_browsable_html_are_kept_apart(client, report):
    json_answer = client.get("/api/v2/pages/", HTTP_ACCEPT="application/json")
    html_answer = client.get("/api/v2/pages/", HTTP_ACCEPT="text/html")
    assert json_answer["Content-Type"].startswith("application/json")
    assert html_answer["Content-Type"].startswith("text/html")
    again, queries = queries_of(client, "/api/v2/pages/", HTTP_ACCEPT="application/json")
    assert queries == 0
    assert again.content == json_answer.content


@pytest.mark.django_db
def test_the_sources_a_page_added_to_its_policy_come_back_with_it(client, demo_content):
    settings = PortalSettings.objects.get()
    settings.emc_script_url = EMC
    settings.save()
    client.get("/")
    response, queries = queries_of(Client(), "/")
    assert queries == 0
    assert "https://emc.example.gov.vn" in response["Content-Security-Policy"]
    # The API's policy stays strict.
    assert "emc.example" not in client.get("/api/v2/pages/")["Content-Security-Policy"]


@pytest.mark.django_db
def test_a_deploy_replaces_what_was_kept(client, report):
    """`migrate` runs on every deploy: its answers come from the new code and settings."""
    client.get(report.url)
    call_command("migrate", verbosity=0)
    _response, queries = queries_of(client, report.url)
    assert queries > 0


@pytest.mark.django_db
def test_the_cache_can_be_turned_off(client, report, settings):
    settings.RESPONSE_CACHE_SECONDS = 0
    client.get(report.url)
    _response, queries = queries_of(client, report.url)
    assert queries > 0


@pytest.mark.django_db(transaction=True)
def test_fifty_readers_after_a_change_cost_one_render(settings):
    # A transactional test before this one may have emptied what migrations made.
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    DemoContent().load()
    url = EventReportPage.objects.get(slug=SEED_SLUG).url
    renders = []
    start = threading.Barrier(50)
    statuses = []

    def count(page, request, *args, **kwargs):
        renders.append(page.pk)

    def read():
        try:
            start.wait()
            statuses.append(Client().get(url).status_code)
        finally:
            connection.close()

    with hooks.register_temporarily("before_serve_page", count):
        readers = [threading.Thread(target=read) for _ in range(50)]
        for reader in readers:
            reader.start()
        for reader in readers:
            reader.join()
    assert statuses == [200] * 50
    assert len(renders) == 1


def lifetimes(response):
    """(max-age, s-maxage) of a public answer."""
    cache_control = response["Cache-Control"]
    assert cache_control.startswith("public"), cache_control
    return tuple(
        int(re.search(rf"\b{name}=(\d+)", cache_control).group(1))
        for name in ("max-age", "s-maxage")
    )


@pytest.mark.django_db
@pytest.mark.usefixtures("local_midday")
@pytest.mark.parametrize(
    "placement, text",
    [
        (Banner.Placement.HEADER, "Chào mừng Quốc khánh"),
        # The home page's own banners, read by the page rather than the site-wide chrome.
        (Banner.Placement.HOME, "Ngày Khoa học Công nghệ"),
    ],
)
def test_a_banner_is_not_kept_past_its_end(client, home, make_banner, placement, text):
    """No publish purges a banner that ends on schedule: no cache may keep it longer."""
    ends = timezone.now() + datetime.timedelta(minutes=2)
    make_banner(placement, alt_text=text, ends_at=ends)
    first = client.get("/")
    assert text in first.content.decode()
    assert all(0 < seconds <= 120 for seconds in lifetimes(first))
    with freeze_time(ends - datetime.timedelta(seconds=30)):
        second = Client().get("/")  # from the cache, 30 seconds before the end
        assert text in second.content.decode()
        assert all(seconds <= 30 for seconds in lifetimes(second))
    with freeze_time(ends + datetime.timedelta(seconds=1)):
        assert text not in Client().get("/").content.decode()


@pytest.mark.django_db
def test_a_page_is_kept_no_later_than_midnight_when_its_date_line_changes(client, report):
    evening = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate(), datetime.time(23, 59))
    )
    with freeze_time(evening):
        before = client.get(report.url)
        assert lifetimes(before) == (60, 60)
        today = re.search(r"data-date-line>(.*?)<", before.content.decode()).group(1)
    with freeze_time(evening + datetime.timedelta(minutes=2)):
        after = Client().get(report.url).content.decode()
        assert re.search(r"data-date-line>(.*?)<", after).group(1) != today
