"""Banners: only published ones inside their schedule, of the page's locale, with alt text."""

import re
from datetime import timedelta

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone, translation

from snippets.models import Banner

pytestmark = pytest.mark.django_db

PLACEMENTS = [Banner.Placement.SIDEBAR, Banner.Placement.HEADER, Banner.Placement.HOME]
# A banner's image is a <picture>: its WebP <source>, then the <img>.
PICTURE_START = r"<picture><source [^>]*>"


def home_html(client):
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def img_tag(html, alt):
    match = re.search(rf'<img [^>]*alt="{re.escape(alt)}"[^>]*>', html)
    return match.group(0) if match else None


@pytest.mark.parametrize("placement", PLACEMENTS)
def test_only_published_banners_inside_their_schedule_render(client, home, make_banner, placement):
    now = timezone.now()
    make_banner(placement, alt_text="Đang hiển thị", starts_at=now - timedelta(days=1))
    make_banner(placement, alt_text="Bản nháp", live=False)
    make_banner(placement, alt_text="Chưa đến lịch", starts_at=now + timedelta(hours=1))
    make_banner(placement, alt_text="Đã hết hạn", ends_at=now - timedelta(minutes=1))
    make_banner(
        placement,
        alt_text="Hết hạn đúng lúc này",
        starts_at=now - timedelta(days=2),
        ends_at=now - timedelta(seconds=1),
    )

    html = home_html(client)

    shown = img_tag(html, "Đang hiển thị")
    assert shown is not None
    assert 'width="' in shown and 'height="' in shown
    for hidden in ("Bản nháp", "Chưa đến lịch", "Đã hết hạn", "Hết hạn đúng lúc này"):
        assert hidden not in html


@pytest.mark.parametrize("placement", PLACEMENTS)
def test_banner_without_schedule_renders_with_link_and_alt(client, home, make_banner, placement):
    make_banner(placement, alt_text="Cổng thông tin thành phố", link_url="https://haiphong.gov.vn/")
    html = home_html(client)
    assert re.search(
        r'<a [^>]*href="https://haiphong.gov.vn/"[^>]*>'
        + PICTURE_START
        + r'<img [^>]*alt="Cổng thông tin thành phố"',
        html,
    )


def test_sidebar_banners_follow_sort_order_and_load_lazily(client, home, make_banner):
    make_banner(alt_text="Thứ hai", sort_order=2)
    make_banner(alt_text="Thứ nhất", sort_order=1)
    html = home_html(client)
    assert html.index('alt="Thứ nhất"') < html.index('alt="Thứ hai"')
    assert 'loading="lazy"' in img_tag(html, "Thứ nhất")


def test_only_the_first_header_banner_shows_and_it_is_not_lazy(client, home, make_banner):
    make_banner(Banner.Placement.HEADER, alt_text="Banner đầu trang 1", sort_order=1)
    make_banner(Banner.Placement.HEADER, alt_text="Banner đầu trang 2", sort_order=2)
    html = home_html(client)
    header = img_tag(html, "Banner đầu trang 1")
    assert header is not None
    assert "loading=" not in header
    assert "Banner đầu trang 2" not in html


def test_header_falls_back_to_the_settings_image(client, portal_settings, make_banner, make_image):
    portal_settings.header_fallback_image = make_image("Ảnh đầu trang", "Trụ sở Sở KH&CN")
    portal_settings.save()
    make_banner(Banner.Placement.HEADER, alt_text="Banner đã hết hạn", live=False)
    html = home_html(client)
    assert "Banner đã hết hạn" not in html
    fallback = img_tag(html, "Trụ sở Sở KH&amp;CN")
    assert fallback is not None and "header-banner__image" in fallback


def test_header_fallback_without_description_is_decorative(client, portal_settings, make_image):
    portal_settings.header_fallback_image = make_image("logo-2024.png")
    portal_settings.save()
    html = home_html(client)
    assert re.search(r'<img class="header-banner__image" [^>]*alt=""', html)
    assert 'alt="logo-2024.png"' not in html


def test_no_header_image_at_all(client, home):
    assert "header-banner" not in home_html(client)


def test_banners_of_another_locale_do_not_show(client, home, make_banner, locale_en):
    make_banner(alt_text="English banner", locale=locale_en)
    make_banner(alt_text="Banner tiếng Việt")
    html = home_html(client)
    assert "Banner tiếng Việt" in html
    assert "English banner" not in html


def test_banner_linking_to_an_unpublished_page_has_no_link(
    client, home, news_section, make_banner, make_article
):
    draft = make_article(live=False, title="Bài nháp")
    make_banner(alt_text="Liên kết nội bộ", link_url="", link_page=draft)
    make_banner(alt_text="Chuyên mục", link_url="", link_page=news_section)
    html = home_html(client)
    assert re.search(
        r'<li class="banners__item">' + PICTURE_START + r'<img [^>]*alt="Liên kết nội bộ"', html
    )
    assert re.search(
        r'<a [^>]*href="/tin-tuc/"[^>]*>' + PICTURE_START + r'<img [^>]*alt="Chuyên mục"', html
    )


def test_banners_tag_outside_a_page_uses_the_active_language(home, make_banner, locale_en):
    make_banner(alt_text="Banner tiếng Việt")
    make_banner(alt_text="English banner", locale=locale_en)
    request = RequestFactory().get("/en/khong-co/")
    template = Template('{% load portal_tags %}{% banners "sidebar" %}')
    with translation.override("en"):
        html = template.render(Context({"request": request}))
    assert "English banner" in html
    assert "Banner tiếng Việt" not in html
