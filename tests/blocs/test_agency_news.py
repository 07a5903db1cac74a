"""An agency's profile says something useful: its contacts, the news naming it, and one
sentence where the emulation movement has recorded nothing about it."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from articles.models import (
    ArticleAgency,
    ArticleIndexPage,
    EventAgency,
    EventReportPage,
    NewsArticlePage,
)

pytestmark = pytest.mark.django_db
URL = "/khoi-thi-dua/don-vi/so-test/"
NO_CONTACTS = "This agency's address, phone, e-mail and website have not been published here yet."


def vi(message):
    with translation.override("vi"):
        return str(translation.gettext(message))


def section(html, heading_id):
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', html, re.S)
    assert match, heading_id
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(0)))


@pytest.fixture
def news_index(home):
    index = home.add_child(instance=ArticleIndexPage(title="Tin tức", slug="tin-tuc"))
    index.save_revision().publish()
    return index


@pytest.fixture
def agency(bloc_index, make_agency):
    return make_agency("Sở Thử nghiệm", slug="so-test")


@pytest.fixture
def make_news(news_index):
    def make(title, agencies=(), days_ago=1, live=True, model=NewsArticlePage, **fields):
        slug = re.sub(r"\W+", "-", title.lower()).strip("-")
        date = timezone.now() - timedelta(days=days_ago)
        page = model(title=title, slug=slug, lead="Tóm tắt", date=date, live=live, **fields)
        row = EventAgency if model is EventReportPage else ArticleAgency
        rows = [row(agency=agency) for agency in agencies]
        setattr(page, "participating_agencies" if row is EventAgency else "related_agencies", rows)
        page = news_index.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
        return page

    return make


def test_the_profile_shows_the_agencys_contacts(client, agency):
    agency.address, agency.phone = "Số 1 Đường Thử, Hải Phòng", "0225 3 123 456"
    agency.email, agency.website = "sotest@haiphong.gov.vn", "https://sotest.haiphong.gov.vn/"
    agency.save_revision().publish()
    contacts = section(client.get(URL).content.decode(), "contacts-title")
    assert "Số 1 Đường Thử, Hải Phòng" in contacts and "0225 3 123 456" in contacts
    assert "sotest@haiphong.gov.vn" in contacts and "https://sotest.haiphong.gov.vn/" in contacts
    missing = vi(
        "This agency's address, phone, e-mail and website have not been published here yet."
    )
    assert missing not in contacts


def test_missing_contacts_and_records_read_as_one_sentence_each(client, agency):
    html = client.get(URL).content.decode()
    assert vi(NO_CONTACTS) in section(html, "contacts-title")
    assert vi("No news names this agency yet.") in section(html, "news-title")
    blocs = section(html, "memberships-title")
    assert vi("Nothing has been recorded about this agency in the emulation blocs yet.") in blocs
    assert vi("Not recorded") not in html and vi("None recorded.") not in html


def test_the_profile_lists_published_news_naming_the_agency_newest_first(
    client, agency, make_agency, make_news, home
):
    other = make_agency("Sở Khác", slug="so-khac")
    make_news("Tin cũ về sở", [agency], days_ago=9)
    make_news("Tin mới về sở", [agency, other], days_ago=1)
    make_news(
        "Báo cáo hội nghị có sở",
        [agency],
        days_ago=5,
        model=EventReportPage,
        event_start=timezone.now() - timedelta(days=6),
    )
    make_news("Tin của sở khác", [other])
    make_news("Bản nháp về sở", [agency], live=False)
    private = make_news("Tin nội bộ về sở", [agency])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    news = section(client.get(URL).content.decode(), "news-title")
    titles = re.findall(r"Tin mới về sở|Báo cáo hội nghị có sở|Tin cũ về sở", news)
    assert titles == ["Tin mới về sở", "Báo cáo hội nghị có sở", "Tin cũ về sở"]
    for hidden in ("Tin của sở khác", "Bản nháp về sở", "Tin nội bộ về sở"):
        assert hidden not in news


def count_queries(client):
    client.get(URL)  # the site's caches (settings, menus) filled
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_news(client, agency, make_news):
    for number in range(2):
        make_news(f"Tin số {number}", [agency], days_ago=number + 1)
    few = count_queries(client)
    for number in range(2, 30):
        make_news(f"Tin số {number}", [agency], days_ago=number + 1)
    assert count_queries(client) == few


def test_publishing_or_unpublishing_news_purges_the_profile(
    settings, django_capture_on_commit_callbacks, agency, make_news
):
    from tests.performance.conftest import RecordingBackend

    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "tests.performance.conftest.RecordingBackend"}
    }
    RecordingBackend.purged = []
    profile = "http://testserver" + URL
    with django_capture_on_commit_callbacks(execute=True):
        page = make_news("Tin về sở", [agency])
    assert profile in RecordingBackend.purged
    RecordingBackend.purged = []
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert profile in RecordingBackend.purged
    RecordingBackend.purged = []
    page.related_agencies = []
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert profile in RecordingBackend.purged
