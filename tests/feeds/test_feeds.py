"""RSS and Atom feeds of the article sections, and the feed links in the page head."""

import re
from datetime import timedelta

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from articles.models import ArticleIndexPage, NewsArticlePage

from .conftest import publish

pytestmark = pytest.mark.django_db

FEEDS = ["/tin-tuc/rss/", "/tin-tuc/atom/"]


def get_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response, feedparser.parse(response.content)


@pytest.mark.parametrize("url", FEEDS)
def test_feed_lists_the_articles_newest_first_with_their_facts(
    client, article_factory, news_index, url
):
    older = article_factory(title="Tin cũ", author="Chiêu Minh")
    newer = article_factory(
        title="Tin mới", lead="Tóm tắt tin mới", date=timezone.now(), author="Ban biên tập"
    )
    response, feed = get_feed(client, url)
    assert not feed.bozo, feed.bozo_exception
    kind = "rss" if "rss" in url else "atom"
    assert response["Content-Type"].startswith(f"application/{kind}+xml")
    assert feed.version.startswith(kind)
    assert feed.feed.title == news_index.title
    assert feed.feed.link == news_index.get_full_url()
    assert feed.feed.language == "vi"
    assert [entry.title for entry in feed.entries] == ["Tin mới", "Tin cũ"]

    entry = feed.entries[0]
    assert entry.link == newer.get_full_url()
    assert entry.id == newer.get_full_url()  # stable guid
    assert entry.summary == "Tóm tắt tin mới"
    assert entry.author == "Ban biên tập"
    published = entry.published_parsed
    assert (published.tm_year, published.tm_mon, published.tm_mday) == newer.date.utctimetuple()[:3]
    (enclosure,) = [link for link in entry.links if link.rel == "enclosure"]
    assert enclosure.href.startswith("http://testserver/") and "fill-480x320" in enclosure.href
    assert enclosure.type.startswith("image/")
    assert int(enclosure.length) > 0
    assert feed.entries[1].link == older.get_full_url()


def test_rss_guid_is_a_permalink(client, article_factory):
    article = article_factory()
    content = client.get("/tin-tuc/rss/").content.decode()
    assert f'<guid isPermaLink="true">{article.get_full_url()}</guid>' in content


def test_article_without_image_or_author(client, article_factory):
    article_factory(with_image=False, author="")
    _, feed = get_feed(client, "/tin-tuc/rss/")
    (entry,) = feed.entries
    assert "author" not in entry
    assert not [link for link in entry.links if link.rel == "enclosure"]


