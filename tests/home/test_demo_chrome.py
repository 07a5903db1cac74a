"""The demo's portal chrome (demo/portal_chrome.py): settings, links, pages and menu order in
both languages, loaded twice without duplicates and without undoing an editor's change."""

import re

import pytest
from wagtail.models import Page, Site

from demo.portal_chrome import PortalChromeDemo
from home.models import ContactPage, ContentPage, PortalSettings, PublicServiceLink, SitemapPage

pytestmark = pytest.mark.django_db


def menu(client, url):
    nav = re.search(r'<nav class="main-nav".*?</nav>', client.get(url).content.decode(), re.S)
    return re.findall(r'class="main-nav__link" href="([^"]+)"', nav.group(0))


def test_demo_fills_the_chrome_in_both_languages(client, demo_content_en):
    PortalChromeDemo(demo_content_en).load()
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.governing_body and settings.governing_body_en
    assert settings.logo is not None and settings.latitude is not None
    assert [block.value["label_en"] for block in settings.other_phones] == ["Hotline"]
    for model in (ContactPage, ContentPage, SitemapPage):
        languages = set(model.objects.live().values_list("locale__language_code", flat=True))
        assert languages == {"vi", "en"}, model
    assert Page.objects.get(slug="contact").url == "/en/contact/"
    assert PublicServiceLink.objects.filter(live=True, locale__language_code="en").count() == 5
    # The menu: the sections present, in the readers' order, Liên hệ last.
    assert menu(client, "/") == [
        "/",
        "/tin-tuc-su-kien/",
        "/thong-bao/",
        "/khoi-thi-dua/",
        "/lien-he/",
    ]
    assert menu(client, "/en/")[-1] == "/en/contact/"

    # Loaded again: nothing doubled, an editor's change kept.
    settings.working_hours = "Sáng thứ Bảy: 7h30 - 11h30"
    settings.save()
    counts = [model.objects.count() for model in (Page, PublicServiceLink)]
    PortalChromeDemo(demo_content_en).load()
    assert [model.objects.count() for model in (Page, PublicServiceLink)] == counts
    settings.refresh_from_db()
    assert settings.working_hours == "Sáng thứ Bảy: 7h30 - 11h30"
