"""Malformed requests to the HTML views, feeds and sitemap: a 4xx or a friendly page, never a
500. Each test loads the demo once and sends every case, listing all the failures together.
(The API has its own fuzzing: tests/api/test_fuzz.py and test_errors.py.)"""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

ARTICLE = "/tin-tuc-su-kien/kiem-tra-do-luong-chat-luong-xang-dau/"
LISTINGS = ["/tin-tuc-su-kien/", "/thong-bao/", "/khoi-thi-dua/", "/tin-tuc-su-kien/rss/"]
HTML_VIEWS = [
    "/",
    "/tin-tuc-su-kien/",
    ARTICLE,
    "/tin-tuc-su-kien/khoi-van-hoa-xa-hoi-ky-giao-uoc-thi-dua-nam-2024/",
    "/thong-bao/",
    "/thong-bao/thong-bao-nghi-le/",
    "/khoi-thi-dua/",
    "/khoi-thi-dua/khoi-van-hoa-xa-hoi/",
    "/tim-kiem/",
    "/en/",
    "/en/search/",
]
FEEDS = ["/tin-tuc-su-kien/rss/", "/tin-tuc-su-kien/atom/", "/sitemap.xml", "/robots.txt"]

PAGE_NUMBERS = ["0", "-1", "-99999", "9" * 30, "1e3", "1.5", "abc", "", "\x00", "%ff", "1 OR 1=1"]
ODD_QUERIES = [
    "q=" + "x" * 10_000,
    "q=" + "thi đua " * 1_500,
    "q=a%00b",
    "q=%00",
    "q=%ff%fe%fd",
    "q=%c3%28",
    "q=%ed%a0%80",
    "q=" + "%22" * 300,
    "q=" + "(" * 500,
    "q=*&q=?&q=%25",
    "q=tin&type=nonexistent",
    "q=tin&type=%00",
    "q=tin&section=abc",
    "q=tin&section=" + "9" * 40,
    "q=tin&section=-1",
    "q=tin&date_from=2024-02-30",
    "q=tin&date_from=0000-00-00&date_to=9999-99-99",
    "q=tin&date_from=2025-01-01&date_to=2020-01-01",
    "q=tin&date_to=" + "9" * 40,
    "tag=" + "x" * 10_000,
    "tag=%00",
    "agency=%ff",
    "agency=" + "x" * 5_000,
    "locale=%00",
    "locale=xx",
    "locale=" + "x" * 1_000,
    "p=1&page=2&page=abc",
    "x" * 5_000 + "=1",
    "%ff=%ff",
    "&&&==&",
]


def sweep(client, requests):
    """Send each (method, path, extra) and return the ones answered with a 5xx."""
    failures = []
    for method, path, extra in requests:
        response = client.generic(method, path, **extra)
        if response.status_code >= 500:
            failures.append((method, path[:120], response.status_code))
    return failures


@pytest.fixture
def client():
    # A 500 becomes an answer to inspect, not an exception raised into the test.
    return Client(raise_request_exception=False)


def test_page_numbers_answer_a_page_or_404(demo_content, client):
    requests = [
        ("GET", f"{path}?page={number}", {})
        for path in LISTINGS + ["/tim-kiem/?q=tin&"]
        for number in PAGE_NUMBERS
    ]
    assert sweep(client, requests) == []
    assert client.get("/tin-tuc-su-kien/?page=" + "9" * 30).status_code == 404
    assert client.get("/tin-tuc-su-kien/?page=abc").status_code == 404


def test_odd_query_strings_on_every_view_and_feed(demo_content, client):
    requests = [
        ("GET", f"{path}?{query}", {}) for path in HTML_VIEWS + FEEDS for query in ODD_QUERIES
    ]
    assert sweep(client, requests) == []


def test_search_with_ten_thousand_characters_is_a_friendly_page(demo_content, client):
    response = client.get("/tim-kiem/", {"q": "thi đua " * 1_250})
    assert response.status_code in (200, 400)
    assert "<html" in response.content.decode()
    response = client.get("/tim-kiem/", {"q": "a\x00b"})
    assert response.status_code in (200, 400)


def test_odd_paths(demo_content, client):
    paths = [
        "/xx/",
        "/zz-ZZ/tin-tuc-su-kien/",
        "/vi/",
        "/en-us/",
        "/EN/",
        "/en/%ff/",
        "/%ff%fe/",
        "/%c3%28/",
        "/tin-tuc-su-kien/%00/",
        "/tin-tuc-su-kien/" + "a" * 5_000 + "/",
        "/" + "/".join(["a"] * 500) + "/",
        "/tin-tuc-su-kien/rss/%ff/",
        "/tin-tuc-su-kien/kiem-tra-do-luong-chat-luong-xang-dau/" + "x" * 300 + "/",
        "/khoi-thi-dua/khoi-van-hoa-xa-hoi/%ff/",
        "/tim-kiem/%00/",
        "/sitemap.xml/%ff",
        "/visits/pixel.gif?p=%ff",
        "/visits/pixel.gif?p=" + "9" * 40,
        "/visits/pixel.gif?p=-1",
        "/documents/999999/%ff",
        "/documents/abc/x.pdf",
    ]
    assert sweep(client, [("GET", path, {}) for path in paths]) == []
    assert client.get("/xx/").status_code == 404
    assert client.get("/tin-tuc-su-kien/" + "a" * 5_000 + "/").status_code == 404


def test_odd_methods_on_html_views(demo_content):
    client = Client(raise_request_exception=False, enforce_csrf_checks=True)
    methods = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND", "TRACE", "FOO"]
    requests = [(method, path, {}) for path in HTML_VIEWS + FEEDS for method in methods]
    requests += [("POST", "/visits/beacon/", {"data": b"\xff\x00", "content_type": "x/y"})]
    assert sweep(client, requests) == []
    assert client.put(ARTICLE).status_code >= 400
    assert client.post("/tim-kiem/").status_code >= 400


def test_odd_headers(demo_content, client):
    languages = [
        "xx",
        "*",
        "en;q=abc",
        "en;q=-1, vi;q=9e9",
        "\x00",
        "a" * 5_000,
        ",,,;;;",
        "zh-Hant-TW-x-private-" + "a" * 100,
    ]
    requests = [
        ("GET", path, {"HTTP_ACCEPT_LANGUAGE": language})
        for path in ["/", ARTICLE, "/tim-kiem/?q=tin", "/tin-tuc-su-kien/rss/"]
        for language in languages
    ]
    requests += [
        ("GET", "/", {"HTTP_COOKIE": "sessionid=%ff; csrftoken=\x00; django_language=xx"}),
        ("GET", "/", {"HTTP_IF_MODIFIED_SINCE": "yesterday"}),
        ("GET", "/", {"HTTP_IF_NONE_MATCH": '"' + "x" * 5_000}),
        ("GET", "/", {"HTTP_RANGE": "bytes=999999-1"}),
        ("GET", "/", {"HTTP_USER_AGENT": "\x00" + "x" * 10_000}),
        ("GET", "/", {"HTTP_X_FORWARDED_FOR": "not-an-address, %ff, 999.1.1.1"}),
    ]
    assert sweep(client, requests) == []
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="xx")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "vi"
