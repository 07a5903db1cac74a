"""What every page's head hands to browsers and search engines: a favicon, a description,
a canonical link; and `<time datetime>` values that HTML accepts."""

import io
import re
from datetime import timedelta
from html import unescape

import pytest
from django.utils import timezone
from PIL import Image

from articles.models import (
    AnnouncementIndexPage,
    AnnouncementPage,
    ArticleIndexPage,
    NewsArticlePage,
)

pytestmark = pytest.mark.django_db

# HTML's "valid global date and time string" (at most three digits of fractions) or a date.
VALID_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2}))?|\d{2}:\d{2}:\d{2}"
)


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def news(home):
    index = publish(home.add_child(instance=ArticleIndexPage(title="Tin tức", slug="tin-tuc")))
    article = NewsArticlePage(
        title="Hội nghị khoa học",
        slug="hoi-nghi",
        lead="Sáng nay, Sở tổ chức   hội nghị & tọa đàm.",
        date=timezone.now() - timedelta(days=1, microseconds=123456),
    )
    return publish(index.add_child(instance=article))


def get_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def descriptions(html):
    head = html.split("</head>", 1)[0]
    return [unescape(v) for v in re.findall(r'<meta name="description" content="([^"]*)">', head)]


def canonicals(html):
    return re.findall(r'<link rel="canonical" href="([^"]*)">', html.split("</head>", 1)[0])


def test_favicon_is_served_with_caching_and_linked(client, home):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    assert "max-age=86400" in response["Cache-Control"] and "public" in response["Cache-Control"]
    icon = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert icon.format == "ICO"
    assert '<link rel="icon" href="/favicon.ico">' in get_html(client, "/")


def test_description_falls_back_to_the_lead(client, news):
    assert descriptions(get_html(client, news.url)) == ["Sáng nay, Sở tổ chức hội nghị & tọa đàm."]
    news.search_description = "Mô tả cho máy tìm kiếm"
    publish(news)
    assert descriptions(get_html(client, news.url)) == ["Mô tả cho máy tìm kiếm"]


def test_description_of_an_announcement_is_its_summary(client, home):
    index = publish(home.add_child(instance=AnnouncementIndexPage(title="TB", slug="thong-bao")))
    notice = publish(
        index.add_child(instance=AnnouncementPage(title="TB 1", slug="tb-1", summary="Tóm tắt"))
    )
    assert descriptions(get_html(client, notice.url)) == ["Tóm tắt"]


def test_page_without_any_text_has_no_empty_description(client, home):
    assert descriptions(get_html(client, "/")) == []


def test_canonical_link_is_the_pages_absolute_url(client, news):
    assert canonicals(get_html(client, news.url)) == [news.get_full_url()]
    # Tracking parameters are dropped; what changes a listing is kept.
    assert canonicals(get_html(client, news.url + "?utm_source=zalo")) == [news.get_full_url()]
    index = news.get_parent()
    assert canonicals(get_html(client, index.url + "?tag=Khoa+h%E1%BB%8Dc&utm=x")) == [
        index.get_full_url() + "?tag=Khoa+h%E1%BB%8Dc"
    ]
    assert canonicals(get_html(client, index.url + "?page=1")) == [index.get_full_url()]
    assert canonicals(get_html(client, "/")) == [news.get_parent().get_parent().get_full_url()]


def test_time_datetime_values_are_valid_html(client, news, demo_content):
    urls = [
        news.url,
        news.get_parent().url,
        "/",
        demo_content.seed_report.url,
        "/khoi-thi-dua/khoi-van-hoa-xa-hoi/",
        "/tim-kiem/?q=h%E1%BB%99i+ngh%E1%BB%8B",
    ]
    for url in urls:
        values = re.findall(r'<time[^>]* datetime="([^"]*)"', get_html(client, url))
        assert values, url
        for value in values:
            assert VALID_DATETIME.fullmatch(value), (url, value)
            if "T" in value:
                assert value.endswith("+07:00"), (url, value)
