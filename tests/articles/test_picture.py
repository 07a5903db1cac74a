"""The picture of an article: its hero image, else the first image of its body. The seed
report has only body photos; every place that shows or shares an article shows it."""

import json
import re
from html import unescape

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import EventReportPage, NewsArticlePage, body_images, with_listing_images

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_report(demo_content):
    report = EventReportPage.objects.get(pk=demo_content.seed_report.pk)
    assert report.hero_image is None
    return report


def first_body_image(page):
    return body_images(page.body)[0]


def body_with_image(image):
    return json.dumps(
        [
            {"type": "paragraph", "value": "<p>Nội dung</p>"},
            {
                "type": "image",
                "value": {
                    "image": {"image": image.pk, "alt_text": "Ảnh", "decorative": False},
                    "caption": "Chú thích",
                    "credit": "",
                },
            },
        ]
    )


def test_shared_seed_report_has_its_first_body_photo(client, seed_report):
    photo = first_body_image(seed_report)
    html = client.get(seed_report.url).content.decode()
    head = html.split("</head>", 1)[0]
    (og_image,) = re.findall(r'<meta property="og:image" content="([^"]+)"', head)
    rendition = photo.get_rendition("format-jpeg|width-1200")
    assert unescape(og_image) == "http://testserver" + rendition.url
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)
    items = {item["@type"]: item for item in json.loads(script)["@graph"]}
    assert items["NewsArticle"]["image"]["url"] == unescape(og_image)
    assert items["Event"]["image"] == unescape(og_image)


def test_home_page_and_listing_cards_show_the_seed_reports_photo(client, seed_report):
    photo = first_body_image(seed_report)
    # Renditions are named after their image's file: "demo-101_x.2e16d0ba.format-jpeg...",
    # with a suffix after the stem when a file of that name is left from an earlier test.
    stem = photo.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    rendition_of_photo = re.compile(rf"/{re.escape(stem)}(_[A-Za-z0-9]{{7}})?\.")
    for url in ("/", seed_report.get_parent().url):
        html = client.get(url).content.decode()
        cards = re.findall(r'<article class="article-card.*?</article>', html, re.S)
        for card in [card for card in cards if seed_report.url in card]:
            assert "<picture>" in card and rendition_of_photo.search(card), url


def test_feeds_enclose_the_seed_reports_photo(client, seed_report):
    photo = first_body_image(seed_report)
    rendition = photo.get_rendition("format-jpeg|fill-480x320")
    for route in ("rss/", "atom/"):
        feed = feedparser.parse(client.get(seed_report.get_parent().url + route).content)
        (entry,) = [entry for entry in feed.entries if entry.link == seed_report.get_full_url()]
        (enclosure,) = [link for link in entry.links if link.rel == "enclosure"]
        assert enclosure.href == "http://testserver" + rendition.url


def test_api_serves_the_picture(client, seed_report):
    photo = first_body_image(seed_report)
    detail = client.get(f"/api/v2/pages/{seed_report.pk}/?fields=picture").json()
    assert detail["picture"]["id"] == photo.pk
    assert detail["picture"]["renditions"]["large"]["url"]
    listing = client.get("/api/v2/pages/?type=articles.NewsArticlePage&fields=picture").json()
    pictures = {item["id"]: item["picture"] for item in listing["items"]}
    assert pictures[seed_report.pk]["id"] == photo.pk


def test_hero_image_comes_first_and_no_image_means_no_picture(
    client, article_factory, image_factory
):
    body_photo = image_factory("Ảnh thân bài")
    with_hero = article_factory(body=body_with_image(body_photo))
    without = article_factory(with_image=False, body="[]")
    assert with_hero.picture == with_hero.hero_image
    assert without.picture is None
    listing = client.get("/api/v2/pages/?type=articles.NewsArticlePage&fields=picture").json()
    pictures = {item["id"]: item["picture"] for item in listing["items"]}
    assert pictures[with_hero.pk]["id"] == with_hero.hero_image_id
    assert pictures[without.pk] is None


def test_listing_pictures_from_bodies_cost_the_same_queries_for_more_articles(
    client, article_factory, image_factory, news_index
):
    def make(count):
        for _ in range(count):
            article_factory(with_image=False, body=body_with_image(image_factory()))

    def count_queries(url):
        client.get(url)  # renditions drawn, caches warm
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url).content.decode()
        return len(queries), html.count("<picture>")

    urls = [news_index.url, news_index.url + "rss/", "/"]
    make(2)
    before = {url: count_queries(url) for url in urls}
    make(4)
    after = {url: count_queries(url) for url in urls}
    for url in urls:
        assert after[url][0] == before[url][0], url
    assert after[news_index.url][1] == 6


def test_hero_images_are_joined_to_a_listings_articles(article_factory, image_factory):
    heroes = [article_factory() for _ in range(3)]
    from_body = article_factory(with_image=False, body=body_with_image(image_factory("Thân")))
    bare = article_factory(with_image=False, body="[]")
    pages = NewsArticlePage.objects.filter(pk__in=[page.pk for page in heroes]).order_by("pk")
    with CaptureQueriesContext(connection) as queries:
        listed = with_listing_images(pages)
    assert len(queries) == 2  # the articles with their hero images, then the renditions
    assert [page.picture.pk for page in listed] == [page.hero_image_id for page in heroes]
    every = NewsArticlePage.objects.filter(pk__in=[from_body.pk, bare.pk, heroes[0].pk])
    with CaptureQueriesContext(connection) as queries:
        pictures = {page.pk: page.picture for page in with_listing_images(every)}
    assert len(queries) == 3  # and the images of the bodies
    assert pictures[from_body.pk].title == "Thân"
    assert pictures[bare.pk] is None
    assert pictures[heroes[0].pk].pk == heroes[0].hero_image_id
    assert all(
        hasattr(picture, "prefetched_renditions") for picture in pictures.values() if picture
    )
