"""A change to a unit, a person or their posts purges the organisation pages of both
languages and their sub-pages, and nothing else of the kind; fragments are recomputed."""

from datetime import date

import pytest
from django.core.cache import cache

from core.fragments import VERSION_KEY
from snippets.models import Agency, Person, PersonPosition
from tests.performance.conftest import RecordingBackend

from .conftest import publish

pytestmark = pytest.mark.django_db
ROOT = "http://testserver"


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "tests.performance.conftest.RecordingBackend"}
    }
    RecordingBackend.purged = []
    yield RecordingBackend.purged
    RecordingBackend.purged = []


@pytest.fixture
def english_page(organisation_page, locale_en, department):
    department.copy_for_translation(locale_en).save()
    english_agency = Agency.objects.get(locale=locale_en, slug="so-khcn")
    page = organisation_page.copy_for_translation(locale_en, copy_parents=True)
    page.slug, page.agency = "about", english_agency
    page.leaders.clear()
    page.focal_points.clear()
    page.save()
    return publish(page)


def republish(obj, capture):
    with capture(execute=True):
        obj.save_revision().publish()


def test_a_unit_change_purges_both_languages_and_the_unit_pages(
    purged, django_capture_on_commit_callbacks, organisation_page, english_page, unit_factory
):
    office = unit_factory(name="Văn phòng Sở", slug="van-phong-so")
    purged.clear()
    office.name = "Văn phòng"
    republish(office, django_capture_on_commit_callbacks)
    urls = set(purged)
    vi, en = ROOT + organisation_page.url, ROOT + english_page.url
    assert {vi, en, vi + "don-vi/van-phong-so/", vi + "lanh-dao/nguyen-thi-minh-ha/"} <= urls
    assert en.endswith("/en/about/") or "/about/" in en


def test_an_unpublished_unit_purges_its_old_sub_page(
    purged, django_capture_on_commit_callbacks, organisation_page, unit_factory
):
    office = unit_factory(name="Văn phòng Sở", slug="van-phong-so")
    publish(office)
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        office.unpublish()
    assert ROOT + organisation_page.url + "don-vi/van-phong-so/" in set(purged)


def test_a_new_post_purges_the_leader_page(
    purged, django_capture_on_commit_callbacks, organisation_page, deputy
):
    purged.clear()
    deputy.positions.add(PersonPosition(title="Phó Giám đốc Sở", start_date=date(2024, 1, 1)))
    republish(deputy, django_capture_on_commit_callbacks)
    urls = set(purged)
    assert ROOT + organisation_page.url in urls
    assert ROOT + organisation_page.url + "lanh-dao/bui-van-toan/" in urls


def test_unrelated_agencies_and_people_leave_the_organisation_pages_alone(
    purged, django_capture_on_commit_callbacks, organisation_page, locale_vi
):
    other = Agency.objects.create(name="Sở Y tế", slug="so-y-te", live=True)
    stranger = Person.objects.create(name="Trần Văn Khách", slug="tran-van-khach", live=True)
    purged.clear()
    republish(other, django_capture_on_commit_callbacks)
    republish(stranger, django_capture_on_commit_callbacks)
    assert ROOT + organisation_page.url not in set(purged)


def test_a_person_change_recomputes_the_fragments(client, organisation_page, director):
    client.get(organisation_page.url)
    before = cache.get(VERSION_KEY)
    publish(director)
    assert cache.get(VERSION_KEY) != before
