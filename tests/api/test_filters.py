"""The listing filters of issue #6: agency, bloc, year, tag, published_after/before, order by
date, and updated_since on every endpoint for an incremental sync."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page

from articles.models import AnnouncementPage, EventReportPage, NewsArticlePage
from blocs.models import BlocPage
from snippets.models import Agency

from .conftest import publish

pytestmark = pytest.mark.django_db

ARTICLES = "articles.NewsArticlePage"


def ids(client, url, params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["meta"]["total_count"] == len(data["items"])
    return [item["id"] for item in data["items"]]


@pytest.fixture
def seed(demo_content):
    return EventReportPage.objects.live().get(bloc_term__isnull=False)


def test_agency_by_id_or_slug(client, seed):
    agency = Agency.objects.live().get(slug="so-gddt")
    assert seed.pk in ids(client, "/api/v2/pages/", {"agency": agency.slug})
    assert seed.pk in ids(client, "/api/v2/pages/", {"agency": str(agency.pk)})
    other = (
        NewsArticlePage.objects.live().exclude(pk=seed.pk).exclude(related_agencies__agency=agency)
    )
    found = ids(client, "/api/v2/pages/", {"agency": agency.slug, "limit": 100})
    assert not set(found) & set(other.values_list("pk", flat=True))
    assert ids(client, "/api/v2/pages/", {"agency": "khong-ton-tai"}) == []


def test_bloc_keeps_its_event_reports(client, seed):
    bloc = BlocPage.objects.live().get(pk=seed.bloc_term.bloc_id)
    assert ids(client, "/api/v2/pages/", {"bloc": bloc.slug}) == [seed.pk]
    assert ids(client, "/api/v2/pages/", {"bloc": str(bloc.pk)}) == [seed.pk]
    assert ids(client, "/api/v2/pages/", {"bloc": "999999"}) == []


def test_year_and_dates(client, seed):
    year = timezone.localtime(seed.date).year
    assert seed.pk in ids(client, "/api/v2/pages/", {"year": year, "limit": 100})
    assert seed.pk not in ids(client, "/api/v2/pages/", {"year": year + 1, "limit": 100})
    day = timezone.localtime(seed.date).date().isoformat()
    params = {"published_after": day, "published_before": day, "limit": 100}
    assert seed.pk in ids(client, "/api/v2/pages/", params)
    after = (timezone.localtime(seed.date) + timedelta(minutes=1)).isoformat()
    assert seed.pk not in ids(client, "/api/v2/pages/", {"published_after": after, "limit": 100})
    assert seed.pk in ids(client, "/api/v2/pages/", {"published_before": after, "limit": 100})


def test_tag_by_name_or_slug(client, seed):
    tag = seed.tags.first()
    assert seed.pk in ids(client, "/api/v2/pages/", {"tag": tag.name})
    assert seed.pk in ids(client, "/api/v2/pages/", {"tag": tag.slug})
    assert ids(client, "/api/v2/pages/", {"tag": "khong-co-the-nay"}) == []


def test_order_by_date(client, make_article):
    for _ in range(3):
        make_article()
    newest_first = ids(client, "/api/v2/pages/", {"type": ARTICLES, "order": "-date"})
    oldest_first = ids(client, "/api/v2/pages/", {"type": ARTICLES, "order": "date"})
    assert len(newest_first) == 3
    assert oldest_first == newest_first[::-1]
    dates = [NewsArticlePage.objects.get(pk=pk).date for pk in newest_first]
    assert dates == sorted(dates, reverse=True)


def test_order_several_types_by_the_date_they_all_have(client, demo_content):
    def dates(types, order):
        response = client.get("/api/v2/pages/", {"type": types, "order": order, "limit": 100})
        assert response.status_code == 200, response.content
        pages = {
            page.pk: page
            for page in Page.objects.filter(
                pk__in=[item["id"] for item in response.json()["items"]]
            ).specific()
        }
        return [pages[item["id"]] for item in response.json()["items"]]

    news_and_reports = "articles.NewsArticlePage,articles.EventReportPage"
    newest = dates(news_and_reports, "-date")
    assert len(newest) == NewsArticlePage.objects.live().count()
    assert [page.date for page in newest] == sorted((page.date for page in newest), reverse=True)
    assert dates(news_and_reports, "date") == newest[::-1]
    # Types that share no model but each have a date: articles and announcements.
    mixed = dates("articles.EventReportPage,articles.AnnouncementPage", "-date")
    assert {type(page) for page in mixed} == {EventReportPage, AnnouncementPage}
    assert [page.date for page in mixed] == sorted((page.date for page in mixed), reverse=True)
    # Page's own fields still order, and a field one of the types lacks is a clear 400.
    response = client.get("/api/v2/pages/", {"type": news_and_reports, "order": "title"})
    assert response.status_code == 200
    response = client.get("/api/v2/pages/", {"type": news_and_reports, "order": "venue"})
    assert response.status_code == 400 and "venue" in response.json()["message"]


def test_pages_carry_last_published_at(client, make_article):
    article = make_article()
    item = client.get("/api/v2/pages/", {"type": ARTICLES}).json()["items"][0]
    assert (
        item["meta"]["last_published_at"]
        == article.last_published_at.isoformat().replace("+00:00", "Z")
        or item["meta"]["last_published_at"]
    )
    detail = client.get(f"/api/v2/pages/{article.pk}/").json()
    assert detail["meta"]["last_published_at"]


def test_updated_since_incremental_sync_of_pages(client, make_article):
    first = make_article()
    noted = timezone.now()
    second = make_article()
    draft = make_article()
    draft.unpublish()
    found = ids(client, "/api/v2/pages/", {"updated_since": noted.isoformat()})
    assert found == [second.pk]
    # Republishing the first brings it back.
    publish(first)
    found = ids(client, "/api/v2/pages/", {"updated_since": noted.isoformat()})
    assert sorted(found) == sorted([first.pk, second.pk])


def test_updated_since_of_snippets(client, make_agency):
    make_agency()
    noted = timezone.now()
    second = make_agency()
    assert ids(client, "/api/v2/agencies/", {"updated_since": noted.isoformat()}) == [second.pk]
    utc = noted.astimezone(datetime.now().astimezone().tzinfo).isoformat()
    assert ids(client, "/api/v2/agencies/", {"updated_since": utc}) == [second.pk]
    future = (timezone.localdate(noted) + timedelta(days=1)).isoformat()
    assert ids(client, "/api/v2/agencies/", {"updated_since": future}) == []


def test_published_range_of_snippets(client, make_agency):
    agency = make_agency()
    today = timezone.localdate().isoformat()
    assert ids(client, "/api/v2/agencies/", {"published_before": today}) == [agency.pk]
    assert ids(client, "/api/v2/agencies/", {"published_after": today}) == [agency.pk]
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert ids(client, "/api/v2/agencies/", {"published_after": tomorrow}) == []


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_updated_since_of_media_uses_upload_time(client, demo_content, endpoint):
    items = client.get(f"/api/v2/{endpoint}/", {"limit": 100}).json()["items"]
    assert items and all(item["meta"]["created_at"] for item in items)
    past = (timezone.now() - timedelta(days=1)).isoformat()
    assert len(ids(client, f"/api/v2/{endpoint}/", {"updated_since": past, "limit": 100})) == len(
        items
    )
    future = (timezone.now() + timedelta(days=1)).isoformat()
    assert ids(client, f"/api/v2/{endpoint}/", {"updated_since": future}) == []


@pytest.mark.parametrize("endpoint", ["pages", "agencies", "people", "awards", "banners", "blocs"])
def test_updated_since_everywhere(client, demo_content, endpoint):
    past = (timezone.now() - timedelta(days=1)).isoformat()
    assert ids(client, f"/api/v2/{endpoint}/", {"updated_since": past, "limit": 100})
    future = (timezone.now() + timedelta(days=1)).isoformat()
    assert ids(client, f"/api/v2/{endpoint}/", {"updated_since": future}) == []


@pytest.mark.parametrize("endpoint", ["agencies", "people", "awards", "blocs"])
def test_snippet_listings_search_order_paginate(client, demo_content, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", {"limit": 1, "offset": 1})
    data = response.json()
    assert response.status_code == 200
    assert data["meta"]["total_count"] >= 1 and len(data["items"]) <= 1
    assert client.get(f"/api/v2/{endpoint}/", {"search": "sở"}).status_code == 200
    assert client.get(f"/api/v2/{endpoint}/", {"order": "-id"}).status_code == 200
