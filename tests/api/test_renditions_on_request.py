"""`?renditions=width-800,fill-400x300`: an anonymous reader (a front end) gets those
renditions, srcset-ready, on the images endpoint and on every image field; only specs of the
allow-list, created once, at a fixed number of queries, never for a private collection."""

from itertools import count

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

from articles.models import NewsArticlePage
from snippets.banners import Banner
from snippets.models import Person

from .conftest import publish, save_snippet

pytestmark = pytest.mark.django_db

Image = get_image_model()
Rendition = Image.get_rendition_model()
SPECS = "width-800,fill-400x300"
_serial = count(1)


def image(collection=None):
    number = next(_serial)
    return Image.objects.create(
        title=f"Ảnh {number}",
        file=get_test_image_file(filename=f"anh-{number}.png", size=(1200, 900)),
        **({"collection": collection} if collection else {}),
    )


@pytest.fixture
def agencies_with_logos(make_agency):
    """`make(n)`: n live agencies, each with its own logo (so the images endpoint lists it)."""

    def make(n, collection=None):
        made = []
        for _ in range(n):
            agency = make_agency()
            agency.logo = image(collection)
            made.append(save_snippet(agency))
        return made

    return make


def get(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return response.json()


def queries(client, path, **params):
    with CaptureQueriesContext(connection) as context:
        assert client.get(path, params).status_code == 200
    return len(context.captured_queries)


def check_renditions(value):
    """The requested renditions of a serialised image, and its srcset made of them."""
    wide, card = value["renditions"]["width-800"], value["renditions"]["fill-400x300"]
    assert (wide["width"], wide["height"]) == (800, 600)
    assert (card["width"], card["height"]) == (400, 300)
    for rendition in (wide, card):
        assert rendition["full_url"] == settings.WAGTAILAPI_BASE_URL + rendition["url"]
    assert ".width-800." in wide["url"] and ".fill-400x300." in card["url"]
    assert value["srcset"] == f"{card['full_url']} 400w, {wide['full_url']} 800w"
    assert {"thumbnail", "large"} <= value["renditions"].keys()  # the ready-made ones stay


def test_the_images_listing_and_detail_serve_the_requested_renditions(client, agencies_with_logos):
    agencies_with_logos(2)
    items = get(client, "/api/v2/images/", renditions=SPECS)["items"]
    assert len(items) == 2
    for item in items:
        check_renditions(item)
    detail = get(client, f"/api/v2/images/{items[0]['id']}/", renditions=SPECS)
    check_renditions(detail)
    assert detail["renditions"] == items[0]["renditions"]


def test_without_the_parameter_the_srcset_holds_the_ready_made_renditions(
    client, agencies_with_logos
):
    agencies_with_logos(1)
    item = get(client, "/api/v2/images/")["items"][0]
    assert set(item["renditions"]) == {"thumbnail", "large"}
    large, thumbnail = item["renditions"]["large"], item["renditions"]["thumbnail"]
    assert item["srcset"] == f"{thumbnail['full_url']} 160w, {large['full_url']} 1200w"


def test_a_listing_of_thirty_images_costs_the_queries_of_three(client, agencies_with_logos):
    agencies_with_logos(3)
    get(client, "/api/v2/images/", renditions=SPECS)  # creates the renditions
    few = queries(client, "/api/v2/images/", renditions=SPECS, limit=30)
    agencies_with_logos(27)
    get(client, "/api/v2/images/", renditions=SPECS, limit=30)
    created = Rendition.objects.count()
    many = queries(client, "/api/v2/images/", renditions=SPECS, limit=30)
    assert many == few
    # The second request creates nothing: every rendition was made once.
    assert Rendition.objects.count() == created
    assert Rendition.objects.filter(filter_spec="width-800").count() == 30


def test_agencies_people_and_banners_images_take_the_parameter(
    client, agencies_with_logos, locale_vi
):
    agency = agencies_with_logos(1)[0]
    save_snippet(Person(name="Nguyễn Văn A", slug="nguyen-van-a", photo=image(), locale=locale_vi))
    save_snippet(Banner(title="Băng rôn", image=image(), alt_text="Băng rôn", locale=locale_vi))
    logo = get(client, f"/api/v2/agencies/{agency.pk}/", renditions=SPECS)["logo"]
    check_renditions(logo)
    check_renditions(get(client, "/api/v2/people/", renditions=SPECS)["items"][0]["photo"])
    check_renditions(get(client, "/api/v2/banners/", renditions=SPECS)["items"][0]["image"])


def test_agencies_listing_queries_do_not_grow_with_requested_renditions(
    client, agencies_with_logos
):
    agencies_with_logos(3)
    get(client, "/api/v2/agencies/", renditions=SPECS)
    few = queries(client, "/api/v2/agencies/", renditions=SPECS, limit=30)
    agencies_with_logos(27)
    get(client, "/api/v2/agencies/", renditions=SPECS, limit=30)
    created = Rendition.objects.count()
    assert queries(client, "/api/v2/agencies/", renditions=SPECS, limit=30) == few
    assert Rendition.objects.count() == created


@pytest.fixture
def illustrated_articles(news_index):
    """`make(n)`: n articles with a hero image and a captioned image in the body."""

    def make(n):
        for _ in range(n):
            number = next(_serial)
            figure = {"image": image(), "alt_text": "", "decorative": False}
            publish(
                news_index.add_child(
                    instance=NewsArticlePage(
                        title=f"Bài có ảnh {number}",
                        slug=f"bai-co-anh-{number}",
                        lead="Tóm tắt",
                        date=timezone.now(),
                        hero_image=image(),
                        body=[("image", {"image": figure, "caption": "", "credit": ""})],
                    )
                )
            )

    return make


def test_page_image_fields_and_body_images_take_the_parameter(client, illustrated_articles):
    illustrated_articles(1)
    params = {"type": "articles.NewsArticlePage", "fields": "hero_image,picture,body"}
    item = get(client, "/api/v2/pages/", renditions=SPECS, **params)["items"][0]
    check_renditions(item["hero_image"])
    check_renditions(item["picture"])
    check_renditions(item["body"][0]["value"]["image"])
    detail = get(client, f"/api/v2/pages/{item['id']}/", renditions=SPECS)
    check_renditions(detail["hero_image"])
    check_renditions(detail["body"][0]["value"]["image"])


def test_a_pages_listing_costs_the_same_for_three_articles_or_thirty(client, illustrated_articles):
    params = {"type": "articles.NewsArticlePage", "fields": "*", "renditions": SPECS}
    illustrated_articles(3)
    get(client, "/api/v2/pages/", **params)
    few = queries(client, "/api/v2/pages/", **params, limit=30)
    illustrated_articles(27)
    get(client, "/api/v2/pages/", **params, limit=30)
    created = Rendition.objects.count()
    assert queries(client, "/api/v2/pages/", **params, limit=30) == few
    assert Rendition.objects.count() == created


@pytest.mark.parametrize(
    "value",
    [
        "width-801",  # not in the allow-list
        "width-800,original",
        "",  # empty
        "width-800,,fill-400x300",
        "width-400,width-800,width-1200,fill-100x100,fill-400x300",  # more than 4
        "fill-400x300|format-webp",
        "x" * 5000,
    ],
)
@pytest.mark.parametrize("path", ["images", "agencies", "people", "banners", "pages", "awards"])
def test_a_spec_outside_the_allow_list_is_a_400_naming_the_parameter(
    client, agencies_with_logos, path, value
):
    agency = agencies_with_logos(1)[0]
    for url in (f"/api/v2/{path}/", f"/api/v2/agencies/{agency.pk}/"):
        response = client.get(url, {"renditions": value})
        assert response.status_code == 400, (url, value)
        assert response["Content-Type"] == "application/json"
        assert response.json()["message"].startswith("renditions")
    assert not Rendition.objects.filter(filter_spec__in=["width-801", "original"]).exists()


def test_the_allow_list_and_its_bound_come_from_settings(client, agencies_with_logos, settings):
    agencies_with_logos(1)
    settings.API_RENDITION_SPECS = ["max-50x50", "width-800"]
    settings.API_RENDITIONS_MAX = 1
    item = get(client, "/api/v2/images/", renditions="max-50x50")["items"][0]
    assert item["renditions"]["max-50x50"]["width"] == 50
    assert client.get("/api/v2/images/", {"renditions": "fill-400x300"}).status_code == 400
    assert client.get("/api/v2/images/", {"renditions": "max-50x50,width-800"}).status_code == 400


def test_repeated_specs_and_spaces_are_read_once(client, agencies_with_logos):
    agencies_with_logos(1)
    item = get(client, "/api/v2/images/", renditions=" width-800 ,fill-400x300,width-800")
    check_renditions(item["items"][0])


@pytest.fixture
def private_collection():
    collection = Collection.get_first_root_node().add_child(name="Nội bộ")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    return collection.add_child(name="Nội bộ - ảnh")  # restricted through its parent


def test_images_of_a_private_collection_get_no_requested_renditions(
    client, agencies_with_logos, private_collection
):
    agency = agencies_with_logos(1, collection=private_collection)[0]
    assert get(client, "/api/v2/images/", renditions=SPECS)["items"] == []
    assert client.get(f"/api/v2/images/{agency.logo_id}/").status_code == 404
    logo = get(client, f"/api/v2/agencies/{agency.pk}/", renditions=SPECS)["logo"]
    assert set(logo["renditions"]) == {"thumbnail", "large"}
    assert "width-800" not in logo["srcset"]
    assert not Rendition.objects.filter(
        image_id=agency.logo_id, filter_spec__in=SPECS.split(",")
    ).exists()


def test_the_document_describes_the_parameter_and_the_shape(client):
    document = client.get("/api/v2/openapi.json").json()
    for path in ("/api/v2/images/", "/api/v2/images/{id}/", "/api/v2/agencies/{id}/"):
        names = {parameter["name"] for parameter in document["paths"][path]["get"]["parameters"]}
        assert "renditions" in names, path
    schemas = document["components"]["schemas"]
    assert "width-800" in schemas["Renditions"]["propertyNames"]["enum"]
    assert "srcset" in schemas["ImageWithRenditions"]["oneOf"][0]["required"]


def test_figures_over_the_demo_content(client, demo_content):
    """Prints the queries and time of a listing of the demo's images without, then with two
    requested renditions, first call (renditions created) and second (docs/api.md)."""
    import time

    plain, requested = {"limit": 30}, {"renditions": SPECS, "limit": 30}
    figures = []
    for label, params in (
        ("first call", plain),
        ("second call", plain),
        ("first call", requested),
        ("second call", requested),
    ):
        before = Rendition.objects.count()
        with CaptureQueriesContext(connection) as context:
            start = time.perf_counter()
            response = client.get("/api/v2/images/", params)
            elapsed = time.perf_counter() - start
        assert response.status_code == 200
        created = Rendition.objects.count() - before
        figures.append((len(context), created))
        print(
            f"\n/api/v2/images/?{'&'.join(f'{k}={v}' for k, v in params.items())} {label}: "
            f"{len(response.json()['items'])} images, {len(context)} queries, "
            f"{elapsed * 1000:.0f} ms, {created} renditions created"
        )
    assert figures[3][1] == 0
    assert figures[3][0] <= figures[1][0] + 2


@pytest.mark.parametrize("endpoint", ["images", "agencies", "legal-documents", "pages"])
def test_a_detail_id_beyond_the_databases_integers_is_a_404(client, home, endpoint):
    """Found by the fuzz run (with `?renditions=`): a 500 from the database before."""
    response = client.get(f"/api/v2/{endpoint}/12073127038012975545588037441592229888/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
