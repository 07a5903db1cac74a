"""Article pages in the API: structured bodies with image renditions, published relations only."""

import pytest

from articles.models import EventReportPage
from demo.data import SEED_CAPTIONS, SEED_TITLE
from snippets.models import Agency

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_report(demo_content):
    return EventReportPage.objects.get(title=SEED_TITLE)


def test_body_images_come_with_renditions_and_alt_text(client, seed_report):
    data = client.get(f"/api/v2/pages/{seed_report.pk}/").json()
    images = [block["value"] for block in data["body"] if block["type"] == "image"]
    assert [image["caption"] for image in images] == SEED_CAPTIONS
    for value in images:
        image = value["image"]
        assert image["alt"]
        assert image["width"] and image["height"]
        assert set(image["renditions"]) >= {"thumbnail", "large"}
        for rendition in image["renditions"].values():
            assert rendition["url"].startswith("/media/")
            assert rendition["width"] <= image["width"]


def test_rich_text_can_be_asked_for_as_html(client, seed_report):
    data = client.get(f"/api/v2/pages/{seed_report.pk}/", {"rich_text_format": "html"}).json()
    paragraph = next(block for block in data["body"] if block["type"] == "paragraph")
    assert paragraph["value"].startswith("<p>")
    assert "KH&amp;CN" in paragraph["value"]


def test_event_facts_in_the_api(client, seed_report):
    data = client.get(f"/api/v2/pages/{seed_report.pk}/").json()
    assert data["author"] == "Chiêu Minh"
    assert data["event_start"].startswith("2024-01-26T08:00:00")
    officials = {item["person"]["name"]: item for item in data["officials"]}
    assert officials["Hoàng Minh Cường"]["person"]["position"] == "Phó Chủ tịch UBND thành phố"
    assert len(data["participating_agencies"]) == 8
    assert {award["title"] for award in data["awards_conferred"]} == {
        "Cờ “Đơn vị dẫn đầu khối thi đua”",
        "Bằng khen",
    }
    assert set(data["tags"]) == {"Thi đua - Khen thưởng", "Văn hóa - xã hội"}


def test_unpublished_agencies_are_left_out_of_page_relations(client, seed_report):
    agency = Agency.objects.get(slug="nxb-hai-phong")
    agency.unpublish()
    data = client.get(f"/api/v2/pages/{seed_report.pk}/").json()
    names = [item["name"] for item in data["participating_agencies"]]
    assert "Nhà xuất bản Hải Phòng" not in names
    assert len(names) == 7
    assert "Nhà xuất bản Hải Phòng" not in str(data["related_agencies"])
