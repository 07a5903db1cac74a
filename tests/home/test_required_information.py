"""The home app's answers to the "Thông tin bắt buộc" panel: contacts, their English
version, the links to the public service portals and the EMC code."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from home.models import ContactPage, PublicServiceLink
from home.wagtail_hooks import required_information

pytestmark = pytest.mark.django_db


def items(home):
    request = RequestFactory().get("/admin/")
    # The home app's own answers: collect() holds every app's (each has an English version).
    return {item.topic: item for item in required_information(request) if item.topic in TOPICS}


TOPICS = {"contacts", "english_versions", "public_service_links", "emc_code"}


def test_nothing_set_yet(home):
    found = items(home)
    assert set(found) == TOPICS
    assert not any(item.complete for item in found.values())
    settings_url = reverse("wagtailsettings:edit", args=["home", "portalsettings", 1])
    assert found["emc_code"].fix_url.startswith(settings_url.rsplit("/", 2)[0])
    assert found["public_service_links"].fix_url == reverse(
        "wagtailsnippets_home_publicservicelink:list"
    )
    assert "Còn thiếu" in found["contacts"].detail or "Missing" in found["contacts"].detail


def test_everything_in_place(home, portal_settings, locale_en, locale_vi):
    portal_settings.working_hours = "Thứ Hai - Thứ Sáu"
    portal_settings.working_hours_en = "Monday to Friday"
    portal_settings.footer_address_en = "16 Ly Tu Trong, Hai Phong"
    portal_settings.emc_script_url = "https://emc.example.gov.vn/emc.js"
    portal_settings.save()
    contact = home.add_child(instance=ContactPage(title="Liên hệ", slug="lien-he"))
    contact.save_revision().publish()
    english_home = home.copy_for_translation(locale_en)
    english_home.save_revision().publish()
    english = contact.copy_for_translation(locale_en)
    english.slug = "contact"
    english.save_revision().publish()
    link = PublicServiceLink(
        locale=locale_vi, name="Cổng Dịch vụ công quốc gia", url="https://dichvucong.gov.vn/"
    )
    link.save()
    link.save_revision().publish()
    found = items(home)
    assert all(found[topic].complete for topic in TOPICS), found
    assert found["public_service_links"].detail == ""


def test_draft_link_and_missing_english_are_called_out(home, portal_settings, locale_vi):
    link = PublicServiceLink(
        locale=locale_vi, name="Cổng khác", url="https://example.gov.vn/", live=False
    )
    link.save()
    found = items(home)
    assert found["public_service_links"].present
    assert not found["public_service_links"].published
    assert found["public_service_links"].detail
    # The address has no English version yet.
    assert not found["english_versions"].present
    assert found["english_versions"].detail


def test_the_hook_stays_cheap(home, portal_settings, django_assert_max_num_queries):
    request = RequestFactory().get("/admin/")
    with django_assert_max_num_queries(10):
        required_information(request)


def test_before_any_site_exists_the_settings_are_missing_not_an_error(home):
    from wagtail.models import Site

    Site.objects.all().delete()
    found = items(home)
    assert set(found) == TOPICS
    assert not any(item.present for item in found.values() if item.topic != "public_service_links")
    assert found["contacts"].fix_url == reverse("wagtailsites:index")
