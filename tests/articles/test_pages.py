"""Article pages as readers see them: listing, article, event report, announcements."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from articles.models import (
    AnnouncementIndexPage,
    AnnouncementPage,
    ArticleIndexPage,
    EventReportPage,
    NewsArticlePage,
)
from demo.data import SEED_AUTHOR, SEED_CAPTIONS, SEED_LEAD, SEED_PARAGRAPHS, SEED_TITLE
from home.models import HomePage

pytestmark = pytest.mark.django_db


def text_of(html):
    """The visible text of an HTML page, whitespace collapsed."""
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


class TestPageTypeRules:
    def test_allowed_parents(self):
        assert ArticleIndexPage.allowed_parent_page_models() == [HomePage]
        assert AnnouncementIndexPage.allowed_parent_page_models() == [HomePage]
        assert NewsArticlePage.allowed_parent_page_models() == [ArticleIndexPage]
        assert EventReportPage.allowed_parent_page_models() == [ArticleIndexPage]
        assert AnnouncementPage.allowed_parent_page_models() == [AnnouncementIndexPage]

    def test_allowed_children(self):
        assert set(ArticleIndexPage.allowed_subpage_models()) == {NewsArticlePage, EventReportPage}
        assert AnnouncementIndexPage.allowed_subpage_models() == [AnnouncementPage]
        for leaf in (NewsArticlePage, EventReportPage, AnnouncementPage):
            assert leaf.allowed_subpage_models() == []

    def test_cannot_create_article_under_home(self, home):
        assert not NewsArticlePage.can_create_at(home)
        assert not AnnouncementPage.can_create_at(home)


class TestSeedReport:
    def test_text_and_captions_render_in_order(self, client, demo_content):
        report = EventReportPage.objects.get(title=SEED_TITLE)
        response = client.get(report.url)
        assert response.status_code == 200
        text = text_of(response.content.decode())
        expected = [
            SEED_TITLE,
            SEED_LEAD,
            SEED_CAPTIONS[0],
            SEED_PARAGRAPHS[0],
            SEED_CAPTIONS[1],
            SEED_PARAGRAPHS[1],
            SEED_PARAGRAPHS[2],
            SEED_AUTHOR,
        ]
        positions = []
        for fragment in expected:
            fragment = re.sub(r"\s+", " ", fragment)
            assert fragment in text, fragment[:60]
            positions.append(text.index(fragment))
        assert positions == sorted(positions)

    def test_every_body_image_is_a_figure_with_its_caption(self, client, demo_content):
        report = EventReportPage.objects.get(title=SEED_TITLE)
        html = client.get(report.url).content.decode()
        figures = re.findall(r"<figure class=\"body-figure\">(.*?)</figure>", html, flags=re.S)
        assert len(figures) == 2
        for figure, caption in zip(figures, SEED_CAPTIONS, strict=True):
            assert re.search(r'<img [^>]*alt="[^"]+"', figure)
            assert f"<figcaption>{caption}</figcaption>" in figure

    def test_event_facts_and_related_items(self, client, demo_content):
        report = EventReportPage.objects.get(title=SEED_TITLE)
        text = text_of(client.get(report.url).content.decode())
        assert "26/01/2024" in text
        assert "Hoàng Minh Cường – Phó Chủ tịch UBND thành phố" in text
        assert "Nhà xuất bản Hải Phòng" in text
        assert "Cờ “Đơn vị dẫn đầu khối thi đua” to Sở KH&CN" in text or "cho Sở KH&CN" in text
        assert "07 tập thể" in text
        assert "Văn hóa - xã hội" in text  # a tag


class TestVisibility:
    def test_draft_article_is_invisible_to_readers(self, client, article_factory):
        draft = article_factory(publish_it=False, title="Bản nháp bí mật")
        article_factory(title="Tin đã đăng")
        assert client.get(draft.url or "/tin-tuc/bai-viet-1/").status_code == 404
        listing = client.get("/tin-tuc/").content.decode()
        assert "Tin đã đăng" in listing
        assert "Bản nháp bí mật" not in listing

    def test_draft_article_is_invisible_to_the_api(self, client, article_factory):
        draft = article_factory(publish_it=False, title="Bản nháp bí mật")
        listing = client.get("/api/v2/pages/?type=articles.NewsArticlePage").json()
        assert "Bản nháp bí mật" not in str(listing)
        assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404

    def test_private_article_is_not_listed(self, client, article_factory):
        private = article_factory(title="Tin nội bộ")
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        assert "Tin nội bộ" not in client.get("/tin-tuc/").content.decode()
        assert client.get(private.url).status_code in (302, 403)

    def test_expired_announcement_leaves_the_box_but_stays_in_the_section(
        self, client, announcement_index
    ):
        from datetime import date

        for title, valid_until in [("Còn hiệu lực", None), ("Hết hạn", date(2020, 1, 1))]:
            page = announcement_index.add_child(
                instance=AnnouncementPage(title=title, valid_until=valid_until)
            )
            page.save_revision().publish()
        current = [page.title for page in AnnouncementPage.current()]
        assert current == ["Còn hiệu lực"]
        assert "Hết hạn" in client.get("/thong-bao/").content.decode()


class TestListing:
    def test_newest_first_and_paginated(self, client, article_factory, news_index):
        news_index.per_page = 3
        news_index.save_revision().publish()
        for _ in range(7):
            article_factory()
        first = text_of(client.get("/tin-tuc/").content.decode())
        assert first.index("Bài viết 1 ") < first.index("Bài viết 2 ") < first.index("Bài viết 3 ")
        assert "Bài viết 4 " not in first
        assert "Bài viết 7 " in text_of(client.get("/tin-tuc/?page=3").content.decode())

    @pytest.mark.parametrize("page", ["0", "99", "abc", "-1", "1" * 40])
    def test_bad_page_numbers_are_404(self, client, article_factory, page):
        article_factory()
        assert client.get(f"/tin-tuc/?page={page}").status_code == 404

    def test_filter_by_tag_and_agency(self, client, demo_content):
        index = ArticleIndexPage.objects.get(slug="tin-tuc-su-kien")
        tagged = index.add_child(instance=NewsArticlePage(title="Tin có thẻ", lead="Tóm tắt"))
        tagged.tags.add("Chuyển đổi số")
        tagged.save_revision().publish()
        index_url = index.url
        html = client.get(index_url, {"tag": "Chuyển đổi số"}).content.decode()
        assert "Tin có thẻ" in html and SEED_TITLE not in html
        html = client.get(index_url, {"agency": "so-khcn"}).content.decode()
        assert SEED_TITLE in html and "Tin có thẻ" not in html
        assert client.get(index_url, {"agency": "khong-co"}).status_code == 404

    def test_listing_query_count_does_not_grow(self, client, article_factory, news_index):
        article_factory()
        article_factory()
        client.get("/tin-tuc/")  # renditions are generated on the first view
        small = count_queries(client, "/tin-tuc/")
        for _ in range(8):
            article_factory()
        client.get("/tin-tuc/")
        assert count_queries(client, "/tin-tuc/") == small


class TestArticlePage:
    def test_query_count_does_not_grow_with_body_images(
        self, client, article_factory, image_factory
    ):
        def body(count):
            return [
                ("image", {"image": image_factory(), "caption": f"Chú thích {n}", "credit": ""})
                for n in range(count)
            ]

        small = article_factory(body=body(1))
        large = article_factory(body=body(6))
        for _ in range(4):
            article_factory()
        for page in (small, large):
            client.get(page.url)
        assert count_queries(client, large.url) == count_queries(client, small.url)

    def test_print_stylesheet_and_button(self, client, article_factory):
        html = client.get(article_factory().url).content.decode()
        assert 'media="print"' in html
        assert "data-print" in html
