"""The OpenAPI document: it covers every endpoint, parameter and field, and real responses
of every endpoint over the demo content match it."""

import pytest
import schemathesis
from django.core.exceptions import ImproperlyConfigured
from rest_framework.fields import Field
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from wagtail.api import APIField

from articles.models import EventReportPage
from core.internals import api_endpoints
from core.openapi.document import openapi_document
from portal.api import api_router
from snippets.api import AgenciesAPIViewSet

pytestmark = pytest.mark.django_db

CHECKS = [status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def schema(db, wsgi_app):
    return schemathesis.openapi.from_wsgi("/api/v2/openapi.json", wsgi_app)


def test_document_is_served_cacheable_and_open_to_every_origin(client):
    response = client.get("/api/v2/openapi.json", HTTP_ORIGIN="https://cong.example.gov.vn")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"].startswith("public, max-age=")
    again = client.get("/api/v2/openapi.json", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert response.json()["openapi"].startswith("3.")


def test_every_endpoint_and_view_is_described():
    paths = openapi_document(api_router)["paths"]
    for name, view in api_endpoints(api_router).items():
        # An endpoint of our own, with one address.
        if hasattr(view, "openapi_paths") or hasattr(view, "openapi_model_paths"):
            assert paths[f"/api/v2/{name}/"]["get"]["responses"]["200"]
            continue
        for suffix in ("", "{id}/", "find/"):
            assert f"/api/v2/{name}/{suffix}" in paths, (name, suffix)
        documented = {p["name"] for p in paths[f"/api/v2/{name}/"]["get"]["parameters"]}
        assert view.known_query_parameters - {"_", "format"} <= documented


def test_an_undocumented_parameter_fails(monkeypatch):
    monkeypatch.setattr(
        AgenciesAPIViewSet,
        "known_query_parameters",
        AgenciesAPIViewSet.known_query_parameters | {"colour"},
    )
    with pytest.raises(ImproperlyConfigured, match="colour"):
        openapi_document.__wrapped__(api_router)


def test_a_field_the_document_cannot_describe_fails(monkeypatch):
    class Mystery(Field):
        pass

    fields = [*EventReportPage.api_fields, APIField("venue_map", serializer=Mystery())]
    monkeypatch.setattr(EventReportPage, "api_fields", fields)
    with pytest.raises(ImproperlyConfigured, match="venue_map"):
        openapi_document.__wrapped__(api_router)


def test_a_new_model_field_is_described(monkeypatch):
    fields = [*EventReportPage.api_fields, APIField("has_unpublished_changes")]
    monkeypatch.setattr(EventReportPage, "api_fields", fields)
    document = openapi_document.__wrapped__(api_router)
    page = document["components"]["schemas"]["pages.EventReportPage"]
    assert page["properties"]["has_unpublished_changes"] == {"type": "boolean"}


ENDPOINTS = ["pages", "images", "documents", "agencies", "people", "awards", "banners", "blocs"]
LISTING_QUERIES = [
    {},
    {"fields": "*"},
    {"fields": "_"},
    {"limit": 3, "offset": 1},
    {"locale": "vi", "updated_since": "2000-01-01"},
    {"fields": "*", "rich_text_format": "html"},
    {"search": "thi đua"},
    {"limit": 101},
    {"updated_since": "yesterday"},
    {"unknown_parameter": 1},
]
PAGE_QUERIES = [
    {"type": "articles.NewsArticlePage", "fields": "*", "order": "-date"},
    {"type": "articles.EventReportPage", "fields": "*", "limit": 50},
    {"type": "articles.AnnouncementPage", "fields": "*", "rich_text_format": "html"},
    {"type": "articles.NewsArticlePage", "agency": "so-khcn", "year": 2024, "fields": "*"},
    {"type": "blocs.BlocPage", "fields": "*"},
    {"type": "home.HomePage", "fields": "*"},
    {"tag": "Thi đua - Khen thưởng", "published_after": "2020-01-01"},
    {"child_of": 999999},
    {"type": "nonexistent.Model"},
]
OTHER_QUERIES = {
    "blocs": [{"year": 2024, "agency": "so-gddt", "role": "head", "fields": "*"}],
    "awards": [{"year": 2023, "recipient_agency": "so-khcn", "fields": "*"}],
}


def validate(schema, path, query=None, path_parameters=None):
    operation = schema[path]["GET"]
    case = operation.Case(query=query or {}, path_parameters=path_parameters or {})
    response = case.call()
    case.validate_response(response, checks=CHECKS)
    return response


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_listings_and_details_match_the_document(schema, demo_content, endpoint):
    queries = LISTING_QUERIES + (PAGE_QUERIES if endpoint == "pages" else [])
    queries += OTHER_QUERIES.get(endpoint, [])
    for query in queries:
        validate(schema, f"/api/v2/{endpoint}/", query)
    items = validate(schema, f"/api/v2/{endpoint}/", {"limit": 100}).json()["items"]
    assert items
    # Every type of item, and a few of each.
    by_type = {}
    for item in items:
        by_type.setdefault(item["meta"]["type"], []).append(item)
    for item in [item for same in by_type.values() for item in same[:3]]:
        # fields=_ was found by the fuzz run: a detail may have no field at all.
        for query in ({}, {"fields": "*", "rich_text_format": "html"}, {"fields": "_"}):
            validate(schema, f"/api/v2/{endpoint}/{{id}}/", query, {"id": item["id"]})
    assert validate(schema, f"/api/v2/{endpoint}/{{id}}/", {}, {"id": 999999}).status_code == 404
    found = validate(schema, f"/api/v2/{endpoint}/find/", {"id": items[0]["id"]})
    assert found.status_code == 302
    assert validate(schema, f"/api/v2/{endpoint}/find/", {"id": "x"}).status_code == 400


def test_unknown_api_addresses_are_json_404(client):
    response = client.get("/api/v2/nothing-here/")
    assert response.status_code == 404
    assert response.json() == {"message": "not found"}


def test_translated_items_match_the_document(schema, demo_content_en):
    for endpoint in ["pages", "agencies", "blocs"]:
        data = validate(schema, f"/api/v2/{endpoint}/", {"locale": "en", "fields": "*"}).json()
        assert any(item["meta"]["translations"] for item in data["items"])
