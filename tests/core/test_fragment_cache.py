"""Site-wide fragments kept in the cache (home/fragments.py): a change shows at once."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import Page

from articles.models import ArticleIndexPage
from core.fragments import VERSION_KEY
from snippets.models import Banner

from .conftest import publish

pytestmark = pytest.mark.django_db


def html_of(client, url="/"):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def menu_of(client, url="/"):
    return re.search(r'<nav class="main-nav".*?</nav>', html_of(client, url), re.S).group(0)


def sidebar_of(client, url="/"):
    return re.search(r'<aside class="layout__sidebar".*?</aside>', html_of(client, url), re.S)[0]


def test_fragments_come_from_the_cache(client, news_section):
    html_of(client, news_section.url)  # also creates the site's settings: no change shown
    with CaptureQueriesContext(connection) as first:
        html_of(client, news_section.url)
    with CaptureQueriesContext(connection) as second:
        html_of(client, news_section.url)
    assert len(second) == len(first)
    cache.delete(VERSION_KEY)
    with CaptureQueriesContext(connection) as recomputed:
        html_of(client, news_section.url)
    assert len(recomputed) > len(first)


def test_menu_follows_publish_unpublish_and_move(client, home, news_section):
    news_section.show_in_menus = True
    publish(news_section)
    assert "Tin tức - Sự kiện" in menu_of(client)
    documents = home.add_child(
        instance=ArticleIndexPage(
            title="Văn bản chỉ đạo", slug="van-ban", show_in_menus=True, live=False
        )
    )
    assert "Văn bản chỉ đạo" not in menu_of(client)
    publish(documents)
    assert "Văn bản chỉ đạo" in menu_of(client)
    documents.move(news_section, pos="last-child")
    assert "Văn bản chỉ đạo" not in menu_of(client)
    news_section = Page.objects.get(pk=news_section.pk).specific
    news_section.unpublish()
    assert "Tin tức - Sự kiện" not in menu_of(client)


def test_banner_changes_show_at_once(client, home, make_banner):
    banner = make_banner(Banner.Placement.SIDEBAR, alt_text="Dịch vụ công trực tuyến")
    assert "Dịch vụ công trực tuyến" in sidebar_of(client)
    banner.alt_text = "Cổng dịch vụ công quốc gia"
    banner.save_revision().publish()
    assert "Cổng dịch vụ công quốc gia" in sidebar_of(client)
    banner.unpublish()
    assert "Cổng dịch vụ công quốc gia" not in sidebar_of(client)


def test_a_banner_is_not_shown_past_its_end(client, home, make_banner):
    now = timezone.now()
    make_banner(
        Banner.Placement.HEADER, alt_text="Chào mừng Quốc khánh", ends_at=now + timedelta(minutes=2)
    )
    assert "Chào mừng Quốc khánh" in html_of(client)
    with freeze_time(now + timedelta(minutes=3)):
        assert "Chào mừng Quốc khánh" not in html_of(client)


def test_announcements_follow_publish_and_unpublish(client, home, make_announcement):
    make_announcement(title="Lịch tiếp công dân tháng 12")
    assert "Lịch tiếp công dân tháng 12" in sidebar_of(client)
    later = make_announcement(title="Thông báo tuyển dụng công chức", date=timezone.now())
    assert "Thông báo tuyển dụng công chức" in sidebar_of(client)
    later.unpublish()
    assert "Thông báo tuyển dụng công chức" not in sidebar_of(client)


def test_settings_changes_show_at_once(client, portal_settings):
    assert "Sở KH&amp;CN Hải Phòng" in html_of(client)
    portal_settings.portal_name = "Cổng thông tin Sở Khoa học và Công nghệ"
    portal_settings.save()
    assert "Cổng thông tin Sở Khoa học và Công nghệ" in html_of(client)


def test_listing_pages_follow_publishing(client, news_section, make_article):
    news_section.per_page = 1
    publish(news_section)
    make_article()
    make_article()
    assert client.get(news_section.url + "?page=2").status_code == 200
    assert client.get(news_section.url + "?page=3").status_code == 404
    third = make_article()
    assert client.get(news_section.url + "?page=3").status_code == 200
    third.unpublish()
    assert client.get(news_section.url + "?page=3").status_code == 404


def test_api_total_count_follows_publishing(client, news_section, make_article):
    url = "/api/v2/pages/?type=articles.NewsArticlePage&fields=*"

    def total():
        response = client.get(url)
        assert response.status_code == 200
        return response.json()["meta"]["total_count"]

    make_article()
    assert total() == 1
    second = make_article()
    assert total() == 2
    second.unpublish()
    assert total() == 1
    assert client.get(url + "&limit=abc").status_code == 400
