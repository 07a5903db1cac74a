"""The language switcher of views that are not Wagtail pages (the search page, the API
reference, the readers' sign-in) leads to the same view in the other language, each language
named in its own words; a page with no other-language address leads to that language's home."""

import re

import pytest

pytestmark = pytest.mark.django_db


def switcher(client, url):
    response = client.get(url)
    assert response.status_code in (200, 404), url
    nav = re.search(r'<nav class="language-switcher".*?</nav>', response.content.decode(), re.S)
    links = re.findall(r'<a href="([^"]+)" lang="(\w+)"[^>]*>([^<]+)</a>', nav.group(0))
    return {lang: (href.replace("&amp;", "&"), name) for href, lang, name in links}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/api/docs/", {"en": ("/en/api/docs/", "English")}),
        ("/en/api/docs/", {"vi": ("/api/docs/", "Tiếng Việt")}),
        ("/tim-kiem/?q=thi+dua", {"en": ("/en/search/?q=thi+dua", "English")}),
        ("/en/search/?q=bloc", {"vi": ("/tim-kiem/?q=bloc", "Tiếng Việt")}),
        ("/en/_util/login/?next=/en/", {"vi": ("/_util/login/?next=/en/", "Tiếng Việt")}),
    ],
)
def test_views_switch_to_themselves_in_the_other_language(client, demo_content_en, url, expected):
    assert switcher(client, url) == expected


def test_an_unknown_address_switches_to_the_other_home(client, demo_content_en):
    assert switcher(client, "/khong-co-trang-nay/") == {"en": ("/en/", "English")}
