"""The document: the paths of every endpoint of a router, with their operations."""

from functools import cache

from django.urls import reverse
from django.utils import translation
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page, get_page_models

from core.api.parameters import MAX_INTEGER
from core.api.routers import load_urlconf
from core.internals import api_endpoints

from .components import MESSAGE, model_label, ref
from .parameters import (
    CONSTRAINTS,
    DEFAULT_DETAIL_PARAMETERS,
    DETAIL_PARAMETERS,
    FIND_PARAMETERS,
    parameters_of,
)
from .schema import SchemaBuilder

OPENAPI_VERSION = "3.1.0"
INFO = {
    "title": "Cổng thông tin điện tử: API",
    "version": "2",
    "description": "Published content of the portal, read-only: pages (news, event"
    " reports, announcements), images, documents, agencies, people, awards, banners,"
    " emulation blocs and the registry of legal documents, in Vietnamese and English."
    " Answers carry ETag, Last-Modified and Cache-Control; conditional requests get 304."
    " CORS allows GET from any origin.",
}
ID_SCHEMA = {"type": "integer", "minimum": 1, "maximum": MAX_INTEGER}


def endpoint_models(name, view):
    """The models an endpoint serves: every page type for the pages endpoint."""
    if issubclass(view, PagesAPIViewSet):
        return [Page, *sorted(get_page_models(), key=model_label)]
    return [view.model]


def responses(success, description, headers=True):
    cache_headers = {
        "ETag": {"schema": {"type": "string"}},
        "Last-Modified": {"schema": {"type": "string"}},
        "Cache-Control": {"schema": {"type": "string"}},
    }
    answer = {"description": description, "content": {"application/json": {"schema": success}}}
    if headers:
        answer["headers"] = cache_headers
    return {
        "200": answer,
        "304": {"description": "Not modified (If-None-Match / If-Modified-Since)."},
        "400": {
            "description": "A bad parameter: the message names it and says why.",
            "content": {"application/json": {"schema": ref("Error")}},
        },
        "404": {
            "description": "Not found.",
            "content": {"application/json": {"schema": ref("Error")}},
        },
    }


def item_schema(builder, view, models_served):
    variants = [builder.model_ref(model, view) for model in models_served]
    return variants[0] if len(variants) == 1 else {"anyOf": variants}


def listing_operation(builder, name, view, models_served, parameters):
    schema = {
        "type": "object",
        "properties": {
            "meta": {
                "type": "object",
                "properties": {
                    "total_count": {"type": "integer", "minimum": 0},
                    # With ?updated_since=: this endpoint's change log from then (tombstones).
                    "changes_url": {"type": "string", "format": "uri"},
                },
                "required": ["total_count"],
                "additionalProperties": False,
            },
            "items": {"type": "array", "items": item_schema(builder, view, models_served)},
        },
        "required": ["meta", "items"],
        "additionalProperties": False,
    }
    listing = {
        "operationId": f"{name}_listing",
        "tags": [name],
        "summary": f"List {name}",
        "parameters": parameters,
        "responses": responses(schema, "One page of items."),
    }
    if name in CONSTRAINTS:
        listing["x-constraints"] = [str(rule) for rule in CONSTRAINTS[name]]
    return listing


def detail_operation(builder, name, view, models_served, listing_parameters):
    kept = DETAIL_PARAMETERS.get(name, DEFAULT_DETAIL_PARAMETERS)
    return {
        "operationId": f"{name}_detail",
        "tags": [name],
        "summary": f"One of {name}, by id",
        "parameters": [
            {"name": "id", "in": "path", "required": True, "schema": ID_SCHEMA},
            *[parameter for parameter in listing_parameters if parameter["name"] in kept],
        ],
        "responses": responses(
            # Nothing is required: ?fields=_ leaves every field out.
            item_schema(builder, view, models_served),
            "The item with its detail fields.",
        ),
    }


def find_operation(name, view):
    errors = responses({}, "")
    return {
        "operationId": f"{name}_find",
        "tags": [name],
        "summary": f"Find one of {name}: a redirect to its detail URL",
        "parameters": [
            {"name": parameter, "in": "query", "schema": FIND_PARAMETERS[parameter]}
            for parameter in sorted(view.find_query_parameters)
        ],
        "responses": {
            "302": {
                "description": "Found: Location is the item's detail URL, with the other"
                " query parameters kept.",
                "headers": {"Location": {"schema": {"type": "string"}}},
            },
            "400": errors["400"],
            "404": errors["404"],
        },
    }


def endpoint_paths(builder, name, view, base):
    """The paths of a Wagtail viewset: its listing, detail and find views."""
    models_served = endpoint_models(name, view)
    parameters = parameters_of(name, view, models_served)
    return {
        base: {"get": listing_operation(builder, name, view, models_served, parameters)},
        base + "{id}/": {"get": detail_operation(builder, name, view, models_served, parameters)},
        base + "find/": {"get": find_operation(name, view)},
    }


@cache
def openapi_document(router, language="en"):
    """The document (a dict) of `router`, built once per process, router and language: it
    depends on code only.

    The published document (`/api/v2/openapi.json`) is in English, the language of API
    contracts; the reference page shows the parameters described in the reader's language.
    """
    load_urlconf()
    with translation.override(language):
        return build_document(router)


def build_document(router):
    builder = SchemaBuilder(router)
    builder.components["Error"] = MESSAGE
    paths = {}
    for name, view in api_endpoints(router).items():
        base = reverse(f"{router.url_namespace}:{name}:listing")
        if hasattr(view, "openapi_model_paths"):
            # An endpoint of our own serving models (the preview): with their schemas.
            paths.update(view.openapi_model_paths(builder, base, responses))
        elif hasattr(view, "openapi_paths"):
            # An endpoint of our own, not a Wagtail viewset, describes itself.
            paths.update(view.openapi_paths(base, responses))
        else:
            paths.update(endpoint_paths(builder, name, view, base))
    return {
        "openapi": OPENAPI_VERSION,
        "info": INFO,
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {"schemas": builder.components},
    }
