"""The organisation's items of the "Thông tin bắt buộc" panel."""

import pytest
from django.test import RequestFactory
from wagtail.models import Locale

from organisation.wagtail_hooks import organisation_information
from snippets.models import Person

from .conftest import publish

pytestmark = pytest.mark.django_db
TOPICS = {"organisation", "functions", "leaders", "focal_points", "english_versions"}


def items(django_assert_max_num_queries):
    """This app's own items by topic (collect() would count every app's queries too)."""
    with django_assert_max_num_queries(20):
        found = organisation_information(RequestFactory().get("/admin/"))
    return {
        item.topic: item
        for item in found
        if item.topic in TOPICS
        and (item.topic != "english_versions" or item.label == "Giới thiệu bằng tiếng Anh")
    }


def test_without_a_page_everything_is_missing_with_a_link_to_add_it(
    home, django_assert_max_num_queries
):
    found = items(django_assert_max_num_queries)
    assert set(found) == TOPICS
    assert not any(
        item.present or item.published for t, item in found.items() if t != "english_versions"
    )
    assert (
        found["organisation"].fix_url
        == f"/admin/pages/add/organisation/organisationpage/{home.pk}/"
    )


def test_a_published_page_with_units_leaders_and_focal_points_is_complete_but_english(
    organisation_page, unit_factory, django_assert_max_num_queries
):
    unit_factory()
    found = items(django_assert_max_num_queries)
    for topic in ("organisation", "functions", "leaders", "focal_points"):
        assert found[topic].complete, topic
        assert found[topic].fix_url == f"/admin/pages/{organisation_page.pk}/edit/"
    english = found["english_versions"]
    assert not english.published
    assert english.fix_url == f"/admin/localize/submit/page/{organisation_page.pk}/"


def test_the_english_version_needs_the_leaders_translated(
    organisation_page, locale_en, director, deputy, django_assert_max_num_queries
):
    page = organisation_page.copy_for_translation(locale_en, copy_parents=True)
    publish(page)
    director.copy_for_translation(locale_en).save()
    assert not items(django_assert_max_num_queries)["english_versions"].published
    copy = deputy.copy_for_translation(locale_en)
    copy.save()
    assert Person.objects.filter(locale=Locale.objects.get(language_code="en")).count() == 2
    assert items(django_assert_max_num_queries)["english_versions"].published


def test_the_english_version_needs_the_units_translated(
    organisation_page, locale_en, director, deputy, unit_factory, django_assert_max_num_queries
):
    office = unit_factory(name="Văn phòng Sở")
    publish(organisation_page.copy_for_translation(locale_en, copy_parents=True))
    for person in (director, deputy):
        person.copy_for_translation(locale_en).save()
    english = items(django_assert_max_num_queries)["english_versions"]
    assert not english.published
    assert english.detail == "Một số đơn vị chưa có bản tiếng Anh đã xuất bản"
    assert english.fix_url == "/admin/snippets/snippets/agency/"
    copy = office.copy_for_translation(locale_en)
    copy.live = True
    copy.save()
    assert items(django_assert_max_num_queries)["english_versions"].published
