"""Editors manage a bloc year on one admin screen; wrong entries are refused with clear messages."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from blocs.forms import MESSAGES
from blocs.models import BlocIndexPage, BlocMembership, BlocPage, BlocYear
from home.models import HomePage

pytestmark = pytest.mark.django_db

HEAD, DEPUTY, MEMBER = (BlocMembership.Role.HEAD, BlocMembership.Role.DEPUTY, "member")


def admin_url(view, *args):
    return reverse(f"wagtailsnippets_blocs_blocyear:{view}", args=args)


def year_data(bloc, year, members=(), exceeded=(), awards=(), **fields):
    data = {
        "bloc": bloc.pk,
        "year": year,
        "members_complete": "on",
        "motto": "",
        "covenant_signed_on": "",
        "signing_report": "",
        "covenant_document": "",
        "leading_unit": "",
        "review_summary": "",
        "memberships": inline_formset(
            [{"agency": agency.pk, "role": role} for agency, role in members]
        ),
        "exceeded_targets": inline_formset([{"agency": agency.pk} for agency in exceeded]),
        "awards": inline_formset([{"award": award.pk} for award in awards]),
    }
    data.update(fields)
    if not data["members_complete"]:
        del data["members_complete"]
    return nested_form_data(data)


def post_new(client, data, publish=True):
    payload = {**data, "action-publish": "1"} if publish else data
    return client.post(admin_url("add") + "?locale=vi", payload)


def expected(key, **params):
    """A message as the admin shows it: in the admin's language (Vietnamese by default)."""
    with translation.override("vi"):
        return str(MESSAGES[key] % params if params else MESSAGES[key])


def assert_refused(response, key, **params):
    assert response.status_code == 200, "the form should be shown again, not redirect"
    message = expected(key, **params)
    form = response.context["form"]
    errors = [str(error) for errors in form.errors.values() for error in errors]
    for formset in form.formsets.values():
        errors += [str(e) for row in formset.forms for errs in row.errors.values() for e in errs]
    assert message in errors
    assert escape(message) in response.content.decode()


class TestCreateAndEdit:
    def test_the_add_screen_starts_from_the_bloc_and_the_next_year(
        self, admin_client, bloc, make_year
    ):
        make_year(2023)
        response = admin_client.get(admin_url("add") + f"?bloc={bloc.pk}")
        assert response.status_code == 200
        form = response.context["form"]
        assert form.instance.bloc == bloc and form.instance.year == 2024
        html = response.content.decode()
        for relation in ("memberships", "exceeded_targets", "awards"):
            assert f'id="id_{relation}-TOTAL_FORMS"' in html

    def test_a_year_with_members_roles_covenant_and_review(
        self, admin_client, bloc, make_agency, make_award, home
    ):
        head, deputy, member = make_agency(), make_agency(), make_agency()
        award = make_award("Cờ thi đua", 2024, recipients=[member])
        response = post_new(
            admin_client,
            year_data(
                bloc,
                2024,
                members=[(head, HEAD), (deputy, DEPUTY), (member, MEMBER)],
                exceeded=[member],
                awards=[award],
                motto="đoàn kết, sáng tạo, tăng tốc và hiệu quả",
                covenant_signed_on="2024-01-26",
                leading_unit=member.pk,
                review_summary="Hoàn thành vượt mức.",
            ),
        )
        assert response.status_code == 302, response.context["form"].errors
        bloc_year = BlocYear.objects.get(bloc=bloc, year=2024)
        assert bloc_year.live and bloc_year.locale.language_code == "vi"
        assert bloc_year.head == head
        assert bloc_year.deputies == [deputy]
        # The head and the deputies are members: their roles are member rows.
        assert bloc_year.members == [head, deputy, member]
        assert bloc_year.exceeded_target_agencies == [member]
        assert bloc_year.award_list == [award]
        assert bloc_year.covenant_signed_on == date(2024, 1, 26)
        assert bloc_year.leading_unit == member
        assert {row.locale_id for row in bloc_year.memberships.all()} == {bloc_year.locale_id}

    def test_saving_a_draft_keeps_the_year_off_the_site(self, admin_client, bloc, make_agency):
        response = post_new(
            admin_client, year_data(bloc, 2024, members=[(make_agency(), HEAD)]), publish=False
        )
        assert response.status_code == 302
        assert not BlocYear.objects.get(year=2024).live

    def test_the_head_can_be_handed_over_in_one_edit(
        self, admin_client, bloc, make_agency, make_year
    ):
        first, second = make_agency(), make_agency()
        bloc_year = make_year(2024, members=[(first, HEAD), (second, DEPUTY)])
        rows = list(bloc_year.memberships.all())
        data = year_data(bloc, 2024)
        data.update(
            nested_form_data(
                {
                    "memberships": inline_formset(
                        [
                            {"id": rows[0].pk, "agency": first.pk, "role": DEPUTY},
                            {"id": rows[1].pk, "agency": second.pk, "role": HEAD},
                        ],
                        initial=2,
                    )
                }
            )
        )
        response = admin_client.post(
            admin_url("edit", bloc_year.pk), {**data, "action-publish": "1"}
        )
        assert response.status_code == 302, response.context["form"].errors
        bloc_year = BlocYear.objects.get(pk=bloc_year.pk)
        assert bloc_year.head == second and bloc_year.deputies == [first]

    def test_the_bloc_page_editor_lists_its_years(self, admin_client, bloc, make_year):
        make_year(2023)
        make_year(2024, live=False)
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[bloc.pk]))
        html = response.content.decode()
        assert response.status_code == 200
        for bloc_year in BlocYear.objects.all():
            assert admin_url("edit", bloc_year.pk) in html
        assert escape(admin_url("add") + f"?bloc={bloc.pk}&locale=vi") in html

    def test_listing_shows_years_with_their_head(self, admin_client, make_year, make_agency):
        make_year(2024, members=[(make_agency("Sở Giáo dục và Đào tạo"), HEAD)])
        response = admin_client.get(admin_url("list"))
        assert response.status_code == 200
        assert "Khối các cơ quan" in response.content.decode()


