"""No parameter, however malformed, makes any endpoint answer 5xx; a 400 answer is JSON
with a message."""

import pytest

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

BAD_PARAMETERS = [
    {"search": "a\x00b"},
    {"title": "a\x00b"},
    {"locale": "\x00"},
    {"order": "\x00"},
    {"x" * 5000: "1"},
    {"slug": "x" * 5000},
    {"limit": "-1"},
    {"limit": "abc"},
    {"limit": "101"},
    {"limit": "9" * 40},
    {"offset": "-5"},
    {"offset": "abc"},
    {"offset": "9" * 40},
    {"updated_since": "yesterday"},
    {"updated_since": "2024-02-30"},
    {"updated_since": "9999-12-31"},
    {"updated_since": "2024-05-01T25:00:00"},
    {"published_after": "2024-13-45"},
    {"published_before": "0000-00-00"},
    {"year": "abc"},
    {"year": "-1"},
    {"year": "9" * 40},
    {"agency": "999999"},
    {"agency": "không có"},
    {"agency": "9" * 40},
    {"bloc": "999999"},
    {"bloc": "%%"},
    {"tag": "x" * 1000},
    {"order": "nonexistent"},
    {"order": "-date"},
    {"order": "random", "offset": "1"},
    {"fields": "nonexistent"},
    {"fields": "*,-nonexistent,(("},
    {"type": "nonexistent.Model"},
    {"type": "nonexistent"},
    {"locale": "xx"},
    {"child_of": "abc"},
    {"child_of": "999999"},
    {"search": "x" * 1000},
    {"search": "tin", "order": "title"},
    {"search": "tin", "updated_since": "2020-01-01"},
    {"search": "tin", "published_after": "2020-01-01"},
    {"search": "tin", "agency": "1"},
    {"search": "tin", "tag": "abc"},
    {"role": "head"},
    {"recipient_agency": "x y"},
    # Digits that are not ASCII: "³".isdigit() is true, int("³") fails (the fuzzer's find).
    {"limit": "³"},
    {"offset": "²"},
    {"year": "²⁰²⁴"},
    {"issuer": "٣"},
]


def check(response, params):
    assert response.status_code in (200, 400, 404), (params, response.status_code)
    if response.status_code == 400:
        body = response.json()
        assert isinstance(body.get("message"), str) and body["message"], (params, body)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_bad_parameters_never_fail(client, demo_content, endpoint):
    for params in BAD_PARAMETERS:
        check(client.get(f"/api/v2/{endpoint}/", params), params)
    check(client.get(f"/api/v2/{endpoint}/999999/"), "unknown id")
    assert client.get(f"/api/v2/{endpoint}/999999/").status_code == 404


@pytest.mark.parametrize(
    "params, message",
    [
        ({"limit": "-1"}, "limit"),
        ({"limit": "abc"}, "limit"),
        ({"limit": "101"}, "limit cannot be higher than 100"),
        ({"offset": "-5"}, "offset"),
        ({"offset": "abc"}, "offset"),
        ({"updated_since": "yesterday"}, "updated_since must be an ISO 8601"),
        ({"published_after": "2024-13-45"}, "published_after must be an ISO 8601"),
        ({"year": "abc"}, "year must be a year"),
        ({"order": "nonexistent"}, "nonexistent"),
        ({"fields": "nonexistent"}, "nonexistent"),
        ({"type": "nonexistent.Model"}, "type"),
        ({"locale": "xx"}, "locale"),
        ({"search": "a\x00b"}, "null characters"),
        ({"agency": "a b"}, "agency"),
        ({"unknown_parameter": "1"}, "unknown_parameter"),
    ],
)
def test_400_names_the_parameter(client, demo_content, params, message):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 400
    assert message in response.json()["message"]


@pytest.mark.parametrize("endpoint", ["agencies", "people", "awards", "banners", "blocs"])
def test_snippet_dates_are_checked(client, demo_content, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", {"published_before": "2024-13-45"})
    assert response.status_code == 400
    assert "published_before" in response.json()["message"]


def test_unknown_agency_is_an_empty_listing(client, demo_content):
    response = client.get("/api/v2/pages/", {"agency": "999999"})
    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] == 0


@pytest.mark.parametrize(
    "value",
    [
        "0001-01-01",
        "9999-12-31",
        "2024-05-01T08:30:00+07:00",
        "2024-05-01T01:30:00Z",
        "2024-05-01T08:30:00 07:00",
        "2024-05-01",
    ],
)
def test_dates_accepted(client, db, value):
    response = client.get("/api/v2/agencies/", {"updated_since": value, "published_before": value})
    assert response.status_code in (200, 400), response.content


@pytest.mark.parametrize(
    "endpoint, params",
    [
        ("blocs", {"last_published_at": "2329-09-10T15:58:20-20:20"}),
        ("agencies", {"last_published_at": "2024-05-01T08:30:00+23:00"}),
        ("pages", {"updated_since": "2024-05-01T08:30:00-20:20"}),
        ("agencies", {"published_before": "2024-05-01T08:30:00+18:00"}),
    ],
)
def test_utc_offsets_no_place_uses_are_refused(client, demo_content, endpoint, params):
    """Python reads offsets up to ±23:59, PostgreSQL refuses any beyond ±15:59 with an
    error (found by the fuzz test on PostgreSQL): a 400 answer names the parameter."""
    response = client.get(f"/api/v2/{endpoint}/", params)
    assert response.status_code == 400, response.content
    assert next(iter(params)) in response.json()["message"]


def test_real_utc_offsets_are_accepted(client, demo_content):
    for offset in ("+14:00", "-12:00", "+07:00"):
        response = client.get("/api/v2/pages/", {"updated_since": f"2024-05-01T08:30:00{offset}"})
        assert response.status_code == 200, (offset, response.content)


@pytest.mark.parametrize(
    ("endpoint", "name", "known"),
    [
        ("banners", "placement", "sidebar"),
        ("agencies", "kind", "department"),
        ("awards", "kind", "other"),
    ],
)
def test_unknown_choice_is_a_400(client, demo_content, endpoint, name, known):
    response = client.get(f"/api/v2/{endpoint}/", {name: "nowhere"})
    assert response.status_code == 400
    assert response.json()["message"].startswith(f"{name} must be one of: ")
    assert known in response.json()["message"]
    assert client.get(f"/api/v2/{endpoint}/", {name: known}).status_code == 200
