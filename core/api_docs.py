"""`/api/docs/` (and `/en/api/docs/`): the API reference, rendered from the OpenAPI document
of the router the URLconf hands the view.

Parameter descriptions come from the document built in the reader's language (the
published `openapi.json` stays English); their Markdown code spans become <code>. Each
endpoint shows an example answer of its listing and of its detail, captured at render
time from the API itself (so it is the portal's content and cannot drift from the
code); long strings are shortened for reading.
"""

import json

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import render
from django.test import RequestFactory
from django.urls import resolve, reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from .markdown_text import code_spans
from .openapi.document import openapi_document

EXAMPLE_STRING_LENGTH = 160
EXAMPLE_ITEMS = 2


def type_summary(schema):
    """A short reading of a schema for the reference page: "integer 0–100", "vi | en"..."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema or "oneOf" in schema:
        variants = schema.get("anyOf") or schema.get("oneOf")
        return " | ".join(type_summary(variant) for variant in variants)
    if "enum" in schema:
        return " | ".join(str(value) for value in schema["enum"])
    if "const" in schema:
        return str(schema["const"])
    text = schema.get("type", "object")
    if text == "array":
        text = f"[{type_summary(schema.get('items', {}))}]"
    if "format" in schema:
        text += f" ({schema['format']})"
    if "minimum" in schema and "maximum" in schema:
        text += f" {schema['minimum']}–{schema['maximum']}"
    return text


def field_rows(schema):
    rows = []
    for name, value in schema.get("properties", {}).items():
        if name == "meta":
            rows += [
                (f"meta.{key}", type_summary(item)) for key, item in value["properties"].items()
            ]
        else:
            rows.append((name, type_summary(value)))
    return rows


def shortened(value):
    """`value` with strings longer than EXAMPLE_STRING_LENGTH cut, for reading."""
    if isinstance(value, dict):
        return {key: shortened(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shortened(item) for item in value]
    if isinstance(value, str) and len(value) > EXAMPLE_STRING_LENGTH:
        return value[: EXAMPLE_STRING_LENGTH - 1] + "…"
    return value


def captured(request, url):
    """The API's JSON answer to GET `url`, asked in-process as an anonymous reader."""
    example = RequestFactory().get(url, HTTP_HOST=request.get_host())
    example.user = AnonymousUser()
    match = resolve(example.path_info)
    response = match.func(example, *match.args, **match.kwargs)
    if hasattr(response, "render"):
        response.render()
    if response.status_code != 200:
        return None
    return shortened(json.loads(response.content))


def examples(request, path, listing_url):
    """[(request URL, pretty JSON)] for the listing and, when it has items, one detail."""
    found = []
    listing = captured(request, listing_url)
    if listing is not None:
        found.append((listing_url, listing))
        items = listing.get("items") if isinstance(listing, dict) else None
        if items:
            detail_url = f"{path}{items[0]['id']}/"
            detail = captured(request, detail_url)
            if detail is not None:
                found.append((detail_url, detail))
    return [(url, json.dumps(body, ensure_ascii=False, indent=2)) for url, body in found]


@require_safe
def api_docs(request, router):
    document = openapi_document(router, translation.get_language())
    components = document["components"]["schemas"]
    endpoints = []
    for path, item in document["paths"].items():
        if "{" in path or path.endswith("/find/"):
            continue
        listing = item["get"]
        name = listing["tags"][0]
        answer = listing["responses"]["200"]["content"]["application/json"]["schema"]
        find = document["paths"].get(path + "find/")
        if any(parameter["name"] == "fields" for parameter in listing["parameters"]):
            variants = answer["properties"]["items"]["items"]
            models_served = [
                (
                    variant["$ref"].rsplit("/", 1)[-1],
                    field_rows(components[variant["$ref"].rsplit("/", 1)[-1]]),
                )
                for variant in variants.get("anyOf", [variants])
            ]
            example = f"{path}?limit=5&fields=*"
            example_url = f"{path}?limit={EXAMPLE_ITEMS}"
        else:
            # An endpoint of its own (visits, changes): one answer, no detail or find.
            models_served = [(name, field_rows(answer))]
            example = example_url = path
        endpoints.append(
            {
                "name": name,
                "path": path,
                "summary": code_spans(listing.get("summary", "")),
                "example": example,
                "responses": examples(request, path, example_url),
                "parameters": [
                    (p["name"], type_summary(p["schema"]), code_spans(p.get("description", "")))
                    for p in listing["parameters"]
                ],
                "constraints": [code_spans(rule) for rule in listing.get("x-constraints", [])],
                "models": models_served,
                "find": [p["name"] for p in find["get"]["parameters"]] if find else None,
            }
        )
    response = render(
        request,
        "core/api_docs.html",
        {"endpoints": endpoints, "document": document, "openapi_url": reverse("openapi")},
    )
    response["Cache-Control"] = f"public, max-age={settings.API_CACHE_MAX_AGE}"
    return response
