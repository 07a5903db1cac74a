"""An editor creates every article page type in the admin, with every field."""

import pytest
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import (
    AnnouncementIndexPage,
    AnnouncementPage,
    ArticleIndexPage,
    EventReportPage,
    NewsArticlePage,
)
from demo.content import DemoContent
from snippets.models import Agency, Award, Person

pytestmark = pytest.mark.django_db


class TestCreatePages(WagtailPageTestCase):
    def setUp(self):
        self.login()
        DemoContent().load()
        self.news_index = ArticleIndexPage.objects.get(slug="tin-tuc-su-kien")
        self.announcement_index = AnnouncementIndexPage.objects.get(slug="thong-bao")
        self.agency = Agency.objects.get(slug="so-khcn")
        self.person = Person.objects.get(slug="hoang-minh-cuong")
        self.award = Award.objects.first()

    def article_data(self, title):
        return {
            "title": title,
            "slug": "",
            "lead": "Tóm tắt của bài viết.",
            "hero_caption": "Chú thích ảnh",
            "author": "Chiêu Minh",
            "date": "2024-01-26 08:00:00",
            "tags": "Thi đua, Khen thưởng",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Đoạn văn đầu tiên.</p>")),
                    ("heading", {"text": "Tiêu đề phụ", "level": "h2"}),
                    ("quote", {"text": "Trích dẫn", "attribution": "Người phát biểu"}),
                ]
            ),
            "related_agencies": inline_formset([{"agency": self.agency.pk}]),
            "related_people": inline_formset([{"person": self.person.pk}]),
        }

    def test_news_article(self):
        data = self.article_data("Tin mới từ biên tập viên")
        data["slug"] = "tin-moi-tu-bien-tap-vien"
        self.assertCanCreate(self.news_index, NewsArticlePage, nested_form_data(data))
        page = NewsArticlePage.objects.get(slug="tin-moi-tu-bien-tap-vien")
        assert page.live and page.author == "Chiêu Minh"
        assert [link.agency for link in page.related_agencies.all()] == [self.agency]
        assert {tag.name for tag in page.tags.all()} == {"Thi đua", "Khen thưởng"}

    def test_event_report(self):
        data = self.article_data("Hội nghị mới")
        data.update(
            slug="hoi-nghi-moi",
            event_start="2024-01-26 08:00:00",
            event_end="2024-01-26 11:00:00",
            venue="Hội trường thành phố",
            officials=inline_formset(
                [{"person": self.person.pk, "role": "chủ trì", "presided": "on"}]
            ),
            participating_agencies=inline_formset([{"agency": self.agency.pk}]),
            awards_conferred=inline_formset([{"award": self.award.pk}]),
        )
        self.assertCanCreate(self.news_index, EventReportPage, nested_form_data(data))
        page = EventReportPage.objects.get(slug="hoi-nghi-moi")
        assert page.venue == "Hội trường thành phố"
        assert page.officials.get().presided is True
        assert page.awards_conferred.get().award == self.award

    def test_event_report_cannot_end_before_it_starts(self):
        data = self.article_data("Sự kiện sai giờ")
        data.update(
            slug="su-kien-sai-gio",
            event_start="2024-01-26 08:00:00",
            event_end="2024-01-25 08:00:00",
            venue="",
            officials=inline_formset([]),
            participating_agencies=inline_formset([]),
            awards_conferred=inline_formset([]),
            **{"action-publish": "action-publish"},
        )
        url = reverse(
            "wagtailadmin_pages:add", args=("articles", "eventreportpage", self.news_index.pk)
        )
        response = self.client.post(url, nested_form_data(data))
        assert response.status_code == 200
        assert not EventReportPage.objects.filter(slug="su-kien-sai-gio").exists()
        assert "event_end" in response.context["form"].errors

    def test_announcement(self):
        data = {
            "title": "Thông báo mới",
            "slug": "thong-bao-moi",
            "summary": "Tóm tắt",
            "body": rich_text("<p>Nội dung</p>"),
            "date": "2024-02-01 08:00:00",
            "valid_until": "2030-12-31",
            "attachments": inline_formset([]),
        }
        self.assertCanCreate(self.announcement_index, AnnouncementPage, nested_form_data(data))
        assert AnnouncementPage.objects.get(slug="thong-bao-moi").valid_until.year == 2030
