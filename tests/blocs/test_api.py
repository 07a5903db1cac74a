"""The blocs endpoint and the awards endpoint's bloc filters."""

from urllib.parse import urlsplit

import pytest
from wagtail.models import PageViewRestriction

from articles.models import EventReportPage
from blocs.models import BlocMembership, BlocPage
from demo.data import SEED_TITLE
from snippets.models import Agency

pytestmark = pytest.mark.django_db

HEAD, DEPUTY, MEMBER = BlocMembership.Role.HEAD, BlocMembership.Role.DEPUTY, "member"


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content[:500]
    return response.json()


class TestTheTwoQuestions:
    def test_who_headed_this_bloc_in_2024(self, client, demo_content):
        data = get_json(client, "/api/v2/blocs/?year=2024")
        [bloc] = data["items"]
        assert bloc["title"] == "Khối các cơ quan Quản lý nhà nước về Văn hóa - xã hội thành phố"
        [year] = bloc["years"]
        assert year["year"] == 2024
        assert year["head"]["name"] == "Sở Giáo dục và Đào tạo"
        assert year["head"]["slug"] == "so-gddt"
        assert year["covenant"]["motto"] == "đoàn kết, sáng tạo, tăng tốc và hiệu quả"
        assert year["covenant"]["signed_on"] == "2024-01-26"
        assert year["covenant"]["signing_report"]["title"] == SEED_TITLE
        assert year["members_complete"] is False

    def test_the_same_from_the_bloc_detail(self, client, demo_content):
        bloc = BlocPage.objects.get(slug="khoi-van-hoa-xa-hoi")
        data = get_json(client, f"/api/v2/blocs/{bloc.pk}/?year=2024")
        assert [year["head"]["name"] for year in data["years"]] == ["Sở Giáo dục và Đào tạo"]

    def test_which_awards_did_so_khcn_receive_for_2023(self, client, demo_content):
        agency = Agency.objects.get(slug="so-khcn")
        for value in (agency.pk, "so-khcn"):
            data = get_json(client, f"/api/v2/awards/?recipient_agency={value}&year=2023")
            assert [award["title"] for award in data["items"]] == [
                "Cờ “Đơn vị dẫn đầu khối thi đua”"
            ]
            [award] = data["items"]
            assert award["kind"] == "leading_unit_flag"
            assert award["conferred_by_person"]["name"] == "Hoàng Minh Cường"
            assert award["bloc_years"][0]["year"] == 2023
            assert award["bloc_years"][0]["bloc"]["detail_url"].endswith(
                f"/api/v2/blocs/{BlocPage.objects.get().pk}/"
            )


