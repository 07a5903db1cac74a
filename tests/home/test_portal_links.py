"""The sidebar's links to portals (published only, per language, cached and purged when they
change), the banners' captions, and the HTML sitemap page (visible pages only, flat queries)."""

import re
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from articles.models import ArticleIndexPage
from home.models import ContentPage, PublicServiceLink, SitemapPage
from tests.performance.conftest import RecordingBackend
from tests.roles import ADMINISTRATORS, EDITORS, MODERATORS, member_of

pytestmark = pytest.mark.django_db


def html_of(client, url="/"):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def links_box(html):
    match = re.search(r'<section class="box box--links".*?</section>', html, re.S)
    return match.group(0) if match else ""


@pytest.fixture
def make_link(locale_vi, make_image):
    counter = {"n": 0}

    def make(live=True, locale=None, logo=True, **fields):
        counter["n"] += 1
        number = counter["n"]
        values = {
            "name": f"Cổng số {number}",
            "url": f"https://portal-{number}.example.gov.vn/",
            "sort_order": number,
            "logo": make_image(f"Logo {number}") if logo else None,
        }
        values.update(fields)
        link = PublicServiceLink(locale=locale or locale_vi, live=live, **values)
        link.save()
        if live:
            link.save_revision().publish()
        return link

    return make


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "tests.performance.conftest.RecordingBackend"}
    }
    RecordingBackend.purged = []
    yield RecordingBackend.purged
    RecordingBackend.purged = []


def test_published_links_show_with_their_names_by_group(client, home, make_link):
    make_link(name="Cổng Dịch vụ công quốc gia", url="https://dichvucong.gov.vn/")
    make_link(name="Bộ Khoa học và Công nghệ", group=PublicServiceLink.Group.AGENCIES)
    make_link(name="Bản nháp", live=False)
    box = links_box(html_of(client))
    assert box.index("Cổng thông tin dịch vụ công") < box.index("Cổng Dịch vụ công quốc gia")
    assert box.index("Cổng Dịch vụ công quốc gia") < box.index("Cổng thông tin các cơ quan")
    assert '<a class="portal-links__link" href="https://dichvucong.gov.vn/">' in box
    assert '<span class="portal-links__name">Bộ Khoa học và Công nghệ</span>' in box
    assert 'class="portal-links__logo"' in box
    assert "Bản nháp" not in box


def test_a_draft_change_is_not_shown_until_published(client, home, make_link):
    link = make_link(name="Tên đã xuất bản")
    assert "Tên đã xuất bản" in links_box(html_of(client))
    link.name = "Tên nháp"
    link.save_revision()
    box = links_box(html_of(client))
    assert "Tên đã xuất bản" in box and "Tên nháp" not in box
    link.get_latest_revision().publish()
    assert "Tên nháp" in links_box(html_of(client))
    link.unpublish()
    assert links_box(html_of(client)) == ""


def test_each_language_shows_its_own_links(client, home, locale_en, make_link):
    english_home = home.copy_for_translation(locale_en)
    english_home.save_revision().publish()
    link = make_link(name="Cổng Dịch vụ công quốc gia")
    english = link.copy_for_translation(locale_en)
    english.name = "National Public Service Portal"
    english.save()
    english.save_revision().publish()
    assert "National Public Service Portal" in links_box(html_of(client, "/en/"))
    assert "National Public Service Portal" not in links_box(html_of(client))


def test_publishing_a_link_purges_every_section_page(
    purged, django_capture_on_commit_callbacks, home, make_link
):
    section = home.add_child(instance=ContentPage(title="Giới thiệu", slug="gioi-thieu"))
    section.save_revision().publish()
    link = make_link()
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        link.save_revision().publish()
    paths = {urlsplit(url).path for url in purged}
    assert {home.url, section.url} <= paths
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        link.delete()
    assert section.url in {urlsplit(url).path for url in purged}


def test_links_cost_no_query_once_cached_whatever_their_number(client, home, make_link):
    def count():
        html_of(client)  # fills the fragments
        with CaptureQueriesContext(connection) as queries:
            html_of(client)
        return len(queries)

    make_link()
    few = count()
    for _ in range(8):
        make_link()
    assert count() == few