@pytest.mark.parametrize("url", FEEDS)
def test_drafts_private_and_other_sections_are_left_out(client, article_factory, home, url):
    article_factory(title="Tin đã đăng")
    article_factory(title="Bản nháp bí mật", publish_it=False)
    private = article_factory(title="Tin nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    other = publish(home.add_child(instance=ArticleIndexPage(title="Khác", slug="khac")))
    article_factory(title="Tin mục khác", parent=other)
    _, feed = get_feed(client, url)
    assert [entry.title for entry in feed.entries] == ["Tin đã đăng"]
    _, other_feed = get_feed(client, url.replace("/tin-tuc/", "/khac/"))
    assert [entry.title for entry in other_feed.entries] == ["Tin mục khác"]


def test_feed_is_limited_to_twenty_items(client, article_factory):
    for _ in range(22):
        article_factory(with_image=False)
    _, feed = get_feed(client, "/tin-tuc/rss/")
    assert len(feed.entries) == 20
    assert feed.entries[0].title == "Bài viết 1"  # the newest


def test_unknown_subpath_of_an_index_is_404(client, news_index):
    assert client.get("/tin-tuc/rss/extra/").status_code == 404
    assert client.get("/tin-tuc/khong-co/").status_code == 404
    assert client.get("/tin-tuc/").status_code == 200


@pytest.mark.parametrize("url", FEEDS)
def test_feed_query_count_does_not_grow(client, article_factory, url):
    def count():
        client.get(url)  # renditions are generated on the first request
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    article_factory()
    article_factory()
    small = count()
    for _ in range(8):
        article_factory()
    assert count() == small


def test_feeds_per_language(client, demo_content_en):
    english = Locale.objects.get(language_code="en")
    en_index = ArticleIndexPage.objects.get(locale=english)
    vi_index = ArticleIndexPage.objects.get(locale__language_code="vi")
    en_titles = set(
        NewsArticlePage.objects.live().public().child_of(en_index).values_list("title", flat=True)
    )
    vi_titles = set(
        NewsArticlePage.objects.live().public().child_of(vi_index).values_list("title", flat=True)
    )
    assert en_titles and not en_titles & vi_titles
    for route in ("rss/", "atom/"):
        _, feed = get_feed(client, en_index.url + route)
        assert feed.feed.language == "en"
        assert {entry.title for entry in feed.entries} == en_titles
        assert all("/en/" in entry.link for entry in feed.entries)
        _, vi_feed = get_feed(client, vi_index.url + route)
        titles = {entry.title for entry in vi_feed.entries}
        assert titles and titles <= vi_titles
        assert not any("/en/" in entry.link for entry in vi_feed.entries)


def test_demo_feed_enclosures_are_jpeg_renditions(client, demo_content):
    _, feed = get_feed(client, demo_content.news_index.url + "rss/")
    enclosures = [link for entry in feed.entries for link in entry.links if link.rel == "enclosure"]
    assert enclosures
    assert {enclosure.type for enclosure in enclosures} == {"image/jpeg"}


def feed_links(html):
    return [
        line.strip()
        for line in html.splitlines()
        if 'rel="alternate"' in line and ("rss+xml" in line or "atom+xml" in line)
    ]


def test_index_article_and_home_link_to_their_section_feeds(client, demo_content_en):
    vi_index = demo_content_en.news_index
    en_index = ArticleIndexPage.objects.get(locale__language_code="en")
    article = NewsArticlePage.objects.live().child_of(vi_index).first()
    en_article = NewsArticlePage.objects.live().child_of(en_index).first()
    expected = {
        "/": vi_index,
        vi_index.url: vi_index,
        article.url: vi_index,
        "/en/": en_index,
        en_index.url: en_index,
        en_article.url: en_index,
    }
    for url, index in expected.items():
        assert feed_links(client.get(url).content.decode()) == [
            f'<link rel="alternate" type="application/rss+xml" title="{index.title} (RSS)" '
            f'href="{index.url}rss/">',
            f'<link rel="alternate" type="application/atom+xml" title="{index.title} (Atom)" '
            f'href="{index.url}atom/">',
        ], url


def test_pages_outside_article_sections_have_no_feed_links(client, demo_content):
    bloc_index = (
        demo_content.home.get_children()
        .live()
        .exclude(pk=demo_content.news_index.pk)
        .not_type(ArticleIndexPage)
        .first()
    )
    html = client.get(bloc_index.url).content.decode()
    assert feed_links(html) == []


def test_old_article_keeps_its_publication_date(client, article_factory):
    date = timezone.now() - timedelta(days=400)
    article_factory(title="Tin năm ngoái", date=date)
    _, feed = get_feed(client, "/tin-tuc/atom/")
    assert feed.entries[0].published_parsed.tm_year == date.utctimetuple().tm_year


def test_feed_dates_are_in_the_readers_time_zone(client, article_factory):
    """Vietnam's +07:00, as on the pages, not the database's UTC."""
    article_factory(date=timezone.now() - timedelta(hours=3))
    rss = client.get("/tin-tuc/rss/").content.decode()
    (pub_date,) = re.findall(r"<pubDate>([^<]+)</pubDate>", rss)
    assert pub_date.endswith("+0700")
    assert re.search(r"<lastBuildDate>[^<]+\+0700</lastBuildDate>", rss)
    atom = client.get("/tin-tuc/atom/").content.decode()
    for value in re.findall(r"<(?:published|updated)>([^<]+)</", atom):
        assert value.endswith("+07:00"), value
