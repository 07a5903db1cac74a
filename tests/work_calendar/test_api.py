"""`/api/v2/work-calendar/`: approved entries only, filtered by week, leader and
`updated_since`, described by the OpenAPI document."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from core.openapi.document import openapi_document
from portal.api import api_router

from .conftest import entry

pytestmark = pytest.mark.django_db
URL = "/api/v2/work-calendar/"


def contents(response):
    assert response.status_code == 200, response.content
    return [item["content"] for item in response.json()["items"]]


def test_lists_the_approved_entries_in_time_order(client, calendar_page, published_week):
    response = client.get(URL)
    assert contents(response) == ["Họp giao ban Sở", "Kiểm tra phòng thí nghiệm"]
    first = response.json()["items"][0]
    assert first["week"] == published_week.label
    assert first["start_time"] == "08:00" and first["end_time"] is None
    assert first["presider"]["slug"] == "nguyen-thi-minh-ha"
    assert [unit["slug"] for unit in first["participant_units"]] == ["van-phong-so"]
    assert first["meta"]["locale"] == "vi" and first["change"] == ""
    assert response["Cache-Control"].startswith("public")
    detail = client.get(first["meta"]["detail_url"].split("testserver")[-1].split(":8000")[-1])
    assert detail.status_code == 200


def test_drafts_are_never_served(client, calendar_page, make_week, this_monday, director):
    later = this_monday + timedelta(weeks=1)
    make_week(later, [entry(later, 9, "Lịch chưa duyệt", director)], publish=False)
    assert contents(client.get(URL)) == []


def test_filters_by_week_and_leader(client, calendar_page, published_week, make_week, deputy):
    later = published_week.week_start + timedelta(weeks=1)
    make_week(later, [entry(later, 9, "Tuần sau", deputy)])
    assert contents(client.get(URL, {"week": published_week.label})) == [
        "Họp giao ban Sở",
        "Kiểm tra phòng thí nghiệm",
    ]
    assert contents(client.get(URL, {"leader": deputy.slug})) == [
        "Kiểm tra phòng thí nghiệm",
        "Tuần sau",
    ]
    unknown = client.get(URL, {"leader": "khong-co"})
    assert unknown.status_code == 400
    assert unknown.json() == {"message": "leader: no published person has this slug"}


def test_an_unpublished_leader_is_not_found_through_a_published_namesake(
    client, calendar_page, published_week, director, locale_en
):
    english = director.copy_for_translation(locale_en)
    english.live = True
    english.save()
    director.live = False
    director.save()
    response = client.get(URL, {"leader": director.slug, "locale": "vi"})
    assert response.status_code == 200
    assert contents(response) == []


def test_updated_since_returns_what_a_publication_changed(client, calendar_page, published_week):
    moment = timezone.now()
    draft = published_week.get_latest_revision_as_object()
    entries = list(draft.entries.all())
    entries[0].start_time = time(7)
    draft.entries = entries
    draft.save_revision().publish()
    changed = client.get(URL, {"updated_since": moment.isoformat()})
    assert contents(changed) == ["Họp giao ban Sở"]
    assert changed.json()["items"][0]["change"] == "changed"
    assert changed.json()["items"][0]["sequence"] == 1


@pytest.mark.parametrize(
    "query",
    [
        {"week": "2026-W99"},
        {"week": "0000-W01"},
        {"week": "rac"},
        {"leader": "<script>"},
        {"leader": "khong-co"},
        {"updated_since": "hom-qua"},
        {"colour": "do"},
        {"locale": "fr"},
    ],
)
def test_bad_parameters_are_a_400(client, calendar_page, published_week, query):
    assert client.get(URL, query).status_code == 400


def test_the_endpoint_is_described_in_openapi():
    paths = openapi_document.__wrapped__(api_router)["paths"]
    parameters = {p["name"] for p in paths[URL]["get"]["parameters"]}
    assert {"week", "leader", "updated_since", "locale"} <= parameters
