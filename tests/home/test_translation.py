"""Vietnamese first, English second: content translated with wagtail-localize, the language
switcher and hreflang links, and the English demo."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from articles.models import AnnouncementPage, ArticleIndexPage, EventReportPage, NewsArticlePage
from demo.data import SEED_TITLE
from demo.english import SEED_TITLE_EN
from snippets.models import Agency

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(demo_content_en):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def seed_report(demo_content_en):
    return EventReportPage.objects.get(title=SEED_TITLE)


def fill_strings(translation, strings):
    """What an editor does in wagtail-localize's editor: translate each segment."""
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, entry.msgid)
    translation.import_po(po)


def hreflangs(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html))


class TestTranslatingContent:
    def test_an_editor_translates_and_publishes_a_page(
        self, admin_client, english, django_capture_on_commit_callbacks
    ):
        index = ArticleIndexPage.objects.get(locale__language_code="vi")
        page = index.add_child(
            instance=NewsArticlePage(
                title="Hội thảo chuyển đổi số", slug="hoi-thao", lead="Tóm tắt"
            )
        )
        page.save_revision().publish()
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(url, {"locales": [english.pk]})
        assert response.status_code == 302
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=english
        )
        fill_strings(
            translation,
            {
                "Hội thảo chuyển đổi số": "Digital transformation workshop",
                "hoi-thao": "workshop",
                "Tóm tắt": "Summary",
            },
        )
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)
        english_page = page.get_translation(english)
        assert english_page.live
        response = admin_client.get("/en/news-and-events/workshop/")
        assert response.status_code == 200
        assert "Digital transformation workshop" in response.content.decode()

    def test_an_editor_translates_a_snippet(
        self, admin_client, english, django_capture_on_commit_callbacks
    ):
        agency = Agency.objects.create(
            name="Sở Tư pháp", slug="so-tu-phap", locale=Locale.objects.get(language_code="vi")
        )
        agency.save_revision().publish()
        url = reverse(
            "wagtail_localize:submit_snippet_translation", args=["snippets", "agency", agency.pk]
        )
        with django_capture_on_commit_callbacks(execute=True):
            assert admin_client.post(url, {"locales": [english.pk]}).status_code == 302
        translation = Translation.objects.get(
            source__object_id=agency.translation_key, target_locale=english
        )
        fill_strings(translation, {"Sở Tư pháp": "Department of Justice"})
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)
        english_agency = agency.get_translation(english)
        assert english_agency.name == "Department of Justice"
        assert english_agency.live

    def test_synchronised_fields_follow_the_source(
        self, admin_client, seed_report, english, django_capture_on_commit_callbacks
    ):
        seed_report.event_start = seed_report.event_start.replace(hour=14)
        seed_report.save_revision().publish()
        source = Translation.objects.get(
            source__object_id=seed_report.translation_key, target_locale=english
        ).source
        url = reverse("wagtail_localize:update_translations", args=[source.pk])
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(url, {"publish_translations": "on"})
        assert response.status_code == 302
        english_report = EventReportPage.objects.get(pk=seed_report.get_translation(english).pk)
        assert english_report.event_start == seed_report.event_start
        assert english_report.title == SEED_TITLE_EN


class TestEnglishDemo:
    def test_english_pages_are_made_with_wagtail_localize(self, seed_report, english):
        assert Translation.objects.filter(
            source__object_id=seed_report.translation_key, target_locale=english
        ).exists()
        for agency in Agency.objects.filter(locale__language_code="vi"):
            assert agency.get_translation(english).live

    def test_english_report_names_english_agencies(self, client, seed_report, english):
        html = client.get(seed_report.get_translation(english).url).content.decode()
        assert '<html lang="en">' in html
        assert SEED_TITLE_EN in html
        assert "Department of Education and Training" in html
        assert "Sở Giáo dục và Đào tạo" not in html

    def test_english_home_page(self, client, english):
        response = client.get("/en/")
        assert response.status_code == 200
        assert '<html lang="en">' in response.content.decode()


class TestSwitcherAndHreflang:
    def test_switcher_leads_to_the_translation(self, client, seed_report, english):
        html = client.get(seed_report.url).content.decode()
        english_url = seed_report.get_translation(english).url
        assert f'href="{english_url}" lang="en" hreflang="en"' in html
        links = hreflangs(html)
        assert set(links) == {"vi", "en", "x-default"}
        assert links["en"].endswith(english_url)
        assert links["x-default"] == links["vi"]

    def test_english_page_links_back_to_vietnamese(self, client, seed_report, english):
        html = client.get(seed_report.get_translation(english).url).content.decode()
        assert f'href="{seed_report.url}" lang="vi" hreflang="vi"' in html
        assert hreflangs(html)["vi"].endswith(seed_report.url)

    def test_untranslated_page_leads_to_the_english_home_page(self, client, demo_content_en):
        page = demo_content_en.announcement_index.add_child(
            instance=AnnouncementPage(title="Thông báo chưa dịch", slug="thong-bao-chua-dich")
        )
        page.save_revision().publish()
        html = client.get(page.url).content.decode()
        assert 'href="/en/" lang="en" hreflang="en"' in html
        assert hreflangs(html) == {}

    def test_draft_translation_is_not_offered(self, client, seed_report, english):
        seed_report.get_translation(english).unpublish()
        html = client.get(seed_report.url).content.decode()
        assert 'href="/en/" lang="en" hreflang="en"' in html
        assert "en" not in hreflangs(html)