def test_sidebar_banners_have_a_visible_caption(client, home, make_banner):
    make_banner(alt_text="Cổng dịch vụ công trực tuyến")
    html = html_of(client)
    assert 'alt="Cổng dịch vụ công trực tuyến"' in html
    assert (
        '<span class="banners__caption" aria-hidden="true">Cổng dịch vụ công trực tuyến</span>'
        in html
    )


# HTML sitemap ---------------------------------------------------------------------------


@pytest.fixture
def sitemap(home):
    page = home.add_child(instance=SitemapPage(title="Sơ đồ cổng thông tin", slug="so-do"))
    page.save_revision().publish()
    return page


def add_page(parent, title, slug, live=True):
    page = parent.add_child(instance=ContentPage(title=title, slug=slug, live=live))
    if live:
        page.save_revision().publish()
    return page


def main_of(html):
    return html[html.index("<main") : html.index("</main>")]


def test_sitemap_lists_visible_pages_only(client, home, sitemap, make_article, news_section):
    about = add_page(home, "Giới thiệu", "gioi-thieu")
    add_page(home, "Trang nháp", "trang-nhap", live=False)
    private = add_page(home, "Trang nội bộ", "trang-noi-bo")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="bí-mật"
    )
    make_article(title="Bài viết trong danh sách")
    main = main_of(html_of(client, sitemap.url))
    assert f'<a href="{about.url}">Giới thiệu</a>' in main
    assert f'<a href="{news_section.url}">Tin tức - Sự kiện</a>' in main
    assert "Trang nháp" not in main and "Trang nội bộ" not in main
    # A listing's items are reached through the listing.
    assert "Bài viết trong danh sách" not in main


def test_sitemap_hides_the_subtree_of_an_unpublished_page(client, home, sitemap):
    section = add_page(home, "Chuyên mục", "chuyen-muc")
    add_page(section, "Trang con", "trang-con")
    section.unpublish()
    assert "Trang con" not in main_of(html_of(client, sitemap.url))


def test_sitemap_queries_do_not_grow_with_the_pages(client, home, sitemap):
    def count():
        with CaptureQueriesContext(connection) as queries:
            html_of(client, sitemap.url)
        return len(queries)

    add_page(home, "Trang 0", "trang-0")
    html_of(client, sitemap.url)
    few = count()
    for number in range(1, 8):
        parent = add_page(home, f"Trang {number}", f"trang-{number}")
        add_page(parent, f"Trang con {number}", f"trang-con-{number}")
    html_of(client, sitemap.url)
    assert count() == few


def test_english_sitemap_lists_english_pages(client, home, locale_en):
    english_home = home.copy_for_translation(locale_en)
    english_home.save_revision().publish()
    sitemap = english_home.add_child(instance=SitemapPage(title="Sitemap", slug="sitemap"))
    sitemap.save_revision().publish()
    news = english_home.add_child(instance=ArticleIndexPage(title="News", slug="news"))
    news.save_revision().publish()
    add_page(home, "Giới thiệu", "gioi-thieu")
    main = main_of(html_of(client, sitemap.url))
    assert '<a href="/en/news/">News</a>' in main
    assert "Giới thiệu" not in main


# Who keeps the links ----------------------------------------------------------------------


def test_administrators_keep_the_links_editors_and_moderators_may_not(
    client, home, locale_vi, django_user_model
):
    add_url = reverse("wagtailsnippets_home_publicservicelink:add")
    for group, username in ((EDITORS, "bientapvien"), (MODERATORS, "kiemduyetvien")):
        client.force_login(member_of(django_user_model, group, username))
        assert client.get(add_url).status_code in (302, 403), group
    client.force_login(member_of(django_user_model, ADMINISTRATORS, "quantrivien"))
    response = client.post(
        add_url,
        {
            "name": "Cổng Dịch vụ công quốc gia",
            "url": "https://dichvucong.gov.vn/",
            "group": PublicServiceLink.Group.PUBLIC_SERVICES,
            "sort_order": 1,
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    link = PublicServiceLink.objects.get()
    assert link.live and link.locale == locale_vi
    client.logout()
    assert "Cổng Dịch vụ công quốc gia" in links_box(html_of(client))
