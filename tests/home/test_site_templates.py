"""The site-wide layout (base.html), settings in the footer, 404 and 500 pages."""

import re

import pytest
from django.conf import settings
from django.template import Context, Template, loader
from django.test import RequestFactory, override_settings
from wagtail.models import PageViewRestriction, Site

from articles.models import ArticleIndexPage
from home.models import PortalSettings

pytestmark = pytest.mark.django_db


def html_of(client, url="/"):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def footer(html):
    return html[html.index('<footer class="site-footer">') : html.index("</footer>")]


def test_layout_has_landmarks_and_a_skip_link(client, home):
    html = html_of(client)
    assert '<html lang="vi">' in html
    assert re.search(r'<a class="skip-link" href="#main">', html)
    assert '<main class="layout__main" id="main"' in html
    for landmark in ('<header class="site-header">', "<nav ", "<aside ", "<footer "):
        assert landmark in html
    assert '<p class="topbar__date"><time class="date-line"' in html
    assert "data-clock" in html


def test_scripts_are_ours_deferred_and_not_inline(client, home):
    """Deferred, but for the text size and contrast, which apply before the first paint;
    the JSON-LD block is data, never executed."""
    html = html_of(client)
    scripts = re.findall(r'<script(?! type="application/ld\+json")[^>]*>', html)
    assert scripts == [
        '<script src="/static/js/preferences.js">',
        '<script src="/static/js/clock.js" defer>',
        '<script src="/static/js/portal.js" defer>',
        '<script src="/static/visits/visits.js" defer>',
    ]
    assert re.search(r'<link rel="stylesheet" href="/static/css/print.css" media="print">', html)
    assert "http://" not in "".join(re.findall(r'(?:src|href)="[^"]*\.(?:css|js)"', html))
    assert "aria-live" not in html


def test_settings_appear_in_the_footer(client, portal_settings):
    html = html_of(client)
    text = footer(html)
    assert "Cổng thông tin điện tử Sở KH&amp;CN Hải Phòng" in text
    assert "Sở Khoa học và Công nghệ thành phố Hải Phòng" in text
    assert 'href="https://dost.haiphong.gov.vn/"' in text
    assert "Số 16 Lý Tự Trọng, Hồng Bàng, Hải Phòng" in text
    assert 'href="tel:02253842585"' in text and "0225 3842 585" in text
    assert 'href="mailto:sokhcn@haiphong.gov.vn"' in text
    assert "Giấy phép số 21/GP-TTĐT cấp ngày 15/03/2019" in text
    assert "Ông Nguyễn Văn An - Giám đốc Sở" in text
    # The portal name also heads the page and its title.
    assert re.search(r'<p class="site-title"><a href="/" aria-current="page">Cổng thông tin', html)
    assert "<title>Cổng thông tin điện tử Sở KH&amp;CN Hải Phòng</title>" in html


def test_unpublished_operating_agency_is_not_shown(client, portal_settings):
    agency = portal_settings.operating_agency
    agency.live = False
    agency.save()
    html = html_of(client)
    assert "Sở Khoa học và Công nghệ thành phố Hải Phòng" not in html


def test_english_pages_use_the_english_settings_with_vietnamese_fallback(
    client, portal_settings, home, locale_en
):
    english_home = home.copy_for_translation(locale_en)
    english_home.title = "Home"
    english_home.save_revision().publish()
    html = html_of(client, "/en/")
    assert '<html lang="en">' in html
    text = footer(html)
    assert "Hai Phong Department of Science and Technology portal" in text
    assert "Licence No. 21/GP-TTĐT of 15 March 2019" in text
    # No English address: the Vietnamese one, marked as Vietnamese for screen readers.
    assert '<dd lang="vi">Số 16 Lý Tự Trọng, Hồng Bàng, Hải Phòng</dd>' in text
    # The agency has no English translation either.
    assert re.search(r'<dd lang="vi">(<a [^>]+>)?Sở Khoa học và Công nghệ thành phố', text)
    assert 'href="/en/"' in html  # the site title leads to the English home page


