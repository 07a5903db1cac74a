"""sitemap.xml, robots.txt, OpenGraph and JSON-LD on article pages."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import timedelta
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date
from wagtail.models import Locale, Page, PageViewRestriction

from articles.models import ArticleIndexPage, EventReportPage, NewsArticlePage
from home.sitemaps import PortalSitemap

from .conftest import publish

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def get_xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def sitemap_entries(client):
    """{location: {hreflang: href}} of the sections listed by the /sitemap.xml index."""
    sections = [
        loc.text for loc in get_xml(client, "/sitemap.xml").findall("sm:sitemap/sm:loc", NS)
    ]
    assert sections
    return {
        url.find("sm:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
        for section in sections
        for url in get_xml(client, section.removeprefix("http://testserver")).findall("sm:url", NS)
    }


class TestSitemap:
    def test_every_language_with_hreflang_alternates(self, client, demo_content_en):
        # The demo translates every article: one is left untranslated here.
        news = ArticleIndexPage.objects.get(locale=demo_content_en.locale_vi)
        untranslated = publish(
            news.add_child(
                instance=NewsArticlePage(
                    title="Tin chỉ có bằng tiếng Việt",
                    slug="tin-chi-co-bang-tieng-viet",
                    lead="Một tin chưa được dịch sang tiếng Anh.",
                    date=demo_content_en.seed_report.date,
                )
            )
        )
        entries = sitemap_entries(client)
        report = demo_content_en.seed_report
        en_report = report.get_translations().get(locale__language_code="en")
        vi_url, en_url = report.get_full_url(), en_report.get_full_url()
        assert "/en/" in en_url and "/en/" not in vi_url
        expected = {"vi": vi_url, "en": en_url, "x-default": vi_url}
        assert entries[vi_url] == expected
        assert entries[en_url] == expected
        home_vi, home_en = "http://testserver/", "http://testserver/en/"
        assert (
            entries[home_vi]
            == entries[home_en]
            == {
                "vi": home_vi,
                "en": home_en,
                "x-default": home_vi,
            }
        )
        # Every live page of both languages is there; an untranslated one has no alternates.
        for page in Page.objects.live().public().filter(depth__gt=1).specific():
            assert page.get_full_url() in entries, page
        assert entries[untranslated.get_full_url()] == {}

    def test_drafts_private_pages_and_their_children_are_left_out(
        self, client, article_factory, home
    ):
        published = article_factory(title="Tin đã đăng")
        draft = article_factory(title="Bản nháp", publish_it=False)
        private = article_factory(title="Tin nội bộ")
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        hidden_index = home.add_child(
            instance=ArticleIndexPage(title="Mục chưa đăng", slug="muc-an", live=False)
        )
        hidden_index.save_revision()
        under_draft = article_factory(title="Tin trong mục chưa đăng", parent=hidden_index)
        assert under_draft.live
        restricted_index = publish(
            home.add_child(instance=ArticleIndexPage(title="Mục nội bộ", slug="noi-bo"))
        )
        PageViewRestriction.objects.create(page=restricted_index, restriction_type="login")
        under_private = article_factory(title="Tin mục nội bộ", parent=restricted_index)

        locations = set(sitemap_entries(client))
        assert published.get_full_url() in locations
        assert "http://testserver/tin-tuc/" in locations
        for page in (private, restricted_index, under_private):
            assert page.get_full_url() not in locations
        for slug in (draft.slug, "muc-an/", under_draft.slug):
            assert not any(slug in location for location in locations)

    def test_bloc_index_still_lists_agency_profiles(self, client, demo_content):
        locations = set(sitemap_entries(client))
        assert "http://testserver/khoi-thi-dua/don-vi/so-khcn/" in locations

    def test_query_count_does_not_grow_with_articles(self, client, article_factory):
        def count():
            counts = []
            for url in ("/sitemap.xml", "/sitemap-pages.xml"):
                client.get(url)  # caches the site's root paths
                with CaptureQueriesContext(connection) as queries:
                    assert client.get(url).status_code == 200
                counts.append(len(queries))
            return counts

        article_factory()
        article_factory()
        small = count()
        for _ in range(8):
            article_factory()
        assert count() == small
        # The index's Last-Modified is the newest publication (one aggregate query).
        newest = article_factory()
        newest.refresh_from_db()
        response = client.get("/sitemap.xml")
        assert response["Last-Modified"] == http_date(newest.last_published_at.timestamp())

    def test_sections_of_limited_size_listed_by_the_index(
        self, client, article_factory, monkeypatch
    ):
        for _ in range(7):
            article_factory()
        monkeypatch.setattr(PortalSitemap, "limit", 3)
        index = get_xml(client, "/sitemap.xml")
        sections = [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]
        live = Page.objects.live().public().filter(depth__gt=1)
        expected_sections = -(-live.count() // 3)
        assert sections == [
            "http://testserver/sitemap-pages.xml" + ("" if number == 1 else f"?p={number}")
            for number in range(1, expected_sections + 1)
        ]
        seen = []
        for number in range(1, expected_sections + 1):
            root = get_xml(client, f"/sitemap-pages.xml?p={number}")
            locations = [url.find("sm:loc", NS).text for url in root.findall("sm:url", NS)]
            assert 1 <= len(locations) <= 3
            seen.extend(locations)
        assert sorted(seen) == sorted({page.get_full_url() for page in live})
        assert client.get(f"/sitemap-pages.xml?p={expected_sections + 1}").status_code == 404
        assert client.get("/sitemap-pages.xml?p=abc").status_code == 404
        assert client.get("/sitemap-other.xml").status_code == 404

        def count(number):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(f"/sitemap-pages.xml?p={number}").status_code == 200
            return len(queries)

        # Sections of articles only cost the same whatever their place in the site.
        assert expected_sections == 3
        assert count(2) == count(3)


def test_robots_txt(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def head_of(html):
    return html.split("</head>", 1)[0]


def meta(html, prop):
    return [
        unescape(value)
        for value in re.findall(rf'<meta property="{re.escape(prop)}" content="([^"]*)">', html)
    ]


def json_ld(html):
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(script)
    assert data["@context"] == "https://schema.org"
    return {item["@type"]: item for item in data["@graph"]}


class TestArticleHead:
    def test_news_article_opengraph_and_json_ld(self, client, article_factory):
        article = article_factory(
            title="Tin <có> ký tự & đặc biệt", lead="Tóm tắt </script> tin", author="Chiêu Minh"
        )
        html = head_of(client.get(article.url).content.decode())
        url = article.get_full_url()
        assert meta(html, "og:type") == ["article"]
        assert meta(html, "og:title") == [article.title]
        assert meta(html, "og:description") == [article.lead]
        assert meta(html, "og:url") == [url]
        assert meta(html, "og:locale") == ["vi_VN"]
        (image,) = meta(html, "og:image")
        assert image.startswith("http://testserver/") and "width-1200" in image
        assert int(meta(html, "og:image:width")[0]) > 0
        assert int(meta(html, "og:image:height")[0]) > 0
        assert meta(html, "article:author") == ["Chiêu Minh"]
        (published,) = meta(html, "article:published_time")
        assert published.startswith(article.date.astimezone().date().isoformat()[:4])
        assert "</script> tin" not in html  # the lead cannot close the JSON-LD script

        items = json_ld(html)
        assert set(items) == {"NewsArticle"}
        news = items["NewsArticle"]
        assert news["headline"] == article.title
        assert news["description"] == article.lead
        assert news["author"] == {"@type": "Person", "name": "Chiêu Minh"}
        assert news["inLanguage"] == "vi"
        assert news["mainEntityOfPage"]["@id"] == url
        assert news["image"]["url"] == image
        assert news["datePublished"] == published
        assert news["dateModified"]
        assert news["publisher"]["@type"] == "Organization" and news["publisher"]["name"]

    def test_event_report_adds_an_event(self, client, demo_content):
        report = EventReportPage.objects.get(pk=demo_content.seed_report.pk)
        report.venue = "Trung tâm Hội nghị thành phố"
        report.event_end = report.event_start + timedelta(hours=2)
        report.save_revision().publish()
        html = head_of(client.get(report.url).content.decode())
        items = json_ld(html)
        assert set(items) == {"NewsArticle", "Event"}
        event = items["Event"]
        assert event["name"] == report.title
        assert event["startDate"] == report.event_start.astimezone().isoformat()
        assert event["endDate"] == report.event_end.astimezone().isoformat()
        assert event["location"] == {
            "@type": "Place",
            "name": "Trung tâm Hội nghị thành phố",
            "address": {"@type": "PostalAddress", "streetAddress": "Hải Phòng, Việt Nam"},
        }
        assert items["NewsArticle"]["about"] == {"@id": event["@id"]}
        assert meta(html, "og:type") == ["article"]
        assert meta(html, "article:author") == [report.author]

    def test_seed_event_has_its_place_in_both_languages(self, client, demo_content_en):
        report = demo_content_en.seed_report
        english = report.get_translation(Locale.objects.get(language_code="en"))
        for page, name, address in (
            (report, "Thành phố Hải Phòng", "Hải Phòng, Việt Nam"),
            (english, "Hai Phong City", "Hai Phong, Viet Nam"),
        ):
            html = client.get(page.url).content.decode()
            location = json_ld(head_of(html))["Event"]["location"]
            assert location["name"] == name
            assert location["address"]["streetAddress"] == address
            assert f"{name}, {address}" in html  # "Where" in the event's facts

    def test_an_event_without_a_place_is_only_a_news_article(self, client, demo_content):
        report = EventReportPage.objects.get(pk=demo_content.seed_report.pk)
        report.venue = report.venue_address = ""
        report.save_revision().publish()
        html = head_of(client.get(report.url).content.decode())
        assert set(json_ld(html)) == {"NewsArticle"}

    def test_the_venue_alone_is_the_place_and_its_address(self, client, demo_content):
        report = EventReportPage.objects.get(pk=demo_content.seed_report.pk)
        report.venue, report.venue_address = "Hội trường Sở", ""
        report.save_revision().publish()
        location = json_ld(head_of(client.get(report.url).content.decode()))["Event"]["location"]
        assert location["name"] == "Hội trường Sở"
        assert location["address"]["streetAddress"] == "Hội trường Sở"

    def test_english_article_has_english_locale(self, client, demo_content_en):
        english = NewsArticlePage.objects.live().filter(locale__language_code="en").first()
        html = head_of(client.get(english.url).content.decode())
        assert meta(html, "og:locale") == ["en_US"]
        assert json_ld(html)["NewsArticle"]["inLanguage"] == "en"

    def test_other_pages_have_no_article_metadata(self, client, demo_content):
        html = head_of(client.get("/").content.decode())
        # The home page describes the agency (GovernmentOrganization), not an article.
        assert "og:type" not in html
        scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        assert [json.loads(script)["@type"] for script in scripts] == ["GovernmentOrganization"]
