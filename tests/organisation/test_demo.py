"""The demo's organisation section: complete in both languages, and idempotent."""

import pytest

from demo.organisation import OrganisationDemo
from organisation.models import OrganisationPage
from snippets.models import Agency, Person
from tests import worlds

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_organisation(demo_content_en, request):
    from demo.legal import LegalDemo

    shared = worlds.shared("demo_organisation", request)
    if shared:
        return shared
    LegalDemo(demo_content_en).load().load_english()
    return OrganisationDemo(demo_content_en).load().load_english()


def test_the_demo_publishes_the_organisation_in_both_languages(client, demo_organisation):
    vi = client.get("/gioi-thieu/")
    assert vi.status_code == 200
    html = vi.content.decode()
    assert html.count('class="org-unit ') == 9
    assert "ntmha@haiphong.gov.vn" in html and "Người phát ngôn của Sở" in html
    en = client.get("/en/about/")
    assert en.status_code == 200
    english = en.content.decode()
    assert english.count('class="org-unit ') == 9
    assert "Science Management Division" in english
    assert "Director of the Department of Science and Technology" in english
    assert "Spokesperson of the department" in english
    assert "Overall leadership of the department" in english
    assert client.get("/en/about/units/phong-quan-ly-khoa-hoc/").status_code == 200
    assert client.get("/en/about/leaders/nguyen-thi-minh-ha/").status_code == 200


def test_loading_again_creates_nothing_and_keeps_edits(demo_organisation):
    counts = (Agency.objects.count(), Person.objects.count(), OrganisationPage.objects.count())
    office = Agency.objects.get(slug="van-phong-so", locale__language_code="vi")
    office.phone = "0225 0000 000"
    office.save()
    OrganisationDemo(demo_organisation.demo).load().load_english()
    assert counts == (
        Agency.objects.count(),
        Person.objects.count(),
        OrganisationPage.objects.count(),
    )
    office.refresh_from_db()
    assert office.phone == "0225 0000 000"


def test_sub_pages_have_their_language_segments_and_the_other_twin_redirects(
    client, demo_organisation
):
    english = client.get("/en/about/")
    assert 'href="/en/about/units/van-phong-so/"' in english.content.decode()
    assert "/en/about/don-vi/" not in english.content.decode()
    moved = client.get("/en/about/don-vi/van-phong-so/?x=1")
    assert moved.status_code == 301
    assert moved["Location"] == "/en/about/units/van-phong-so/?x=1"
    moved = client.get("/gioi-thieu/leaders/nguyen-thi-minh-ha/")
    assert moved.status_code == 301
    assert moved["Location"] == "/gioi-thieu/lanh-dao/nguyen-thi-minh-ha/"
    # The language switcher of a unit leads to the unit in the other language's segment.
    vietnamese = client.get("/gioi-thieu/don-vi/van-phong-so/").content.decode()
    assert 'hreflang="en" href="http://testserver/en/about/units/van-phong-so/"' in vietnamese


def test_the_demo_gives_one_address_and_phone_everywhere(client, demo_organisation):
    """The organisation page, the footer and the department's own record agree."""
    from demo.portal_chrome import PortalChromeDemo

    PortalChromeDemo(demo_organisation.demo).load()
    html = client.get("/gioi-thieu/").content.decode()
    contact = html.split('class="organisation-contact"', 1)[1].split("</section>", 1)[0]
    footer = html.split("<footer", 1)[1]
    department = Agency.objects.get(slug="so-khcn", locale__language_code="vi")
    for shown in (department.address, department.phone, department.email):
        assert shown in contact and shown in footer


def test_the_footers_responsible_person_is_the_organisations_director(client, demo_organisation):
    from demo.portal_chrome import PortalChromeDemo

    PortalChromeDemo(demo_organisation.demo).load()
    director = demo_organisation.page.live_leaders[0].person
    footer = client.get("/").content.decode().split("<footer", 1)[1]
    assert director.name in footer


def test_the_demo_menu_lists_the_departments_sections_in_both_languages(client, demo_organisation):
    """Giới thiệu, Tin tức - Sự kiện, Văn bản, Lịch công tác, Thông báo, Khối thi đua, Liên hệ:
    the order of issue 19, in Vietnamese and in English."""
    from demo.portal_chrome import MENU_ORDER, PortalChromeDemo
    from demo.work_calendar import WorkCalendarDemo
    from tests.home.test_demo_chrome import menu

    WorkCalendarDemo(demo_organisation.demo).load()
    PortalChromeDemo(demo_organisation.demo).load()
    assert menu(client, "/") == ["/"] + [f"/{vi}/" for vi, _en in MENU_ORDER]
    assert menu(client, "/en/") == ["/en/"] + [f"/en/{en}/" for _vi, en in MENU_ORDER]
