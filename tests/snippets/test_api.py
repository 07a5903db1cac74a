from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from snippets.models import Agency, Award, Banner

pytestmark = pytest.mark.django_db


def items(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()["items"]


def titles(client, url, field="name", **params):
    return [item[field] for item in items(client, url, **params)]


def test_agency_listing_item_has_meta_nested_parent_and_logo_renditions(
    client, make_agency, make_image
):
    parent = make_agency("Ủy ban nhân dân thành phố", abbreviation="UBND thành phố")
    make_agency(
        "Sở Khoa học và Công nghệ",
        abbreviation="Sở KH&CN",
        parent=parent,
        logo=make_image("Logo Sở KH&CN"),
        website="https://dost.haiphong.gov.vn",
    )

    [item] = [i for i in items(client, "/api/v2/agencies/") if i["name"].startswith("Sở")]

    assert item["meta"]["type"] == "snippets.Agency"
    assert item["meta"]["detail_url"].endswith(f"/api/v2/agencies/{item['id']}/")
    assert item["meta"]["locale"] == "vi"
    assert item["meta"]["last_published_at"]
    assert item["abbreviation"] == "Sở KH&CN"
    assert item["website"] == "https://dost.haiphong.gov.vn"
    assert item["parent"]["id"] == parent.pk
    assert item["parent"]["name"] == "Ủy ban nhân dân thành phố"
    assert item["parent"]["abbreviation"] == "UBND thành phố"
    assert item["parent"]["meta"]["detail_url"].endswith(f"/api/v2/agencies/{parent.pk}/")
    logo = item["logo"]
    assert logo["alt"] == "Logo Sở KH&CN"
    assert (logo["width"], logo["height"]) == (400, 300)
    thumbnail, large = logo["renditions"]["thumbnail"], logo["renditions"]["large"]
    assert (thumbnail["width"], thumbnail["height"]) == (160, 120)
    assert (large["width"], large["height"]) == (400, 300)
    assert thumbnail["full_url"].startswith("http")
    assert thumbnail["full_url"].endswith(thumbnail["url"])


def test_drafts_are_neither_listed_nor_served(client, make_agency, make_person, make_award):
    live_agency = make_agency("Sở Y tế")
    draft_agency = make_agency("Sở Dự thảo", publish=False)
    draft_person = make_person("Người Dự thảo", publish=False)
    draft_award = make_award("Giải Dự thảo", publish=False)

    assert titles(client, "/api/v2/agencies/") == ["Sở Y tế"]
    assert titles(client, "/api/v2/people/") == []
    assert titles(client, "/api/v2/awards/", field="title") == []
    assert client.get(f"/api/v2/agencies/{live_agency.pk}/").status_code == 200
    assert client.get(f"/api/v2/agencies/{draft_agency.pk}/").status_code == 404
    assert client.get(f"/api/v2/people/{draft_person.pk}/").status_code == 404
    assert client.get(f"/api/v2/awards/{draft_award.pk}/").status_code == 404


def test_unpublished_agency_becomes_unreachable(client, make_agency):
    agency = make_agency("Sở Xây dựng")
    agency.unpublish()

    assert titles(client, "/api/v2/agencies/") == []
    assert client.get(f"/api/v2/agencies/{agency.pk}/").status_code == 404


def test_person_detail_nests_agency_and_hides_a_draft_one(client, make_agency, make_person):
    agency = make_agency("Sở Giáo dục và Đào tạo", abbreviation="Sở GD&ĐT")
    person = make_person("Đỗ Văn Lợi", position="Phó Giám đốc", agency=agency)
    hidden = make_person("Nguyễn Văn A", agency=make_agency("Sở Dự thảo", publish=False))

    data = client.get(f"/api/v2/people/{person.pk}/").json()
    assert data["position"] == "Phó Giám đốc"
    assert data["agency"]["id"] == agency.pk
    assert data["agency"]["abbreviation"] == "Sở GD&ĐT"
    assert data["photo"] is None
    assert client.get(f"/api/v2/people/{hidden.pk}/").json()["agency"] is None


def test_award_lists_published_recipients_and_conferrer(
    client, make_agency, make_person, make_award
):
    committee = make_agency("Ủy ban nhân dân thành phố", abbreviation="UBND")
    vice_chair = make_person("Hoàng Minh Cường", position="Phó Chủ tịch UBND thành phố")
    science = make_agency("Sở Khoa học và Công nghệ", abbreviation="Sở KH&CN")
    draft = make_agency("Sở Dự thảo", publish=False)
    award = make_award(
        "Cờ Đơn vị dẫn đầu khối thi đua",
        kind=Award.Kind.LEADING_UNIT_FLAG,
        conferred_by_agency=committee,
        conferred_by_person=vice_chair,
        recipients=[science, draft],
        recipient_count=7,
        description="<p>Tặng <b>07 tập thể</b></p>",
    )

    data = client.get(f"/api/v2/awards/{award.pk}/").json()
    assert data["kind"] == "leading_unit_flag"
    assert data["year"] == 2024
    assert data["conferred_by_agency"]["abbreviation"] == "UBND"
    assert data["conferred_by_person"]["position"] == "Phó Chủ tịch UBND thành phố"
    assert [(r["id"], r["name"]) for r in data["recipients"]] == [
        (science.pk, "Sở Khoa học và Công nghệ")
    ]
    assert data["recipients"][0]["meta"]["type"] == "snippets.Agency"
    assert data["recipient_count"] == 7
    assert "07 tập thể" in data["description"]


def test_banners_appear_only_published_and_inside_their_schedule(client, make_banner):
    now = timezone.now()
    make_banner("Đang hiện", starts_at=now - timedelta(days=1), ends_at=now + timedelta(days=1))
    make_banner("Không lịch")
    future = make_banner("Sắp tới", starts_at=now + timedelta(hours=1))
    expired = make_banner("Đã hết hạn", ends_at=now - timedelta(minutes=1))
    draft = make_banner("Bản nháp", publish=False)
    unpublished = make_banner("Đã gỡ")
    unpublished.unpublish()

    assert sorted(titles(client, "/api/v2/banners/", field="title")) == ["Không lịch", "Đang hiện"]
    for banner in (future, expired, draft, unpublished):
        assert client.get(f"/api/v2/banners/{banner.pk}/").status_code == 404


def test_banner_item_uses_its_own_alt_text_and_resolves_its_link(
    client, site_root_page, make_banner
):
    banner = make_banner(
        "Cổng thông tin thành phố",
        alt_text="Cổng thông tin điện tử thành phố Hải Phòng",
        link_page=site_root_page,
        placement=Banner.Placement.HEADER,
    )

    data = client.get(f"/api/v2/banners/{banner.pk}/").json()
    assert data["placement"] == "header"
    assert data["image"]["alt"] == "Cổng thông tin điện tử thành phố Hải Phòng"
    assert data["link_page"]["id"] == site_root_page.pk
    assert data["link"] == site_root_page.get_full_url()
    assert set(data["image"]["renditions"]) == {"thumbnail", "large"}

    site_root_page.unpublish()
    data = client.get(f"/api/v2/banners/{banner.pk}/").json()
    assert data["link_page"] is None
    assert data["link"] is None


def test_filters_by_kind_year_and_placement(client, make_agency, make_award, make_banner):
    make_agency("Sở Y tế")
    make_agency("Nhà xuất bản Hải Phòng", kind=Agency.Kind.PUBLISHER)
    make_award("Cờ 2023", year=2023)
    make_award("Bằng khen 2024", kind=Award.Kind.CERTIFICATE_OF_MERIT, year=2024)
    make_banner("Đầu trang", placement=Banner.Placement.HEADER)
    make_banner("Cột bên", placement=Banner.Placement.SIDEBAR)

    assert titles(client, "/api/v2/agencies/", kind="publisher") == ["Nhà xuất bản Hải Phòng"]
    assert titles(client, "/api/v2/awards/", field="title", year=2023) == ["Cờ 2023"]
    assert titles(client, "/api/v2/awards/", field="title", kind="certificate_of_merit") == [
        "Bằng khen 2024"
    ]
    assert titles(client, "/api/v2/banners/", field="title", placement="header") == ["Đầu trang"]
    assert client.get("/api/v2/awards/", {"year": "năm ngoái"}).status_code == 400


def test_locale_filter(client, make_agency, locale_en):
    vietnamese = make_agency("Sở Khoa học và Công nghệ", slug="so-khcn")
    english = vietnamese.copy_for_translation(locale_en)
    english.name = "Department of Science and Technology"
    english.save()
    english.save_revision().publish()

    assert sorted(titles(client, "/api/v2/agencies/")) == [
        "Department of Science and Technology",
        "Sở Khoa học và Công nghệ",
    ]
    assert titles(client, "/api/v2/agencies/", locale="vi") == ["Sở Khoa học và Công nghệ"]
    [item] = items(client, "/api/v2/agencies/", locale="en")
    assert item["meta"]["locale"] == "en"
    response = client.get("/api/v2/agencies/", {"locale": "fr"})
    assert response.status_code == 400
    assert "vi, en" in response.json()["message"]


def test_search_finds_published_agencies(client, make_agency):
    make_agency("Sở Khoa học và Công nghệ")
    make_agency("Sở Khoa học Dự thảo", publish=False)
    make_agency("Sở Y tế")

    assert titles(client, "/api/v2/agencies/", search="Khoa học") == ["Sở Khoa học và Công nghệ"]
    assert titles(client, "/api/v2/agencies/", search="Khoa học", locale="vi") == [
        "Sở Khoa học và Công nghệ"
    ]


def test_unknown_parameter_is_a_bad_request(client):
    assert client.get("/api/v2/agencies/", {"colour": "red"}).status_code == 400
    # Searching could not respect the banners' schedule: refused rather than leaking.
    assert client.get("/api/v2/banners/", {"search": "Cổng"}).status_code == 400


def count_listing_queries(client, url):
    client.get(url)  # The first request generates the image renditions once for all.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.json()["meta"]["total_count"]


@pytest.fixture
def populate(site_root_page, make_agency, make_person, make_award, make_banner, make_image):
    """Create `n` fully linked objects of every kind, each with its own image."""

    def populate(n):
        for i in range(n):
            parent = make_agency(f"Cơ quan chủ quản {i}", logo=make_image())
            agency = make_agency(f"Sở {i}", parent=parent, logo=make_image())
            person = make_person(f"Người {i}", agency=agency, photo=make_image())
            make_award(
                f"Giải {i}",
                conferred_by_agency=parent,
                conferred_by_person=person,
                recipients=[agency, parent],
            )
            make_banner(f"Banner {i}", link_page=site_root_page)

    return populate


@pytest.mark.parametrize("endpoint", ["agencies", "people", "awards", "banners"])
def test_listing_query_count_does_not_grow_with_items(client, populate, endpoint):
    url = f"/api/v2/{endpoint}/"
    populate(1)
    few, few_total = count_listing_queries(client, url)
    populate(9)
    many, many_total = count_listing_queries(client, url)

    assert many_total > few_total
    assert many == few
