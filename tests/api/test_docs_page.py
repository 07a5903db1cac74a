"""The human-readable API reference, rendered from the OpenAPI document."""

import json
import re
from html import unescape

import jsonschema_rs
import pytest

from core.markdown_text import code_spans

pytestmark = pytest.mark.django_db


def test_reference_lists_every_endpoint_and_parameter(client, demo_content):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Tài liệu API" in html
    document = client.get("/api/v2/openapi.json").json()
    for path, item in document["paths"].items():
        if "{" in path or path.endswith("/find/"):
            continue
        assert f"<code>{path}</code>" in html
        for parameter in item["get"]["parameters"]:
            assert f"<code>{parameter['name']}</code>" in html
    assert "/static/" in html and "https://" not in html.split("<body")[0]


def test_reference_in_english_and_linked_from_the_footer(client, demo_content):
    response = client.get("/en/api/docs/")
    assert response.status_code == 200
    assert "API reference" in response.content.decode()
    home = client.get("/").content.decode()
    assert 'href="/api/docs/"' in home


def test_markdown_code_spans_are_rendered_as_code(client, demo_content):
    html = client.get("/api/docs/").content.decode()
    body = html.split("<main", 1)[1]
    assert "`" not in body
    assert "<code>-date</code>" in body


def test_code_spans_escape_everything_else():
    assert code_spans("<b>`?type=`</b> & `<i>`") == (
        "&lt;b&gt;<code>?type=</code>&lt;/b&gt; &amp; <code>&lt;i&gt;</code>"
    )


def test_vietnamese_reference_describes_parameters_in_vietnamese(client, demo_content):
    html = client.get("/api/docs/").content.decode()
    english = client.get("/en/api/docs/").content.decode()
    document = client.get("/api/v2/openapi.json").json()
    assert "Items per page" in json.dumps(document)  # the published document stays English
    assert "Số mục mỗi trang (tối đa" in html
    assert "Items per page (at most" in english
    for item in document["paths"].values():
        for parameter in item["get"].get("parameters", []):
            description = parameter.get("description")
            if description:
                rendered = str(code_spans(description))
                assert rendered not in html, parameter["name"]
                assert rendered in english, parameter["name"]
    for rule in document["paths"]["/api/v2/pages/"]["get"]["x-constraints"]:
        rendered = str(code_spans(rule))
        assert rendered not in html and rendered in english


EXAMPLE = re.compile(
    r'<code class="api-docs__example-json" data-url="([^"]+)">(.*?)</code>', re.DOTALL
)


@pytest.mark.parametrize("url", ["/api/docs/", "/en/api/docs/"])
def test_every_endpoint_shows_example_responses_that_match_the_document(client, demo_content, url):
    html = client.get(url).content.decode()
    document = client.get("/api/v2/openapi.json").json()
    examples = [
        (unescape(found), json.loads(unescape(body))) for found, body in EXAMPLE.findall(html)
    ]
    listings = [path for path in document["paths"] if "{" not in path and "find" not in path]
    shown = {example_url.split("?")[0] for example_url, _body in examples}
    assert set(listings) <= shown  # each listing (and the visits answer) has an example
    details = {
        example_url.rsplit("/", 2)[0] + "/"
        for example_url, _body in examples
        if re.search(r"/\d+/$", example_url)
    }
    with_items = {
        example_url.split("?")[0]
        for example_url, body in examples
        if isinstance(body, dict) and body.get("items")
    }
    own = {path for path in listings if path + "{id}/" not in document["paths"]}
    assert with_items - own <= details  # and each listing with items, one detail
    for example_url, body in examples:
        path = re.sub(r"/\d+/$", "/{id}/", example_url.split("?")[0])
        answer = document["paths"][path]["get"]["responses"]["200"]
        schema = {**answer["content"]["application/json"]["schema"], **document}
        validator = jsonschema_rs.Draft202012Validator(schema)
        errors = [error.message for error in validator.iter_errors(body)]
        assert not errors, (example_url, errors[:3])