def test_english_agency_translation_is_used(client, portal_settings, home, locale_en):
    agency = portal_settings.operating_agency
    english_agency = agency.copy_for_translation(locale_en)
    english_agency.name = "Hai Phong Department of Science and Technology"
    english_agency.save()
    english_home = home.copy_for_translation(locale_en)
    english_home.save_revision().publish()
    html = html_of(client, "/en/")
    assert "Hai Phong Department of Science and Technology</a>" in footer(html)


def test_settings_fall_back_to_defaults_without_a_site(client, home):
    Site.objects.all().delete()
    template = Template("{% load portal_tags %}{% portal_settings as p %}{{ p.portal_name }}")
    request = RequestFactory().get("/")
    assert template.render(Context({"request": request})) == str(settings.WAGTAIL_SITE_NAME)


def test_settings_localized_helper(portal_settings):
    assert portal_settings.localized("portal_name", "en").startswith("Hai Phong")
    assert portal_settings.localized("footer_address", "en").startswith("Số 16")
    assert portal_settings.localized("portal_name", "vi").startswith("Cổng thông tin")
    localized = portal_settings.for_language("en")
    assert localized.phone == "0225 3842 585"
    assert localized.foreign == {
        "footer_address": "vi",
        "responsible_person": "vi",
        "operating_agency": "vi",
        "header_agency_name": "vi",
    }
    assert portal_settings.for_language("vi").foreign == {}


def test_settings_are_registered_in_the_admin(admin_client, home):
    site = Site.objects.get()
    response = admin_client.get(f"/admin/settings/home/portalsettings/{site.pk}/")
    assert response.status_code == 200
    assert PortalSettings.objects.filter(site=site).exists()


# Navigation --------------------------------------------------------------------------


def test_main_menu_lists_live_public_in_menu_sections(client, home, make_article):
    def add(title, slug, **kwargs):
        page = home.add_child(
            instance=ArticleIndexPage(title=title, slug=slug, show_in_menus=True, **kwargs)
        )
        page.save_revision().publish()
        return page

    news = add("Tin tức - Sự kiện", "tin-tuc-su-kien")
    hidden_from_menu = add("Không trong menu", "khong-menu")
    hidden_from_menu.show_in_menus = False
    hidden_from_menu.save_revision().publish()
    draft = add("Chuyên mục nháp", "nhap")
    draft.unpublish()
    private = add("Chuyên mục nội bộ", "noi-bo")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    nav = re.search(r'<nav class="main-nav".*?</nav>', html_of(client), re.S).group(0)
    assert "Tin tức - Sự kiện" in nav
    for hidden in ("Không trong menu", "Chuyên mục nháp", "Chuyên mục nội bộ"):
        assert hidden not in nav
    assert re.search(r'href="/"[^>]*aria-current="page"', nav)
    # Works without JavaScript: a native disclosure.
    assert "<details" in nav and "<summary" in nav

    article = make_article(parent=news)
    nav = re.search(r'<nav class="main-nav".*?</nav>', html_of(client, article.url), re.S).group(0)
    assert re.search(r'href="/tin-tuc-su-kien/" aria-current="true"', nav)
    nav = re.search(r'<nav class="main-nav".*?</nav>', html_of(client, news.url), re.S).group(0)
    assert re.search(r'href="/tin-tuc-su-kien/" aria-current="page"', nav)


# Reserved regions, partials, error pages --------------------------------------------------


def test_print_button_is_hidden_until_javascript_runs():
    html = loader.render_to_string("includes/print_button.html")
    assert re.search(r'<button type="button" class="print-button" data-print-button hidden>', html)


def test_not_found_page_uses_the_layout(client, home):
    with override_settings(DEBUG=False):
        response = client.get("/khong-ton-tai/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert 'class="error-page"' in html
    assert '<main class="layout__main" id="main"' in html
    assert 'href="/"' in html


def test_english_not_found_page_is_english(client, home):
    response = client.get("/en/khong-ton-tai/")
    assert response.status_code == 404
    assert '<html lang="en">' in response.content.decode()


def test_server_error_page_needs_no_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = loader.render_to_string("500.html")
    assert '<html lang="vi">' in html
    assert "{%" not in html and "{#" not in html
    # The Content-Security-Policy allows no inline style: the page links its stylesheet.
    assert "<style" not in html
    assert '<link rel="stylesheet" href="/static/css/error-page.css">' in html
