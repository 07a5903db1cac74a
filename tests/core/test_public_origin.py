"""Every absolute URL the portal hands out is on the public origin, and a reader reaches it.

The portal is set up as `make run PORT=8765` sets it up: WAGTAILADMIN_BASE_URL is the
served address, then `migrate` and the demo content. An anonymous reader (or another
portal's job) then collects the absolute URLs of the API, sitemap, robots.txt, feeds and
pages, and follows each one.
"""

import json
import re
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings

from articles.models import ArticleIndexPage

ORIGIN = "http://127.0.0.1:8765"
# Addresses that only mean "this machine": a URL on one of them must be on the origin.
LOCAL_HOSTS = {"localhost", "127.0.0.1", "testserver", "::1"}
ABSOLUTE_URL = re.compile(r"""https?://[^\s"'<>\\]+""")
API_ENDPOINTS = ("pages", "images", "documents", "agencies", "people", "awards", "banners")


@pytest.fixture
def served(demo_content_en):
    """The demo served at ORIGIN, as after `make run PORT=8765` (migrate, then serve)."""
    with override_settings(WAGTAILADMIN_BASE_URL=ORIGIN, WAGTAILAPI_BASE_URL=ORIGIN):
        call_command("migrate", verbosity=0)
        yield Client(HTTP_HOST="127.0.0.1:8765")


def urls_in(text):
    return {url.rstrip(".,;)") for url in ABSOLUTE_URL.findall(text)}


def assert_on_origin_and_reachable(client, urls):
    """Each URL on a local host is on ORIGIN and answers 200 (media: the file exists)."""
    ours = set()
    for url in urls:
        parts = urlsplit(url)
        if parts.hostname in LOCAL_HOSTS:
            assert f"{parts.scheme}://{parts.netloc}" == ORIGIN, url
            ours.add(url)
    assert ours, "no absolute URL collected"
    for url in sorted(ours):
        path = url[len(ORIGIN) :]
        if path.startswith(settings.MEDIA_URL + "images/"):
            assert (Path(settings.MEDIA_ROOT) / path.removeprefix(settings.MEDIA_URL)).is_file()
            continue
        response = client.get(path, follow=True)
        assert response.status_code == 200, url
    return ours


def api_urls(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", {"limit": 100, "fields": "*"})
    assert response.status_code == 200, endpoint
    urls = urls_in(response.content.decode())
    first = response.json()["items"][0]
    urls |= urls_in(client.get(urlsplit(first["meta"]["detail_url"]).path).content.decode())
    return urls


def test_api_urls_and_find_redirects(served, demo_content_en):
    urls = set()
    for endpoint in API_ENDPOINTS:
        urls |= api_urls(served, endpoint)
    urls |= urls_in(served.get("/api/v2/blocs/", {"fields": "*"}).content.decode())
    report = demo_content_en.seed_report
    found = served.get("/api/v2/pages/find/", {"html_path": report.url})
    assert found.status_code == 302
    assert found["Location"].startswith(f"{ORIGIN}/api/v2/pages/{report.pk}/")
    urls.add(found["Location"])
    assert_on_origin_and_reachable(served, urls)


def test_sitemap_index_sections_and_hreflang(served):
    index = served.get("/sitemap.xml").content.decode()
    sections = urls_in(index) - {"http://www.sitemaps.org/schemas/sitemap/0.9"}
    assert sections and all(url.startswith(ORIGIN + "/sitemap-") for url in sections)
    locations = set()
    for section in sections:
        xml = served.get(section.removeprefix(ORIGIN)).content
        for element in ElementTree.fromstring(xml).iter():
            locations.update(v for v in (element.text, element.get("href")) if v)
    urls = {url for url in locations if url.startswith("http") and "sitemaps.org" not in url}
    assert len(assert_on_origin_and_reachable(served, urls)) > 10


def test_asked_by_another_name_the_portal_still_names_its_origin(served, demo_content_en):
    """Reached under another name of the same machine (robots.txt, the sitemap index, a
    page's printed source line), the portal hands out the one origin."""
    other_name = Client(HTTP_HOST="localhost:8765")
    lines = other_name.get("/robots.txt").content.decode().splitlines()
    assert f"Sitemap: {ORIGIN}/sitemap.xml" in lines
    index = other_name.get("/sitemap.xml").content.decode()
    assert f"<loc>{ORIGIN}/sitemap-pages.xml</loc>" in index
    report = demo_content_en.seed_report
    html = other_name.get(report.url).content.decode()
    assert f"{ORIGIN}{report.url}</p>" in html
    assert_on_origin_and_reachable(served, urls_in(html))


def test_report_page_opengraph_json_ld_and_hreflang(served, demo_content_en):
    report = demo_content_en.seed_report
    html = served.get(report.url).content.decode()
    json_ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    graph = json.loads(json_ld.group(1))["@graph"]
    assert graph[0]["url"] == f"{ORIGIN}{report.url}"
    assert re.search(rf'<meta property="og:url" content="{re.escape(ORIGIN)}/', html)
    assert re.search(rf'hreflang="en" href="{re.escape(ORIGIN)}/en/', html)
    assert_on_origin_and_reachable(served, urls_in(html))


def test_feed_links_and_enclosures(served):
    news = ArticleIndexPage.objects.get(slug="tin-tuc-su-kien")
    urls = set()
    for route in ("rss/", "atom/"):
        feed = served.get(news.url + route).content.decode()
        assert f"{ORIGIN}{news.url}" in feed
        urls |= urls_in(feed)
    assert any("/media/images/" in url for url in urls), "no enclosure"
    assert_on_origin_and_reachable(served, urls)
