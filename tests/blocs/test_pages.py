"""The bloc index, bloc pages and agency profiles as readers see them."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.operations import TranslationCreator

from articles.models import EventReportPage
from blocs.models import (
    BlocIndexPage,
    BlocMembership,
    BlocPage,
    BlocYear,
    BlocYearExceededTarget,
    current_year,
)
from demo.data import BLOC_MEMBER_SLUGS, SEED_TITLE
from snippets.models import Agency, Award

pytestmark = pytest.mark.django_db

HEAD, DEPUTY, MEMBER = BlocMembership.Role.HEAD, BlocMembership.Role.DEPUTY, "member"
MOTTO_2024 = "đoàn kết, sáng tạo, tăng tốc và hiệu quả"


def text_of(html):
    """The visible text of an HTML page, whitespace collapsed."""
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&amp;", "&")


def section(html, heading_id):
    """The text of the <section> labelled by `heading_id`."""
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', html, re.S)
    assert match, heading_id
    return text_of(match.group(0))


def vi(message):
    with translation.override("vi"):
        return str(translation.gettext(message))


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.fixture
def seed_bloc(demo_content):
    return BlocPage.objects.get(slug="khoi-van-hoa-xa-hoi")


class TestSeedBloc:
    def test_demo_content_records_only_what_the_seed_says(self, seed_bloc):
        years = {year.year: year for year in BlocYear.objects.for_bloc(seed_bloc)}
        assert set(years) == {2023, 2024}
        y2023, y2024 = years[2023], years[2024]
        assert [agency.slug for agency in y2023.members] == BLOC_MEMBER_SLUGS
        assert y2023.head is None and y2023.members_complete
        assert y2023.leading_unit.slug == "so-khcn"
        assert [a.slug for a in y2023.exceeded_target_agencies] == [
            "so-khcn",
            "so-ldtbxh",
            "so-tttt",
        ]
        assert {award.kind for award in y2023.award_list} == {
            Award.Kind.LEADING_UNIT_FLAG,
            Award.Kind.CERTIFICATE_OF_MERIT,
        }
        assert y2024.head.slug == "so-gddt" and y2024.members == [y2024.head]
        assert not y2024.members_complete and y2024.deputies == []
        assert y2024.motto == MOTTO_2024
        assert y2024.covenant_signed_on.isoformat() == "2024-01-26"
        assert y2024.signing_report.specific.title == SEED_TITLE

    def test_loading_the_demo_twice_creates_no_duplicates(self, seed_bloc, demo_loaded):
        from io import StringIO

        from django.core.management import call_command

        models = (BlocPage, BlocIndexPage, BlocYear, BlocMembership)
        counts = {model: model.objects.count() for model in models}
        call_command("load_demo_content", stdout=StringIO())
        assert {model: model.objects.count() for model in models} == counts
        vietnamese = {"locale__language_code": "vi"}
        assert BlocPage.objects.filter(**vietnamese).count() == 1
        assert BlocIndexPage.objects.filter(**vietnamese).count() == 1
        assert BlocYear.objects.filter(**vietnamese).count() == 2
        assert BlocMembership.objects.filter(**vietnamese).count() == 9

    def test_the_seed_report_leads_to_the_bloc_page(self, client, seed_bloc):
        report = EventReportPage.objects.get(title=SEED_TITLE)
        assert report.bloc_term.year == 2024
        assert report.bloc_term.bloc == seed_bloc
        assert client.get(seed_bloc.url).status_code == 200
        # What the event report template renders with `{% bloc_term page %}`.
        request = RequestFactory().get(report.url)
        html = Template("{% load bloc_tags %}{% bloc_term report %}").render(
            Context({"report": report, "request": request})
        )
        assert f'href="{seed_bloc.url}"' in html
        assert "Sở Giáo dục và Đào tạo" in html and MOTTO_2024 in html

    def test_the_report_box_names_a_live_head_only(self, seed_bloc):
        """One query with a live head; without one, the year and bloc still show (two)."""
        report = EventReportPage.objects.get(title=SEED_TITLE)
        request = RequestFactory().get(report.url)
        head = BlocMembership.objects.get(
            bloc_year=report.bloc_term, role=BlocMembership.Role.HEAD
        ).agency

        def render():
            with CaptureQueriesContext(connection) as queries:
                html = Template("{% load bloc_tags %}{% bloc_term report %}").render(
                    Context({"report": report, "request": request})
                )
            return html, len(queries)

        render()  # the restricted paths, read once per request
        html, queries = render()
        assert head.name in html and MOTTO_2024 in html and queries == 1
        Agency.objects.filter(pk=head.pk).update(live=False)
        html, queries = render()
        assert head.name not in html and MOTTO_2024 in html and queries == 2
        BlocYear.objects.filter(pk=report.bloc_term_id).update(live=False)
        html, _queries = render()
        assert html.strip() == ""

    def test_the_seed_report_page_links_to_the_bloc_page(self, client, seed_bloc):
        report = EventReportPage.objects.get(title=SEED_TITLE)
        assert f'href="{seed_bloc.url}"' in client.get(report.url).content.decode()

    def test_the_bloc_page_shows_2024_and_2023(self, client, seed_bloc):
        html = client.get(seed_bloc.url).content.decode()
        current = section(html, "current-year-title")
        assert "2024" in current
        assert "Sở Giáo dục và Đào tạo" in current
        assert MOTTO_2024 in current
        assert "26/01/2024" in current and SEED_TITLE in current

        members = section(html, "members-title")
        assert "2023" in members
        for agency in Agency.objects.filter(slug__in=BLOC_MEMBER_SLUGS):
            assert agency.name in members
        # The 2024 members are not recorded beyond the head: the page says so.
        assert "2024" in members

        heads = section(html, "heads-title")
        assert "Sở Giáo dục và Đào tạo" in heads.split("2024")[1]
        # 2023 has no head recorded: one sentence, not a row of blanks.
        assert "Chưa có thông tin về khối trưởng các năm: 2023." in heads
        assert vi("Not recorded") not in heads

        awards = section(html, "awards-title")
        # 2024 is not reviewed yet: said once, after the years that are.
        assert awards.endswith("Chưa có kết quả tổng kết, khen thưởng các năm: 2024. ")
        y2023 = awards.split("2023", 1)[1]
        assert "Cờ “Đơn vị dẫn đầu khối thi đua”" in y2023
        assert "Bằng khen" in y2023 and "07 tập thể" in y2023
        assert "Hoàng Minh Cường" in y2023
        for name in (
            "Sở Khoa học và Công nghệ",
            "Sở Lao động - Thương binh và Xã hội",
            "Sở Thông tin và Truyền thông",
        ):
            assert name in y2023

        assert SEED_TITLE in section(html, "news-title")

    def test_members_and_heads_link_to_agency_profiles(self, client, seed_bloc):
        html = client.get(seed_bloc.url).content.decode()
        assert 'href="/khoi-thi-dua/don-vi/so-gddt/"' in html
        assert 'href="/khoi-thi-dua/don-vi/nxb-hai-phong/"' in html

    def test_the_index_lists_the_bloc_and_its_head(self, client, seed_bloc):
        html = client.get("/khoi-thi-dua/").content.decode()
        assert f'href="{seed_bloc.url}"' in html
        text = text_of(html)
        assert "Sở Giáo dục và Đào tạo" in text and MOTTO_2024 in text

    def test_an_agency_page_shows_its_awards_and_blocs(self, client, seed_bloc):
        response = client.get("/khoi-thi-dua/don-vi/so-khcn/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Sở Khoa học và Công nghệ" in text_of(html)
        awards = section(html, "memberships-title").split(vi("Awards received"))[1]
        assert "Cờ “Đơn vị dẫn đầu khối thi đua”" in awards and "2023" in awards
        assert "Bằng khen" not in awards  # conferred on seven unnamed collectives
        assert seed_bloc.title in section(html, "memberships-title")

    def test_an_agency_page_shows_its_years_as_head(self, client, seed_bloc):
        html = client.get("/khoi-thi-dua/don-vi/so-gddt/").content.decode()
        head_years = section(html, "memberships-title").split(vi("Years as head of a bloc"))[1]
        assert "2024" in head_years and seed_bloc.title in head_years
        # No award: no empty "Awards received" heading.
        assert 'id="awards-title"' not in html and vi("Awards received") not in html

    def test_the_agency_index(self, client, seed_bloc):
        html = client.get("/khoi-thi-dua/don-vi/").content.decode()
        for slug in BLOC_MEMBER_SLUGS:
            assert f'href="/khoi-thi-dua/don-vi/{slug}/"' in html

    def test_unknown_or_unpublished_agencies_are_not_found(self, client, seed_bloc):
        assert client.get("/khoi-thi-dua/don-vi/khong-co/").status_code == 404
        Agency.objects.filter(slug="so-y-te").update(live=False)
        assert client.get("/khoi-thi-dua/don-vi/so-y-te/").status_code == 404
        assert "Sở Y tế" not in section(client.get(seed_bloc.url).content.decode(), "members-title")

    def test_sitemap_urls_include_agency_profiles(self, seed_bloc):
        index = BlocIndexPage.objects.get()
        locations = [entry["location"] for entry in index.get_sitemap_urls()]
        assert any(location.endswith("/khoi-thi-dua/don-vi/so-khcn/") for location in locations)


class TestGapsAndDrafts:
    def test_a_bloc_without_years_reads_well(self, client, bloc):
        response = client.get(bloc.url)
        assert response.status_code == 200
        assert vi("No year has been recorded for this bloc yet.") in text_of(
            response.content.decode()
        )

    def test_a_year_without_head_members_or_review(self, client, bloc, make_year):
        make_year(2023)
        make_year(2022)
        html = client.get(bloc.url).content.decode()
        # One sentence per gap, not a column of "Chưa có dữ liệu".
        assert vi("Not recorded") not in html
        current = section(html, "current-year-title")
        assert "Chưa có thông tin về khối trưởng, khối phó và chủ đề thi đua năm 2023." in current
        assert "Chưa có danh sách thành viên của khối." in section(html, "members-title")
        assert 'id="heads-title"' not in html
        awards = section(html, "awards-title")
        assert "Chưa có kết quả tổng kết, khen thưởng các năm: 2023, 2022." in awards
        assert "bloc-timeline" not in html

    def test_draft_years_and_unpublished_rows_stay_hidden(
        self, client, bloc, make_year, make_agency, make_award
    ):
        head, hidden = make_agency("Sở Công khai"), make_agency("Sở Chưa đăng", live=False)
        secret_award = make_award("Giải thưởng chưa công bố", 2024, live=False)
        make_year(2024, members=[(head, HEAD), (hidden, MEMBER)], awards=[secret_award])
        make_year(2025, members=[(make_agency("Sở Bản nháp"), HEAD)], live=False)
        text = text_of(client.get(bloc.url).content.decode())
        assert "Sở Công khai" in text
        for secret in ("Sở Chưa đăng", "Giải thưởng chưa công bố", "Sở Bản nháp", "2025"):
            assert secret not in text

    def test_an_unpublished_change_to_a_live_year_stays_hidden(self, client, bloc, make_year):
        bloc_year = make_year(2024, motto="Khẩu hiệu đã công bố")
        bloc_year.motto = "Khẩu hiệu bản nháp"
        bloc_year.save_revision()
        text = text_of(client.get(bloc.url).content.decode())
        assert "Khẩu hiệu đã công bố" in text and "Khẩu hiệu bản nháp" not in text

    def test_unpublished_and_private_blocs_are_not_listed(self, client, bloc_index, make_bloc):
        draft = make_bloc("Khối bản nháp", live=False)
        private = make_bloc("Khối nội bộ")
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
        public = make_bloc("Khối công khai")
        text = text_of(client.get(bloc_index.url).content.decode())
        assert "Khối công khai" in text
        assert "Khối bản nháp" not in text and "Khối nội bộ" not in text
        assert client.get(draft.url or "/khoi-thi-dua/khoi-1/").status_code == 404
        assert client.get(public.url).status_code == 200

    def test_the_current_year_is_the_latest_not_in_the_future(self):
        years = [BlocYear(year=value) for value in (2026, 2025, 2024)]
        today = __import__("datetime").date(2025, 6, 1)
        assert current_year(years, today).year == 2025
        assert current_year(years[:1], today).year == 2026
        assert current_year([], today) is None


class TestTranslation:
    @pytest.fixture
    def english(self, seed_bloc):
        english = Locale.objects.get_or_create(language_code="en")[0]
        user = get_user_model().objects.create_superuser("editor", "e@example.com", "x")
        return english, user

    def test_an_english_bloc_page_falls_back_to_the_vietnamese_years(self, client, english):
        locale, _user = english
        bloc = BlocPage.objects.get(slug="khoi-van-hoa-xa-hoi")
        translated = bloc.copy_for_translation(locale, copy_parents=True)
        translated.save_revision().publish()
        response = client.get(translated.url)
        assert response.status_code == 200
        assert response.context["page"].years_in_other_language
        assert [year.year for year in response.context["years"]] == [2024, 2023]

    def test_wagtail_localize_translates_a_year_with_its_agencies(self, client, english):
        locale, user = english
        bloc = BlocPage.objects.get(slug="khoi-van-hoa-xa-hoi")
        translated_bloc = bloc.copy_for_translation(locale, copy_parents=True)
        translated_bloc.save_revision().publish()
        source = BlocYear.objects.get(bloc=bloc, year=2023)
        TranslationCreator(user, [locale]).create_translations(source)
        # A new translation is a draft (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE): publish it.
        source.get_translation(locale).get_latest_revision().publish(user=user)
        year = source.get_translation(locale)
        assert year.bloc == translated_bloc
        assert {agency.locale_id for agency in year.members} == {locale.pk}
        assert year.leading_unit.locale_id == locale.pk
        assert {row.locale_id for row in BlocYearExceededTarget.objects.filter(bloc_year=year)} == {
            locale.pk
        }
        response = client.get(translated_bloc.url)
        assert not response.context["page"].years_in_other_language
        assert [y.locale_id for y in response.context["years"]] == [locale.pk]


class TestQueryCounts:
    @pytest.fixture
    def grow(self, bloc, make_agency, make_award, make_year):
        """Give the bloc `years` years of `members` members each, with a full review."""
        state = {"year": 2000}

        def grow(years, members):
            for _ in range(years):
                state["year"] += 1
                agencies = [make_agency() for _ in range(members)]
                award = make_award(f"Cờ {state['year']}", state["year"], recipients=agencies[:2])
                bloc_year = make_year(
                    state["year"],
                    members=[(agencies[0], HEAD), (agencies[1], DEPUTY)]
                    + [(agency, MEMBER) for agency in agencies[2:]],
                    awards=[award],
                    leading_unit=agencies[0],
                    motto="Khẩu hiệu",
                )
                bloc_year.exceeded_targets = [
                    BlocYearExceededTarget(agency=agency) for agency in agencies[:3]
                ]
                bloc_year.save_revision().publish()

        return grow

    @pytest.mark.parametrize(
        "url",
        ["bloc", "index", "/api/v2/blocs/", "/api/v2/blocs/?year=2001", "detail"],
    )
    def test_constant_whatever_the_years_and_members(self, client, bloc, grow, url):
        url = {
            "bloc": bloc.url,
            "index": "/khoi-thi-dua/",
            "detail": f"/api/v2/blocs/{bloc.pk}/",
        }.get(url, url)
        grow(1, 2)
        client.get(url)
        small = count_queries(client, url)
        grow(4, 10)
        client.get(url)
        assert count_queries(client, url) == small

    def test_agency_page_constant_whatever_its_years_and_awards(
        self, client, bloc, make_agency, make_award, make_year
    ):
        agency = make_agency(slug="so-test")
        url = "/khoi-thi-dua/don-vi/so-test/"

        def add(year):
            award = make_award(f"Bằng khen {year}", year, recipients=[agency])
            make_year(year, members=[(agency, HEAD)], awards=[award], leading_unit=agency)

        add(2001)
        client.get(url)
        small = count_queries(client, url)
        for year in range(2002, 2008):
            add(year)
        client.get(url)
        assert count_queries(client, url) == small
