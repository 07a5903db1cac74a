"""A listing fetches the translations of all its items in one query: its query count does not
grow with the number of items that have translations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def count_queries(client, url, params):
    client.get(url, params)  # Warms what is cached once for all (site root paths, renditions).
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200, response.content
    data = response.json()
    items = data.get("items", [data])
    translated = sum(1 for item in items if item["meta"].get("translations"))
    return len(queries), translated


@pytest.fixture
def translated_articles(make_article, translate_page):
    def make(n):
        for _ in range(n):
            translate_page(make_article())

    return make


@pytest.fixture
def translated_agencies(make_agency, translate_agency):
    def make(n):
        for _ in range(n):
            translate_agency(make_agency())

    return make


PAGE_QUERIES = [
    {"type": "articles.NewsArticlePage"},
    {"type": "articles.NewsArticlePage", "locale": "vi"},
    {"locale": "en"},
    {},
]


@pytest.mark.parametrize("params", PAGE_QUERIES)
def test_pages_listing(client, translated_articles, params):
    translated_articles(1)
    few, few_translated = count_queries(client, "/api/v2/pages/", params)
    translated_articles(9)
    many, many_translated = count_queries(client, "/api/v2/pages/", params)

    assert many_translated > few_translated
    assert many == few


@pytest.mark.parametrize("params", [{}, {"locale": "en"}])
def test_agencies_listing(client, translated_agencies, params):
    translated_agencies(1)
    few, few_translated = count_queries(client, "/api/v2/agencies/", params)
    translated_agencies(9)
    many, many_translated = count_queries(client, "/api/v2/agencies/", params)

    assert many_translated > few_translated
    assert many == few


def test_detail_costs_one_query_for_its_translations(client, make_article, translate_page):
    article = make_article()
    url = f"/api/v2/pages/{article.pk}/"
    without, _ = count_queries(client, url, {"fields": "-translations"})
    translate_page(article)
    with_translations, translated = count_queries(client, url, {})
    assert translated == 1
    assert with_translations == without + 1


@pytest.fixture
def full_event_reports(news_index, translate_page, make_agency, locale_vi):
    """Event reports with every related object the API serves: `make(n)` adds n of them."""
    from django.utils import timezone
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from articles.models import (
        ArticleAgency,
        ArticlePerson,
        EventAgency,
        EventAward,
        EventOfficial,
        EventReportPage,
    )
    from blocs.models import BlocIndexPage, BlocPage, BlocYear
    from snippets.models import Award, Person

    from .conftest import publish, save_snippet

    home = news_index.get_parent()
    index = publish(home.add_child(instance=BlocIndexPage(title="Khối thi đua", slug="khoi")))
    bloc = publish(index.add_child(instance=BlocPage(title="Khối Văn hóa", slug="van-hoa")))
    numbers = iter(range(1, 1000))

    def make(n):
        for _ in range(n):
            number = next(numbers)
            agency = make_agency()
            person = save_snippet(
                Person(name=f"Người {number}", slug=f"p-{number}", locale=locale_vi)
            )
            award = save_snippet(
                Award(
                    title=f"Cờ {number}",
                    kind=Award.Kind.EMULATION_FLAG,
                    year=2024,
                    locale=locale_vi,
                )
            )
            term = save_snippet(BlocYear(bloc=bloc, year=2000 + number, locale=locale_vi))
            report = news_index.add_child(
                instance=EventReportPage(
                    title=f"Hội nghị {number}",
                    slug=f"hoi-nghi-{number}",
                    lead="Tóm tắt",
                    date=timezone.now(),
                    event_start=timezone.now(),
                    hero_image=get_image_model().objects.create(
                        title=f"Ảnh {number}", file=get_test_image_file()
                    ),
                    bloc_term=term,
                )
            )
            report.tags.add(f"Thẻ {number}", "Thi đua")
            report.related_agencies = [ArticleAgency(agency=agency)]
            report.related_people = [ArticlePerson(person=person)]
            report.officials = [EventOfficial(person=person, role="Chủ trì")]
            report.participating_agencies = [EventAgency(agency=agency)]
            report.awards_conferred = [EventAward(award=award)]
            report.save()
            translate_page(publish(report))

    return make


@pytest.mark.parametrize("fields", ["*", None])
def test_full_event_reports_listing(client, full_event_reports, fields):
    params = {"type": "articles.EventReportPage", "locale": "vi"}
    if fields:
        params["fields"] = fields
    full_event_reports(1)
    few, few_translated = count_queries(client, "/api/v2/pages/", params)
    full_event_reports(9)
    many, many_translated = count_queries(client, "/api/v2/pages/", params)

    assert (few_translated, many_translated) == (1, 10)
    assert many == few


ENDPOINT_LISTINGS = [
    ("pages", {"type": "articles.NewsArticlePage", "fields": "*"}),
    ("pages", {"type": "articles.EventReportPage", "fields": "*"}),
    ("pages", {"type": "articles.AnnouncementPage", "fields": "*"}),
    ("pages", {"fields": "*"}),
    ("images", {"fields": "*"}),
    ("documents", {"fields": "*"}),
    ("agencies", {"fields": "*"}),
    ("people", {"fields": "*"}),
    ("awards", {"fields": "*"}),
    ("banners", {"fields": "*"}),
    ("blocs", {"fields": "*"}),
]


def kinds_of_content(item):
    """What an item makes a listing fetch: its non-empty fields and its body's block types."""
    kinds = {name for name, value in item.items() if value}
    body = item.get("body")
    if isinstance(body, list):
        kinds |= {("block", block["type"]) for block in body}
    return kinds


