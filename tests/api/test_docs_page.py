"""The human-readable API reference, rendered from the OpenAPI document."""

import pytest

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
    from portal.markdown_text import code_spans

    assert code_spans("<b>`?type=`</b> & `<i>`") == (
        "&lt;b&gt;<code>?type=</code>&lt;/b&gt; &amp; <code>&lt;i&gt;</code>"
    )