class TestBlocsEndpoint:
    def test_listing_has_every_year_with_members_roles_covenant_review_and_awards(
        self, client, demo_content
    ):
        [bloc] = get_json(client, "/api/v2/blocs/")["items"]
        assert bloc["meta"]["type"] == "blocs.BlocPage"
        assert bloc["meta"]["detail_url"].endswith(f"/api/v2/blocs/{bloc['id']}/")
        assert bloc["meta"]["html_url"].endswith("/khoi-thi-dua/khoi-van-hoa-xa-hoi/")
        assert bloc["meta"]["locale"] == "vi"
        assert [year["year"] for year in bloc["years"]] == [2024, 2023]
        y2023 = bloc["years"][1]
        assert y2023["head"] is None and y2023["deputies"] == []
        assert len(y2023["members"]) == 8
        assert {member["role"] for member in y2023["members"]} == {"member"}
        assert y2023["review"]["leading_unit"]["slug"] == "so-khcn"
        assert [a["slug"] for a in y2023["review"]["exceeded_targets"]] == [
            "so-khcn",
            "so-ldtbxh",
            "so-tttt",
        ]
        awards = {award["kind"]: award for award in y2023["awards"]}
        assert awards["certificate_of_merit"]["recipient_count"] == 7
        assert awards["leading_unit_flag"]["recipients"][0]["name"] == "Sở Khoa học và Công nghệ"

    def test_filter_by_agency_and_role(self, client, demo_content):
        data = get_json(client, "/api/v2/blocs/?agency=so-gddt&role=head")
        assert [year["year"] for year in data["items"][0]["years"]] == [2024]
        data = get_json(client, "/api/v2/blocs/?agency=so-y-te")
        assert [year["year"] for year in data["items"][0]["years"]] == [2023]
        agency = Agency.objects.get(slug="so-y-te")
        assert get_json(client, f"/api/v2/blocs/?agency={agency.pk}&role=head")["items"] == []
        assert get_json(client, "/api/v2/blocs/?year=2019")["items"] == []

    def test_the_event_report_links_to_its_bloc_year(self, client, demo_content):
        report = EventReportPage.objects.get(title=SEED_TITLE)
        data = get_json(client, f"/api/v2/pages/{report.pk}/")
        assert data["bloc_term"]["year"] == 2024
        bloc = BlocPage.objects.get()
        assert data["bloc_term"]["bloc"]["id"] == bloc.pk
        assert data["bloc_term"]["bloc"]["detail_url"].endswith(f"/api/v2/blocs/{bloc.pk}/")

    @pytest.mark.parametrize(
        "query",
        [
            "year=abc",
            "year=0",
            "year=20240",
            "agency=not a slug!",
            "role=boss&agency=1",
            "role=head",
            "colour=red",
        ],
    )
    def test_bad_parameters_are_a_400(self, client, demo_content, query):
        assert "message" in get_json(client, f"/api/v2/blocs/?{query}", status=400)

    @pytest.mark.parametrize(
        "query", ["bloc=%%", "recipient_agency=a b", "year=two-thousand", "year=-1"]
    )
    def test_bad_award_parameters_are_a_400(self, client, demo_content, query):
        get_json(client, f"/api/v2/awards/?{query}", status=400)

    def test_unknown_bloc_is_a_404(self, client, demo_content):
        get_json(client, "/api/v2/blocs/999999/", status=404)

    def test_find_redirects_to_the_blocs_endpoint(self, client, demo_content):
        bloc = BlocPage.objects.get()
        response = client.get(f"/api/v2/blocs/find/?id={bloc.pk}&fields=title")
        assert response.status_code == 302
        location = urlsplit(response["Location"])
        assert (location.path, location.query) == (f"/api/v2/blocs/{bloc.pk}/", "fields=title")
        assert client.get(location.path).json()["id"] == bloc.pk
        get_json(client, "/api/v2/blocs/find/?id=999999", status=404)
        get_json(client, "/api/v2/blocs/find/?id=x", status=400)

    def test_awards_by_bloc(self, client, demo_content, make_award):
        make_award("Giải thưởng ngoài khối", 2023)
        bloc = BlocPage.objects.get()
        for value in (bloc.pk, bloc.slug):
            data = get_json(client, f"/api/v2/awards/?bloc={value}&year=2023")
            assert {award["title"] for award in data["items"]} == {
                "Cờ “Đơn vị dẫn đầu khối thi đua”",
                "Bằng khen",
            }


class TestNothingUnpublishedLeaks:
    def test_drafts_unpublished_rows_and_private_blocs(
        self, client, bloc, make_bloc, make_year, make_agency, make_award
    ):
        shown, hidden_agency = make_agency("Sở Công khai"), make_agency("Sở Ẩn", live=False)
        hidden_award = make_award("Giải chưa công bố", 2024, live=False)
        make_year(2024, members=[(shown, HEAD), (hidden_agency, DEPUTY)], awards=[hidden_award])
        make_year(2025, members=[(shown, HEAD)], live=False)
        draft_bloc = make_bloc("Khối bản nháp", live=False)
        make_year(2024, bloc_page=draft_bloc)
        private = make_bloc("Khối nội bộ")
        PageViewRestriction.objects.create(page=private, restriction_type="login")

        data = get_json(client, "/api/v2/blocs/")
        assert [item["title"] for item in data["items"]] == [bloc.title]
        [year] = data["items"][0]["years"]
        assert year["year"] == 2024
        assert year["head"]["name"] == "Sở Công khai"
        assert year["deputies"] == [] and len(year["members"]) == 1
        assert year["awards"] == []
        assert "Sở Ẩn" not in str(data) and "Giải chưa công bố" not in str(data)
        get_json(client, f"/api/v2/blocs/{draft_bloc.pk}/", status=404)
        get_json(client, f"/api/v2/blocs/{private.pk}/", status=404)
        assert get_json(client, "/api/v2/blocs/?year=2025")["items"] == []

    def test_awards_of_draft_years_name_no_bloc(self, client, bloc, make_year, make_award):
        award = make_award("Bằng khen", 2024)
        make_year(2024, awards=[award], live=False)
        [item] = get_json(client, "/api/v2/awards/")["items"]
        assert item["bloc_years"] == []
        assert get_json(client, f"/api/v2/awards/?bloc={bloc.pk}")["items"] == []