class TestValidation:
    def test_one_head_per_year(self, admin_client, bloc, make_agency):
        first, second = make_agency(), make_agency()
        response = post_new(
            admin_client, year_data(bloc, 2024, members=[(first, HEAD), (second, HEAD)])
        )
        assert_refused(response, "one_head", agencies=f"{first}, {second}")
        assert_refused(response, "not_the_only_head")
        assert not BlocYear.objects.exists()

    def test_one_entry_per_bloc_and_year(self, admin_client, bloc, make_year):
        make_year(2024)
        response = post_new(admin_client, year_data(bloc, 2024))
        assert_refused(response, "duplicate_year", year=2024)
        assert BlocYear.objects.count() == 1

    def test_the_same_year_of_another_bloc_is_fine(self, admin_client, make_bloc, make_year):
        make_year(2024)
        response = post_new(admin_client, year_data(make_bloc(), 2024))
        assert response.status_code == 302
        assert BlocYear.objects.filter(year=2024).count() == 2

    def test_an_agency_at_most_once_per_year(self, admin_client, bloc, make_agency):
        agency = make_agency()
        response = post_new(
            admin_client, year_data(bloc, 2024, members=[(agency, HEAD), (agency, MEMBER)])
        )
        assert_refused(response, "duplicate_member", agency=agency)
        assert_refused(response, "duplicate_row")
        assert not BlocYear.objects.exists()

    def test_an_edit_adding_a_second_head_is_refused_and_changes_nothing(
        self, admin_client, bloc, make_agency, make_year
    ):
        first, second = make_agency(), make_agency()
        bloc_year = make_year(2024, members=[(first, HEAD)])
        row = bloc_year.memberships.get()
        data = year_data(bloc, 2024, motto="Khẩu hiệu mới")
        data.update(
            nested_form_data(
                {
                    "memberships": inline_formset(
                        [
                            {"id": row.pk, "agency": first.pk, "role": HEAD},
                            {"agency": second.pk, "role": HEAD},
                        ],
                        initial=1,
                    )
                }
            )
        )
        response = admin_client.post(admin_url("edit", bloc_year.pk), data)
        assert_refused(response, "one_head", agencies=f"{first}, {second}")
        bloc_year = BlocYear.objects.get(pk=bloc_year.pk)
        assert bloc_year.motto == "" and bloc_year.members == [first]
        assert bloc_year.revisions.count() == 1

    def test_leading_unit_and_exceeded_targets_are_members(self, admin_client, bloc, make_agency):
        member, outsider = make_agency(), make_agency()
        response = post_new(
            admin_client,
            year_data(
                bloc,
                2023,
                members=[(member, MEMBER)],
                exceeded=[outsider],
                leading_unit=outsider.pk,
            ),
        )
        assert_refused(response, "leading_unit_not_member", agency=outsider)
        assert_refused(response, "exceeded_not_member", agency=outsider)
        assert_refused(response, "not_a_member")
        assert not BlocYear.objects.exists()

    def test_with_an_incomplete_member_list_other_units_are_allowed(
        self, admin_client, bloc, make_agency
    ):
        member, other = make_agency(), make_agency()
        response = post_new(
            admin_client,
            year_data(
                bloc,
                2023,
                members=[(member, HEAD)],
                exceeded=[other],
                leading_unit=other.pk,
                members_complete="",
            ),
        )
        assert response.status_code == 302
        assert not BlocYear.objects.get().members_complete

    def test_awards_of_the_year_only_and_once(self, admin_client, bloc, make_award):
        this_year, last_year = make_award("Bằng khen", 2024), make_award("Cờ thi đua", 2023)
        response = post_new(
            admin_client, year_data(bloc, 2024, awards=[this_year, this_year, last_year])
        )
        assert_refused(response, "duplicate_award", award=this_year)
        assert_refused(response, "award_year", award=last_year.title, award_year=2023, year=2024)
        assert not BlocYear.objects.exists()

    def test_the_covenant_is_signed_in_its_year_or_the_year_before(self, admin_client, bloc):
        response = post_new(admin_client, year_data(bloc, 2024, covenant_signed_on="2022-12-30"))
        assert_refused(response, "signed_on_year", year=2024)
        response = post_new(admin_client, year_data(bloc, 2024, covenant_signed_on="2023-12-30"))
        assert response.status_code == 302

    def test_the_signing_report_is_an_event_report(self, admin_client, bloc):
        response = post_new(admin_client, year_data(bloc, 2024, signing_report=bloc.pk))
        assert_refused(response, "signing_report_type")

    def test_agencies_in_the_language_of_the_entry(self, admin_client, bloc, make_agency):
        english = Locale.objects.create(language_code="en")
        agency = make_agency(locale=english)
        response = post_new(admin_client, year_data(bloc, 2024, members=[(agency, HEAD)]))
        assert_refused(response, "wrong_language", name=agency)
        assert not BlocYear.objects.exists()

    def test_a_year_outside_any_sensible_range_is_refused(self, admin_client, bloc):
        response = post_new(admin_client, year_data(bloc, 20240))
        assert response.status_code == 200
        assert "year" in response.context["form"].errors


class TestProtection:
    def test_an_agency_in_a_bloc_year_cannot_be_deleted(self, admin_client, make_agency, make_year):
        agency = make_agency()
        make_year(2024, members=[(agency, HEAD)])
        url = reverse("wagtailsnippets_snippets_agency:delete", args=[agency.pk])
        admin_client.post(url)
        assert type(agency).objects.filter(pk=agency.pk).exists()

    def test_a_bloc_page_with_years_cannot_be_deleted(self, admin_client, bloc, make_year):
        make_year(2024)
        admin_client.post(reverse("wagtailadmin_pages:delete", args=[bloc.pk]))
        assert BlocPage.objects.filter(pk=bloc.pk).exists()


class TestPageTypes:
    def test_parents_and_children(self):
        assert BlocIndexPage.parent_page_types == ["home.HomePage"]
        assert BlocPage.allowed_parent_page_models() == [BlocIndexPage]
        assert BlocIndexPage.allowed_subpage_models() == [BlocPage]
        assert BlocPage.allowed_subpage_models() == []

    def test_editors_can_add_the_bloc_index_under_the_home_page(self, home):
        assert BlocIndexPage.allowed_parent_page_models() == [HomePage]
        assert BlocIndexPage.can_create_at(home)
