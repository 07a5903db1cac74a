"""Routable sub-pages (an agency's profile, the agency index) in the other language: the
language switcher, the hreflang alternates and the canonical link lead to the sub-page's own
translation, not to the page that serves it."""

import re

import pytest

from snippets.models import Agency

pytestmark = pytest.mark.django_db


def switcher_links(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return dict(re.findall(r'<a href="([^"]+)" lang="(\w+)"', nav))


def hreflang(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))


def canonical(html):
    return re.findall(r'<link rel="canonical" href="([^"]+)"', html)


def get_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_agency_profile_switches_to_the_agencys_english_profile(client, demo_content_en):
    # The English agency may have its own slug.
    Agency.objects.filter(locale__language_code="en", slug="so-gddt").update(slug="doet")
    html = get_html(client, "/khoi-thi-dua/don-vi/so-gddt/")
    assert switcher_links(html) == {"/en/emulation-blocs/agencies/doet/": "en"}
    assert hreflang(html) == {
        "vi": "http://testserver/khoi-thi-dua/don-vi/so-gddt/",
        "en": "http://testserver/en/emulation-blocs/agencies/doet/",
        "x-default": "http://testserver/khoi-thi-dua/don-vi/so-gddt/",
    }
    assert canonical(html) == ["http://testserver/khoi-thi-dua/don-vi/so-gddt/"]

    english = get_html(client, "/en/emulation-blocs/agencies/doet/")
    assert switcher_links(english) == {"/khoi-thi-dua/don-vi/so-gddt/": "vi"}
    assert hreflang(english)["en"] == "http://testserver/en/emulation-blocs/agencies/doet/"
    assert canonical(english) == ["http://testserver/en/emulation-blocs/agencies/doet/"]


def test_agency_index_switches_to_the_english_agency_index(client, demo_content_en):
    html = get_html(client, "/khoi-thi-dua/don-vi/")
    assert switcher_links(html) == {"/en/emulation-blocs/agencies/": "en"}
    assert hreflang(html)["en"] == "http://testserver/en/emulation-blocs/agencies/"
    assert canonical(html) == ["http://testserver/khoi-thi-dua/don-vi/"]


def test_an_untranslated_agency_has_no_english_alternate(client, demo_content_en):
    Agency.objects.filter(locale__language_code="en", slug="so-gddt").update(live=False)
    html = get_html(client, "/khoi-thi-dua/don-vi/so-gddt/")
    # Like any untranslated page: the English home page, said to be one.
    assert switcher_links(html) == {"/en/": "en"}
    assert "Trang này chưa có bản dịch" in html
    assert hreflang(html) == {}


def test_the_bloc_index_itself_still_switches_to_its_translation(client, demo_content_en):
    html = get_html(client, "/khoi-thi-dua/")
    assert switcher_links(html) == {"/en/emulation-blocs/": "en"}
    assert canonical(html) == ["http://testserver/khoi-thi-dua/"]


def redirect_of(client, url):
    response = client.get(url)
    assert response.status_code == 301, url
    return response["Location"]


def test_old_agency_urls_answer_301_to_the_vietnamese_segment(client, demo_content_en):
    Agency.objects.filter(locale__language_code="en", slug="so-gddt").update(slug="doet")
    assert redirect_of(client, "/khoi-thi-dua/agencies/") == "/khoi-thi-dua/don-vi/"
    assert redirect_of(client, "/khoi-thi-dua/agencies/so-gddt/") == "/khoi-thi-dua/don-vi/so-gddt/"
    assert redirect_of(client, "/khoi-thi-dua/agencies/so-gddt/?utm=1") == (
        "/khoi-thi-dua/don-vi/so-gddt/?utm=1"
    )
    # The English site keeps its English segment; the Vietnamese one leads back to it.
    get_html(client, "/en/emulation-blocs/agencies/doet/")
    assert redirect_of(client, "/en/emulation-blocs/don-vi/") == "/en/emulation-blocs/agencies/"
    assert redirect_of(client, "/en/emulation-blocs/don-vi/doet/") == (
        "/en/emulation-blocs/agencies/doet/"
    )
    # An unknown agency is still not found once redirected.
    assert client.get("/khoi-thi-dua/don-vi/khong-co/").status_code == 404


def test_the_sitemap_lists_the_agency_pages_under_their_languages_segment(client, demo_content_en):
    response = client.get("/sitemap-pages.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert "http://testserver/khoi-thi-dua/don-vi/so-gddt/" in xml
    assert "http://testserver/khoi-thi-dua/don-vi/</loc>" in xml
    assert "http://testserver/en/emulation-blocs/agencies/</loc>" in xml
    assert "/khoi-thi-dua/agencies/" not in xml
    assert "/en/emulation-blocs/don-vi/" not in xml


def test_agency_profile_links_use_the_pages_language(client, demo_content_en):
    vietnamese = get_html(client, "/khoi-thi-dua/")
    assert 'href="/khoi-thi-dua/don-vi/"' in vietnamese
    assert "/agencies/" not in vietnamese.split("<main", 1)[1]
    english = get_html(client, "/en/emulation-blocs/")
    assert 'href="/en/emulation-blocs/agencies/"' in english
    assert "/don-vi/" not in english
