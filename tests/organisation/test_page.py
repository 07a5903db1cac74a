"""The organisation page as readers and editors see it: the chart drawn from the published
units, the leaders with their contacts, the focal points, sub-pages for units and leaders."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from home.models import PortalSettings
from snippets.models import Agency

pytestmark = pytest.mark.django_db


def chart_names(html):
    chart = html.split('class="org-chart"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'class="org-name"[^>]*>([^<]+)<', chart)


def test_the_chart_lists_published_units_as_a_tree_in_order(
    client, organisation_page, unit_factory
):
    office = unit_factory(name="Văn phòng Sở", sort_order=2)
    unit_factory(name="Thanh tra Sở", sort_order=1)
    unit_factory(name="Tổ văn thư", parent=office)
    unit_factory(name="Phòng chưa công bố", live=False)
    response = client.get(organisation_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert chart_names(html) == [
        "Sở Khoa học và Công nghệ",
        "Thanh tra Sở",
        "Văn phòng Sở",
        "Tổ văn thư",
    ]
    assert "Phòng chưa công bố" not in html
    # Nested lists: a sub-unit inside its unit's item.
    assert re.search(r"Văn phòng Sở</a>.*?<ol>.*?Tổ văn thư", html, re.S)


def test_leaders_show_their_official_contact_and_units_overseen(
    client, organisation_page, unit_factory, director, deputy
):
    unit_factory(name="Phòng Quản lý khoa học", supervisor=deputy)
    html = client.get(organisation_page.url).content.decode()
    assert "ntmha@haiphong.gov.vn" in html
    assert "Lãnh đạo, điều hành chung" in html
    card = html.split(f'id="leader-{deputy.pk}"', 1)[1].split("</article>", 1)[0]
    assert "Phòng Quản lý khoa học" in card
    assert "phatngon@haiphong.gov.vn" in html  # the focal point's own e-mail


def test_unpublished_people_and_units_never_show(
    client, organisation_page, unit_factory, deputy, editor
):
    unit_factory(name="Phòng có trưởng phòng ẩn", head=deputy)
    deputy.live = False
    deputy.save()
    for user in (None, editor):
        if user:
            client.force_login(user)
        html = client.get(organisation_page.url).content.decode()
        assert "Bùi Văn Toàn" not in html
        assert "phatngon@haiphong.gov.vn" not in html
        # The editor's preview of a draft shows no unpublished person either.
    client.force_login(editor)
    response = client.get(f"/admin/pages/{organisation_page.pk}/edit/preview/", {"mode": ""})
    assert "Bùi Văn Toàn" not in response.content.decode()


def test_a_unit_page_shows_its_functions_head_contacts_and_sub_units(
    client, organisation_page, unit_factory, director
):
    office = unit_factory(
        name="Văn phòng Sở",
        slug="van-phong-so",
        functions="<p>Tham mưu tổng hợp</p>",
        head=director,
        phone="0225 3842 111",
        email="vanphong@haiphong.gov.vn",
        address="Tầng 2",
    )
    unit_factory(name="Tổ văn thư", parent=office)
    response = client.get(organisation_page.url + "don-vi/van-phong-so/")
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Tham mưu tổng hợp",
        "Nguyễn Thị Minh Hà",
        "vanphong@haiphong.gov.vn",
        "Tổ văn thư",
    ):
        assert text in html


@pytest.mark.parametrize("slug", ["khong-co", "so-khcn", "phong-an"])
def test_unknown_hidden_or_root_unit_is_404(client, organisation_page, unit_factory, slug):
    unit_factory(slug="phong-an", live=False)
    Agency.objects.create(name="Sở khác", slug="so-khac", live=True)
    assert client.get(organisation_page.url + f"don-vi/{slug}/").status_code == 404
    assert client.get(organisation_page.url + "don-vi/so-khac/").status_code == 404


def test_a_leader_page_shows_the_posts_held(client, organisation_page, director):
    response = client.get(organisation_page.url + "lanh-dao/nguyen-thi-minh-ha/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in html and "Phó Giám đốc Sở" in html and "Giám đốc Sở" in html
    assert client.get(organisation_page.url + "lanh-dao/khong-co/").status_code == 404


@pytest.fixture
def portal_contacts(home):
    """The portal's contacts, which differ from those typed into the department's Agency."""
    portal = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    portal.agency_name = "Sở Khoa học và Công nghệ"
    portal.footer_address = "Số 16 Lý Tự Trọng, Hồng Bàng, Hải Phòng"
    portal.phone = "0225 3842 585"
    portal.email = "sokhcn@haiphong.gov.vn"
    portal.save()
    return portal


def test_the_page_shows_the_portals_contacts_as_the_footer_does(
    client, organisation_page, portal_contacts
):
    html = client.get(organisation_page.url).content.decode()
    contact = html.split('class="organisation-contact"', 1)[1].split("</section>", 1)[0]
    footer = html.split("<footer", 1)[1]
    for shown in ("Số 16 Lý Tự Trọng, Hồng Bàng, Hải Phòng", "0225 3842 585"):
        assert shown in contact and shown in footer
    assert "Số 1 Lê Đại Hành" not in html and "0225 3842 123" not in html


def test_json_ld_describes_the_department_its_units_and_leaders(
    client, organisation_page, unit_factory, portal_contacts
):
    unit_factory(name="Văn phòng Sở")
    html = client.get(organisation_page.url).content.decode()
    scripts = re.findall(r'application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    data = json.loads(scripts[0])
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == "Sở Khoa học và Công nghệ"
    assert data["email"] == "sokhcn@haiphong.gov.vn"
    assert data["telephone"] == "0225 3842 585"
    assert data["address"]["streetAddress"] == "Số 16 Lý Tự Trọng, Hồng Bàng, Hải Phòng"
    assert {"@type": "ContactPoint", "contactType": "Tổng đài", "telephone": "0225 3842 585"} in (
        data["contactPoint"]
    )
    [unit] = data["subOrganization"]
    assert unit["name"] == "Văn phòng Sở"
    assert unit["url"].startswith("http://testserver/gioi-thieu/don-vi/")
    assert "Văn phòng Sở" in client.get(unit["url"]).content.decode()
    assert {"Nguyễn Thị Minh Hà", "Bùi Văn Toàn"} == {p["name"] for p in data["employee"]}


def add_units(department, first, last):
    Agency.objects.bulk_create(
        Agency(
            name=f"Phòng {n}", slug=f"phong-{n}", kind="division", parent=department,
            live=True, locale_id=department.locale_id,
        )
        for n in range(first, last)
    )  # fmt: skip


def query_counts(client, page, director):
    urls = [page.url, page.url + "don-vi/phong-7/", page.url + f"lanh-dao/{director.slug}/"]
    for url in urls:
        client.get(url)  # warms the site's caches (the fragments' version changed)
    found = {}
    for url in urls:
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        found[url] = len(context.captured_queries)
    return found


def test_query_count_is_the_same_for_10_and_2000_units(
    client, organisation_page, department, director
):
    add_units(department, 0, 10)
    few = query_counts(client, organisation_page, director)
    add_units(department, 10, 2000)
    many = query_counts(client, organisation_page, director)
    print("queries at 10 and 2,000 units:", few, many)
    assert many == few
    assert max(few.values()) <= 25, few
    html = client.get(organisation_page.url).content.decode()
    assert html.count('class="org-unit ') == 2000 + 1