@pytest.mark.parametrize("endpoint, params", ENDPOINT_LISTINGS)
def test_listing_query_count_does_not_grow_with_limit(client, demo_content, endpoint, params):
    """The shortest first page whose items, together, have every kind of related object the
    listing holds costs what a page of 50 costs (a page without some kind saves its query)."""
    url = f"/api/v2/{endpoint}/"
    items = client.get(url, {**params, "limit": 50}).json()["items"]
    assert items
    every_kind = set().union(*map(kinds_of_content, items))
    shortest = next(
        size
        for size in range(1, len(items) + 1)
        if set().union(*map(kinds_of_content, items[:size])) == every_kind
    )
    few, _ = count_queries(client, url, {**params, "limit": shortest})
    fifty, _ = count_queries(client, url, {**params, "limit": 50})
    print(
        f"{endpoint} {params}: {len(items)} items, limit={shortest}: {few} queries, "
        f"limit=50: {fifty}"
    )
    assert fifty == few


@pytest.fixture
def articles_with_body_images(news_index):
    """`make(n)` adds n articles whose bodies hold a captioned image, a gallery and a document."""
    from django.utils import timezone
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from articles.models import NewsArticlePage

    from .conftest import publish

    numbers = iter(range(1, 1000))

    def image(title):
        return get_image_model().objects.create(
            title=title, description=f"Mô tả {title}", file=get_test_image_file()
        )

    def make(n):
        for _ in range(n):
            number = next(numbers)
            document = get_document_model().objects.create(
                title=f"Tài liệu {number}", file=get_test_image_file(filename="tai-lieu.png")
            )
            figure = {"image": image(f"Ảnh {number}"), "alt_text": "", "decorative": False}
            body = [
                ("image", {"image": figure, "caption": "Chú thích", "credit": ""}),
                (
                    "gallery",
                    {
                        "title": "Bộ ảnh",
                        "images": [
                            {"image": {**figure, "image": image(f"Ảnh {number}.{i}")}}
                            for i in range(3)
                        ],
                    },
                ),
                ("document", {"document": document, "title": "Tải về"}),
            ]
            publish(
                news_index.add_child(
                    instance=NewsArticlePage(
                        title=f"Bài có ảnh {number}",
                        slug=f"bai-co-anh-{number}",
                        lead="Tóm tắt",
                        date=timezone.now(),
                        body=body,
                    )
                )
            )

    return make


def test_body_images_cost_the_same_for_one_article_or_ten(client, articles_with_body_images):
    """`fields=*` includes the StreamField body: its images, their renditions and its
    documents are fetched for the whole page of results at once."""
    params = {"type": "articles.NewsArticlePage", "fields": "*"}
    articles_with_body_images(1)
    one, _ = count_queries(client, "/api/v2/pages/", params)
    articles_with_body_images(9)
    ten, _ = count_queries(client, "/api/v2/pages/", params)
    items = client.get("/api/v2/pages/", params).json()["items"]
    figures = [block for item in items for block in item["body"] if block["type"] == "image"]
    assert len(figures) == 10
    assert all(figure["value"]["image"]["renditions"]["large"]["url"] for figure in figures)
    assert ten == one


def test_a_listing_mixing_bare_image_ids_with_image_block_values(
    client, articles_with_body_images, news_index
):
    """ImageBlock also reads a bare image id (content made when the block was an image
    chooser, or by an importer); a listing holding both kinds answers with both images."""
    from django.utils import timezone
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from articles.models import NewsArticlePage

    from .conftest import publish

    articles_with_body_images(1)
    image = get_image_model().objects.create(title="Ảnh cũ", file=get_test_image_file())
    old_format = [
        {"type": "image", "value": {"image": image.pk, "caption": "Ảnh cũ", "credit": ""}},
        {"type": "gallery", "value": {"title": "", "images": [{"image": image.pk}]}},
    ]
    publish(
        news_index.add_child(
            instance=NewsArticlePage(
                title="Bài định dạng cũ",
                slug="bai-dinh-dang-cu",
                lead="Tóm tắt",
                date=timezone.now(),
                body=old_format,
            )
        )
    )
    response = client.get("/api/v2/pages/", {"type": "articles.NewsArticlePage", "fields": "*"})
    assert response.status_code == 200
    figures = [
        block["value"]["image"]
        for item in response.json()["items"]
        for block in item["body"]
        if block["type"] == "image"
    ]
    assert len(figures) == 2
    assert all(figure["renditions"]["large"]["url"] for figure in figures)
    old = next(figure for figure in figures if figure["id"] == image.pk)
    assert old["alt"] == "Ảnh cũ"
    assert client.get("/tin-tuc/").status_code == 200
