"""The organisation in the API: the page's chart, leaders and focal points, the people's
new fields and posts, valid against the OpenAPI document, in a flat number of queries."""

import pytest
import schemathesis
from schemathesis.specs.openapi.checks import response_schema_conformance

from snippets.models import Agency

pytestmark = pytest.mark.django_db


def page_detail(client, page, **params):
    response = client.get(f"/api/v2/pages/{page.pk}/", {"fields": "*", **params})
    assert response.status_code == 200, response.content
    return response.json()


def test_the_chart_field_nests_published_units_with_their_heads(
    client, organisation_page, unit_factory, director
):
    office = unit_factory(name="Văn phòng Sở", slug="van-phong-so", head=director)
    unit_factory(name="Tổ văn thư", slug="to-van-thu", parent=office)
    unit_factory(name="Phòng ẩn", live=False)
    chart = page_detail(client, organisation_page)["chart"]
    assert chart["name"] == "Sở Khoa học và Công nghệ"
    [unit] = chart["children"]
    assert unit["slug"] == "van-phong-so"
    assert unit["head"]["official_email"] == "ntmha@haiphong.gov.vn"
    assert unit["html_url"].endswith("/gioi-thieu/don-vi/van-phong-so/")
    assert [child["name"] for child in unit["children"]] == ["Tổ văn thư"]


def test_leaders_and_focal_points_leave_out_unpublished_people(client, organisation_page, deputy):
    deputy.live = False
    deputy.save()
    data = page_detail(client, organisation_page)
    assert [row["person"]["name"] for row in data["leaders"]] == ["Nguyễn Thị Minh Hà"]
    assert data["leaders"][0]["role"] == "director"
    assert data["focal_points"] == []


def test_people_endpoint_serves_contacts_and_posts(client, director):
    response = client.get(f"/api/v2/people/{director.pk}/")
    data = response.json()
    assert data["official_email"] == "ntmha@haiphong.gov.vn"
    assert [post["title"] for post in data["positions"]] == ["Giám đốc Sở", "Phó Giám đốc Sở"]
    assert data["positions"][0]["end_date"] is None


def test_responses_match_the_openapi_document(
    db, wsgi_app, organisation_page, unit_factory, director
):
    unit_factory(name="Văn phòng Sở", head=director, supervisor=director)
    schema = schemathesis.openapi.from_wsgi("/api/v2/openapi.json", wsgi_app)
    for path, query, parameters in [
        ("/api/v2/pages/{id}/", {"fields": "*"}, {"id": organisation_page.pk}),
        ("/api/v2/people/{id}/", {"fields": "*"}, {"id": director.pk}),
        ("/api/v2/agencies/", {"fields": "*"}, {}),
        ("/api/v2/pages/", {"type": "organisation.OrganisationPage", "fields": "*"}, {}),
    ]:
        case = schema[path]["GET"].Case(query=query, path_parameters=parameters)
        response = case.call()
        assert response.status_code == 200
        case.validate_response(response, checks=[response_schema_conformance])


@pytest.mark.parametrize("count", [10, 1000])
def test_query_count_is_flat_in_the_number_of_units(
    client, organisation_page, department, django_assert_max_num_queries, count
):
    Agency.objects.bulk_create(
        Agency(name=f"Phòng {n}", slug=f"phong-{n}", kind="division", parent=department,
               live=True, locale_id=department.locale_id)
        for n in range(count)
    )  # fmt: skip
    page_detail(client, organisation_page)
    with django_assert_max_num_queries(20):
        chart = page_detail(client, organisation_page)["chart"]
    assert len(chart["children"]) == count
    with django_assert_max_num_queries(12):
        response = client.get("/api/v2/agencies/", {"fields": "*", "limit": 100})
    assert response.status_code == 200
