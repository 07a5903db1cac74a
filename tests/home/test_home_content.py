"""The home page: latest news, featured articles, announcements; nothing unpublished leaks."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from articles.models import AnnouncementIndexPage, ArticleIndexPage, NewsArticlePage
from blocs.models import BlocIndexPage
from home.models import ContactPage, ContentPage, HomePage, SitemapPage
from legal_documents.models import LegalDocumentIndexPage
from organisation.models import OrganisationPage
from snippets.models import Banner
from work_calendar.pages import WorkCalendarPage

pytestmark = pytest.mark.django_db


def get_home(client):
    response = client.get("/")
    assert response.status_code == 200
    return response


def section(html, heading_id):
    """The HTML of the <section> labelled by `heading_id`."""
    start = html.index(f'aria-labelledby="{heading_id}"')
    return html[start : html.index("</section>", start)]


def test_latest_news_lists_the_six_newest_published_articles(client, make_article):
    articles = [make_article() for _ in range(8)]  # article 1 is the newest
    response = get_home(client)
    assert [a.pk for a in response.context["latest_news"]] == [a.pk for a in articles[:6]]
    latest = section(response.content.decode(), "latest-heading")
    titles = re.findall(r'class="article-card__title"><a href="[^"]+">([^<]+)</a>', latest)
    assert titles == [a.title for a in articles[:6]]
    assert "Tóm tắt của bài viết số 1" in latest
    assert 'href="/tin-tuc/"' in latest  # "All news"


def test_latest_news_includes_event_reports(client, make_article, news_section):
    from articles.models import EventReportPage

    report = news_section.add_child(
        instance=EventReportPage(
            title="Hội nghị ký kết giao ước thi đua",
            slug="hoi-nghi",
            lead="Sáng 26/01...",
            date=timezone.now(),
            event_start=timezone.now(),
        )
    )
    report.save_revision().publish()
    make_article()
    assert "Hội nghị ký kết giao ước thi đua" in get_home(client).content.decode()


def test_drafts_and_private_articles_never_show(client, make_article):
    make_article(title="Bài đã đăng")
    make_article(title="Bài nháp", live=False, featured=True)
    make_article(title="Bài riêng tư", private=True, featured=True)
    published_then_unpublished = make_article(title="Bài đã gỡ", featured=True)
    published_then_unpublished.unpublish()
    html = get_home(client).content.decode()
    assert "Bài đã đăng" in html
    for hidden in ("Bài nháp", "Bài riêng tư", "Bài đã gỡ"):
        assert hidden not in html


def test_draft_changes_to_a_live_article_do_not_show(client, make_article):
    article = make_article(title="Tiêu đề đã đăng")
    article.title = "Tiêu đề bản nháp"
    article.save_revision()
    html = get_home(client).content.decode()
    assert "Tiêu đề đã đăng" in html
    assert "Tiêu đề bản nháp" not in html


def test_featured_articles_are_the_four_newest_featured(client, make_article):
    featured = [make_article(featured=True) for _ in range(5)]
    make_article(title="Bài thường")
    response = get_home(client)
    assert [a.pk for a in response.context["featured_articles"]] == [a.pk for a in featured[:4]]
    block = section(response.content.decode(), "featured-heading")
    assert featured[0].title in block
    assert featured[4].title not in block
    assert "Bài thường" not in block
    assert "fill-480x320" in block  # the lead featured article
    assert "fill-160x107" in block  # the others, as thumbnails


def test_no_featured_section_without_featured_articles(client, make_article):
    make_article()
    assert 'id="featured-heading"' not in get_home(client).content.decode()


def test_articles_of_another_locale_do_not_show(client, home, make_article, locale_en):
    english_home = home.copy_for_translation(locale_en)
    english_home.save_revision().publish()
    english_news = english_home.add_child(
        instance=ArticleIndexPage(title="News", slug="news", locale=locale_en)
    )
    english_news.save_revision().publish()
    make_article(title="English article", parent=english_news, locale=locale_en)
    make_article(title="Bài tiếng Việt")
    html = get_home(client).content.decode()
    assert "Bài tiếng Việt" in html
    assert "English article" not in html

    english = client.get("/en/")
    assert english.status_code == 200
    english_html = english.content.decode()
    assert '<html lang="en">' in english_html
    assert "English article" in english_html
    assert "Bài tiếng Việt" not in english_html


def test_current_announcements_show_in_the_box(client, make_announcement):
    today = timezone.localdate()
    make_announcement(title="Còn hiệu lực", valid_until=today + timedelta(days=3))
    make_announcement(title="Hết hạn hôm nay", valid_until=today)
    make_announcement(title="Không thời hạn")
    make_announcement(title="Đã hết hạn", valid_until=today - timedelta(days=1))
    make_announcement(title="Thông báo nháp", live=False)
    html = get_home(client).content.decode()
    box = section(html, "announcements-heading")
    for shown in ("Còn hiệu lực", "Hết hạn hôm nay", "Không thời hạn"):
        assert shown in box
    for hidden in ("Đã hết hạn", "Thông báo nháp"):
        assert hidden not in html
    assert 'href="/thong-bao/"' in box  # all announcements
    assert re.search(r'<time class="announcement-list__date" datetime="[^"]+">', box)


def test_announcements_box_shows_at_most_five(client, make_announcement):
    announcements = [make_announcement() for _ in range(7)]
    box = section(get_home(client).content.decode(), "announcements-heading")
    for shown in announcements[:5]:
        assert f">{shown.title}<" in box
    for hidden in announcements[5:]:
        assert f">{hidden.title}<" not in box


def test_private_announcements_never_show(client, make_announcement):
    from wagtail.models import PageViewRestriction

    secret = make_announcement(title="Thông báo nội bộ")
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    assert "Thông báo nội bộ" not in get_home(client).content.decode()


def test_announcements_box_on_other_pages(client, make_article, make_announcement):
    article = make_article()
    make_announcement(title="Thông báo mới")
    response = client.get(article.url)
    assert response.status_code == 200
    assert "Thông báo mới" in section(response.content.decode(), "announcements-heading")


def test_empty_home_page_reads_well(client, home):
    html = get_home(client).content.decode()
    assert 'class="empty-state"' in html
    assert 'id="latest-heading"' in html
    assert 'class="box__empty"' in html  # no announcements
    assert "<h1" in html


def test_home_banners_render_in_the_main_column(client, home, make_banner):
    make_banner(Banner.Placement.HOME, alt_text="Chuyển đổi số")
    html = get_home(client).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert 'alt="Chuyển đổi số"' in main


def test_intro_is_optional(client, home):
    home.intro = "<p>Chào mừng bạn đến với cổng thông tin.</p>"
    home.save_revision().publish()
    assert "Chào mừng bạn đến với cổng thông tin." in get_home(client).content.decode()


# Query counts ---------------------------------------------------------------------------


def count_home_queries(client):
    get_home(client)  # renditions are created on first view
    with CaptureQueriesContext(connection) as queries:
        get_home(client)
    return len(queries)


def add_content(count, make_article, make_announcement, make_banner):
    for _ in range(count):
        make_article(featured=True)
        make_article()  # The featured shown are not repeated: the latest need more.
        make_announcement()
        make_banner(Banner.Placement.SIDEBAR)
        make_banner(Banner.Placement.HOME)
        make_banner(Banner.Placement.HEADER)


def test_home_query_count_does_not_grow_with_items(
    client, portal_settings, make_article, make_announcement, make_banner
):
    add_content(2, make_article, make_announcement, make_banner)
    few = count_home_queries(client)
    add_content(6, make_article, make_announcement, make_banner)
    many = count_home_queries(client)
    html = get_home(client).content.decode()
    assert html.count('class="banners__item"') == 16  # 8 sidebar + 8 home
    assert html.count('class="article-card__title"') == 6 + 4
    assert html.count('class="announcement-list__item"') == 5
    assert few == many, f"{few} queries with 2 items of each kind, {many} with 8"
    assert many <= 40


def test_menu_query_count_does_not_grow_with_sections(client, home):
    def add_sections(numbers):
        for number in numbers:
            page = home.add_child(
                instance=ArticleIndexPage(
                    title=f"Chuyên mục {number}", slug=f"cm-{number}", show_in_menus=True
                )
            )
            page.save_revision().publish()

    # Start from one section: a page without children skips the children's query.
    add_sections([0])
    few = count_home_queries(client)
    add_sections(range(1, 7))
    many = count_home_queries(client)
    assert get_home(client).content.decode().count('class="main-nav__item"') == 1 + 7
    assert few == many


# Page types ---------------------------------------------------------------------------


class TestHomePageTypes(WagtailPageTestCase):
    def test_subpage_types(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                ArticleIndexPage,
                AnnouncementIndexPage,
                BlocIndexPage,
                LegalDocumentIndexPage,
                OrganisationPage,
                WorkCalendarPage,
                ContactPage,
                ContentPage,
                SitemapPage,
            },
        )

    def test_parent_page_types(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_articles_cannot_go_directly_under_the_home_page(self):
        self.assertCanNotCreateAt(HomePage, NewsArticlePage)
        self.assertCanCreateAt(HomePage, ArticleIndexPage)
        self.assertCanCreateAt(HomePage, AnnouncementIndexPage)


def card_titles(block):
    return re.findall(r'class="article-card__title"><a href="[^"]+">([^<]+)</a>', block)


def test_a_featured_article_is_not_repeated_among_the_latest(client, make_article):
    """The newest articles are featured: "Latest news" goes on with the next six, so the
    page shows every article once."""
    articles = [make_article(featured=number in (1, 3, 4)) for number in range(1, 11)]
    html = get_home(client).content.decode()
    featured = card_titles(section(html, "featured-heading"))
    latest = card_titles(section(html, "latest-heading"))
    assert featured == [articles[i].title for i in (0, 2, 3)]
    assert latest == [articles[i].title for i in (1, 4, 5, 6, 7, 8)]
    assert not set(featured) & set(latest)


def test_only_the_featured_shown_are_left_out_of_the_latest(client, make_article):
    """A fifth featured article is not in the featured section: it stays among the latest."""
    articles = [make_article(featured=True) for _ in range(5)] + [make_article()]
    html = get_home(client).content.decode()
    assert card_titles(section(html, "latest-heading")) == [articles[4].title, articles[5].title]


def test_leaving_out_the_featured_costs_no_query(client, make_article):
    """The same queries whether the featured are among the newest (left out of the latest)
    or older than all the latest (nothing to leave out)."""
    articles = [make_article(featured=number >= 6) for number in range(10)]

    def home_queries():
        get_home(client)  # Renditions and site paths are made once.
        with CaptureQueriesContext(connection) as queries:
            response = get_home(client)
        return len(queries), len(response.context["latest_news"])

    apart = home_queries()
    for number, article in enumerate(articles):
        article.featured = number < 4
        article.save_revision().publish()
    assert home_queries() == apart == (apart[0], 6)
