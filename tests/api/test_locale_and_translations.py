"""`?locale=vi|en` on every endpoint; `meta.locale` and `meta.translations` on every item of
the translatable ones (pages, agencies, people, awards, banners, blocs)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.api.utils import get_full_url
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from blocs.models import BlocIndexPage, BlocPage
from snippets.models import Banner

from .conftest import publish, save_snippet

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "pages",
    "images",
    "documents",
    "agencies",
    "people",
    "awards",
    "banners",
    "blocs",
    "legal-documents",
]


def api_url(path):
    """The full address of an API path, as the API writes it (WAGTAILAPI_BASE_URL)."""
    return get_full_url(None, f"/api/v2/{path}")


def get_json(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def items(client, url, **params):
    return get_json(client, url, **params)["items"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_unknown_locale_is_a_400_naming_the_parameter(client, home, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", {"locale": "fr"})
    assert response.status_code == 400
    assert response.json() == {"message": "locale must be one of: vi, en"}


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_every_endpoint_accepts_a_known_locale(client, home, locale_en, endpoint):
    assert client.get(f"/api/v2/{endpoint}/", {"locale": "en"}).status_code == 200
    assert client.get(f"/api/v2/{endpoint}/", {"locale": "vi"}).status_code == 200


def test_images_and_documents_have_no_language_and_are_not_filtered(client, make_article):
    image = get_image_model().objects.create(title="Ảnh", file=get_test_image_file())
    document = get_document_model().objects.create(title="Quyết định")
    # The API lists what published content uses (core.visibility.published_media).
    article = make_article()
    article.hero_image = image
    article.body = [("document", {"document": document, "title": ""})]
    publish(article)

    for endpoint in ("images", "documents"):
        assert len(items(client, f"/api/v2/{endpoint}/", locale="en")) == 1
        assert len(items(client, f"/api/v2/{endpoint}/", locale="vi")) == 1


def test_a_configured_language_without_locale_yet_lists_nothing(client, make_article):
    make_article("Hội nghị khoa học")
    assert not Locale.objects.filter(language_code="en").exists()

    assert items(client, "/api/v2/pages/", locale="en") == []
    assert items(client, "/api/v2/agencies/", locale="en") == []


class TestPages:
    def test_locale_lists_only_that_language_and_each_item_its_translation(
        self, client, make_article, translate_page
    ):
        article = make_article("Hội nghị khoa học")
        english = translate_page(article, "Science conference")
        params = {"type": "articles.NewsArticlePage"}

        [item] = items(client, "/api/v2/pages/", locale="en", **params)
        assert item["id"] == english.pk
        assert item["meta"]["locale"] == "en"
        english_item = item
        [vietnamese_item] = items(client, "/api/v2/pages/", locale="vi", **params)
        assert vietnamese_item["id"] == article.pk
        assert vietnamese_item["meta"]["locale"] == "vi"

        # Each names the other as the other's own endpoint serves it.
        assert english_item["meta"]["translations"] == [
            {
                "locale": "vi",
                "id": article.pk,
                "detail_url": vietnamese_item["meta"]["detail_url"],
                "html_url": vietnamese_item["meta"]["html_url"],
            }
        ]
        assert vietnamese_item["meta"]["translations"] == [
            {
                "locale": "en",
                "id": english.pk,
                "detail_url": english_item["meta"]["detail_url"],
                "html_url": english_item["meta"]["html_url"],
            }
        ]
        assert english_item["meta"]["detail_url"].endswith(f"/api/v2/pages/{english.pk}/")
        assert vietnamese_item["meta"]["html_url"] == f"http://testserver/tin-tuc/{article.slug}/"
        translation = vietnamese_item["meta"]["translations"][0]
        assert translation["html_url"].startswith("http://testserver/en/")
        assert translation["html_url"].endswith(f"/{english.slug}/")
        # The English address serves the English page.
        assert client.get(translation["html_url"]).status_code == 200

    def test_detail_view_has_the_same_meta(self, client, make_article, translate_page):
        article = make_article()
        english = translate_page(article)

        data = get_json(client, f"/api/v2/pages/{article.pk}/")
        assert data["meta"]["locale"] == "vi"
        assert [(t["locale"], t["id"]) for t in data["meta"]["translations"]] == [
            ("en", english.pk)
        ]
        data = get_json(client, f"/api/v2/pages/{english.pk}/")
        assert [(t["locale"], t["id"]) for t in data["meta"]["translations"]] == [
            ("vi", article.pk)
        ]

    def test_a_page_without_translation_lists_none(self, client, make_article):
        article = make_article()
        [item] = items(client, "/api/v2/pages/", type="articles.NewsArticlePage")
        assert item["id"] == article.pk
        assert item["meta"]["translations"] == []

    def test_draft_translation_is_neither_listed_nor_named(
        self, client, make_article, translate_page
    ):
        article = make_article()
        draft = translate_page(article, publish_it=False)
        assert not draft.live

        assert items(client, "/api/v2/pages/", locale="en", type="articles.NewsArticlePage") == []
        [item] = items(client, "/api/v2/pages/", type="articles.NewsArticlePage")
        assert item["id"] == article.pk
        assert item["meta"]["translations"] == []
        data = get_json(client, f"/api/v2/pages/{article.pk}/")
        assert data["meta"]["translations"] == []

    def test_unpublished_translation_disappears(self, client, make_article, translate_page):
        article = make_article()
        english = translate_page(article)
        english.unpublish()

        data = get_json(client, f"/api/v2/pages/{article.pk}/")
        assert data["meta"]["translations"] == []

    def test_private_translation_is_not_named(
        self, client, make_article, translate_page, make_private
    ):
        article = make_article()
        make_private(translate_page(article))

        [item] = items(client, "/api/v2/pages/", type="articles.NewsArticlePage")
        assert item["id"] == article.pk
        assert item["meta"]["translations"] == []
        assert get_json(client, f"/api/v2/pages/{article.pk}/")["meta"]["translations"] == []

    def test_translation_under_a_private_parent_is_not_named(
        self, client, make_article, translate_page, make_private
    ):
        article = make_article()
        english = translate_page(article)
        make_private(english.get_parent())

        assert get_json(client, f"/api/v2/pages/{article.pk}/")["meta"]["translations"] == []

    def test_translations_can_be_left_out(self, client, make_article, translate_page):
        translate_page(make_article())
        [item] = items(
            client,
            "/api/v2/pages/",
            locale="vi",
            type="articles.NewsArticlePage",
            fields="-translations",
        )
        assert "translations" not in item["meta"]
        assert item["meta"]["locale"] == "vi"


class TestAgencies:
    def test_locale_and_translations(self, client, make_agency, translate_agency):
        agency = make_agency("Sở Khoa học và Công nghệ")
        english = translate_agency(agency, "Department of Science and Technology")

        [item] = items(client, "/api/v2/agencies/", locale="en")
        assert item["name"] == "Department of Science and Technology"
        assert item["meta"]["locale"] == "en"
        assert item["meta"]["translations"] == [
            {"locale": "vi", "id": agency.pk, "detail_url": api_url(f"agencies/{agency.pk}/")}
        ]
        data = get_json(client, f"/api/v2/agencies/{agency.pk}/")
        assert data["meta"]["locale"] == "vi"
        assert data["meta"]["translations"] == [
            {"locale": "en", "id": english.pk, "detail_url": api_url(f"agencies/{english.pk}/")}
        ]
        assert data["meta"]["translations"][0]["detail_url"] == item["meta"]["detail_url"]

    def test_draft_translation_is_not_named(self, client, make_agency, translate_agency):
        agency = make_agency()
        translate_agency(agency, publish_it=False)

        assert items(client, "/api/v2/agencies/", locale="en") == []
        [item] = items(client, "/api/v2/agencies/")
        assert item["meta"]["translations"] == []
        assert get_json(client, f"/api/v2/agencies/{agency.pk}/")["meta"]["translations"] == []

    def test_nested_agencies_carry_no_translations(
        self, client, make_agency, translate_agency, locale_vi
    ):
        from snippets.models import Award, AwardRecipient

        agency = make_agency()
        translate_agency(agency)
        award = Award(title="Cờ thi đua", kind=Award.Kind.EMULATION_FLAG, year=2024)
        award.locale = locale_vi
        award.recipients = [AwardRecipient(agency=agency)]
        save_snippet(award)

        data = get_json(client, f"/api/v2/awards/{award.pk}/")
        assert data["meta"]["translations"] == []
        assert "translations" not in data["recipients"][0]["meta"]


def test_expired_banner_translation_is_not_named(client, locale_vi, locale_en):
    image = get_image_model().objects.create(title="Ảnh", file=get_test_image_file())
    banner = save_snippet(
        Banner(title="Cổng thông tin thành phố", alt_text="Cổng", image=image, locale=locale_vi)
    )
    english = banner.copy_for_translation(locale_en)
    english.ends_at = timezone.now() - timedelta(days=1)
    save_snippet(english)

    [item] = items(client, "/api/v2/banners/")
    assert item["id"] == banner.pk
    assert item["meta"]["translations"] == []

    english.ends_at = None
    english.save()
    [item] = items(client, "/api/v2/banners/", locale="vi")
    assert [(t["locale"], t["id"]) for t in item["meta"]["translations"]] == [("en", english.pk)]


def test_bloc_translations_point_to_the_blocs_endpoint(client, home, translate_page):
    index = publish(home.add_child(instance=BlocIndexPage(title="Khối thi đua", slug="khoi")))
    bloc = publish(index.add_child(instance=BlocPage(title="Khối Văn hóa - xã hội", slug="vhxh")))
    english = translate_page(bloc, "Culture and society bloc")

    [item] = items(client, "/api/v2/blocs/", locale="vi")
    assert item["meta"]["locale"] == "vi"
    [translation] = item["meta"]["translations"]
    assert translation["locale"] == "en"
    assert translation["id"] == english.pk
    assert translation["detail_url"] == api_url(f"blocs/{english.pk}/")
    assert translation["html_url"].startswith("http://testserver/en/")
    [item] = items(client, "/api/v2/blocs/", locale="en")
    assert item["id"] == english.pk
    assert [t["id"] for t in item["meta"]["translations"]] == [bloc.pk]


def test_search_with_locale_keeps_translations(
    client, make_article, translate_page, make_agency, translate_agency
):
    article = make_article("Hội nghị khoa học")
    english = translate_page(article, "Science conference")
    make_article("Tin khác")
    agency = make_agency("Sở Khoa học và Công nghệ")
    english_agency = translate_agency(agency, "Department of Science and Technology")

    [item] = items(client, "/api/v2/pages/", search="conference", locale="en")
    assert item["id"] == english.pk
    assert [t["id"] for t in item["meta"]["translations"]] == [article.pk]
    [item] = items(client, "/api/v2/agencies/", search="Khoa học", locale="vi")
    assert item["id"] == agency.pk
    assert [t["id"] for t in item["meta"]["translations"]] == [english_agency.pk]


def test_translation_of_and_locale_together(client, make_article, translate_page):
    article = make_article()
    english = translate_page(article)

    [item] = items(client, "/api/v2/pages/", translation_of=article.pk, locale="en")
    assert item["id"] == english.pk
    assert client.get(f"/api/v2/pages/{article.pk}/", {"locale": "en"}).status_code == 404
    response = client.get(f"/api/v2/pages/{article.pk}/", {"locale": "xx"})
    assert response.status_code == 400
    assert "locale" in response.json()["message"]
