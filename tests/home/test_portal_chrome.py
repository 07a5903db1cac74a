"""What every page carries about the agency (header names, footer, contacts, JSON-LD), the
contact page, the EMC script and its CSP, over HTTP in both languages."""

import json
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from home.models import ContactPage, ContentPage, PortalSettings

pytestmark = pytest.mark.django_db

EMC = "https://emc.example.gov.vn/tracking/emc.js?id=123"


def html_of(client, url="/"):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def footer(html):
    return html[html.index('<footer class="site-footer">') : html.index("</footer>")]


def header(html):
    return html[html.index('<header class="site-header">') : html.index("</header>")]


def json_ld_blocks(html):
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


@pytest.fixture
def contacts(portal_settings, make_image):
    settings = portal_settings
    settings.governing_body = "Ủy ban nhân dân thành phố Hải Phòng"
    settings.governing_body_en = "Hai Phong City People's Committee"
    settings.agency_name = "Sở Khoa học và Công nghệ"
    settings.agency_name_en = "Department of Science and Technology"
    settings.other_phones = [
        ("phone", {"label": "Đường dây nóng", "label_en": "Hotline", "number": "0936 123 456"})
    ]
    settings.working_hours = "Thứ Hai - Thứ Sáu: 7h30 - 17h00"
    settings.working_hours_en = "Monday to Friday: 7:30 to 17:00"
    settings.latitude = Decimal("20.8619")
    settings.longitude = Decimal("106.6824")
    settings.logo = make_image("Biểu trưng")
    settings.save()
    return settings


@pytest.fixture
def english_home(home, locale_en):
    english = home.copy_for_translation(locale_en)
    english.title = "Home"
    english.save_revision().publish()
    return english


@pytest.fixture
def contact_page(home):
    page = home.add_child(instance=ContactPage(title="Liên hệ", slug="lien-he", show_in_menus=True))
    page.save_revision().publish()
    return page


def test_header_carries_the_governing_body_over_the_agency_beside_the_logo(client, contacts):
    html = header(html_of(client))
    governing = html.index('<p class="brand__governing">Ủy ban nhân dân thành phố Hải Phòng</p>')
    agency = html.index('<p class="brand__agency">Sở Khoa học và Công nghệ</p>')
    assert governing < agency < html.index('class="site-title"')
    # The logo is beside the names it stands for: decorative.
    assert re.search(r'<img class="brand__logo" src="[^"]+\.png" [^>]*alt=""', html)


def test_footer_has_every_contact_in_vietnamese(client, contacts):
    text = footer(html_of(client))
    assert "Ủy ban nhân dân thành phố Hải Phòng" in text
    assert '<dt>Tổng đài</dt><dd><a href="tel:02253842585">0225 3842 585</a>' in text
    assert '<dt>Đường dây nóng</dt><dd><a href="tel:0936123456">0936 123 456</a>' in text
    assert "Ông Nguyễn Văn An - Giám đốc Sở" in text
    assert "Giấy phép số 21/GP-TTĐT" in text


def test_english_site_shows_the_english_texts_and_marks_the_vietnamese_ones(
    client, contacts, english_home
):
    html = html_of(client, "/en/")
    assert '<p class="brand__governing">Hai Phong City People&#x27;s Committee</p>' in header(html)
    assert '<p class="brand__agency">Department of Science and Technology</p>' in header(html)
    text = footer(html)
    assert "<dt>Switchboard</dt>" in text and "<dt>Hotline</dt>" in text
    # The address has no English version: shown in Vietnamese, marked as such.
    assert '<dd lang="vi">Số 16 Lý Tự Trọng' in text


def test_contact_page_shows_the_contacts_and_a_map_link_without_a_map_script(
    client, contacts, contact_page
):
    html = html_of(client, contact_page.url)
    main = html[html.index("<main") : html.index("</main>")]
    assert "Thứ Hai - Thứ Sáu: 7h30 - 17h00" in main
    assert 'href="mailto:sokhcn@haiphong.gov.vn"' in main
    assert (
        'href="https://www.openstreetmap.org/?mlat=20.861900&amp;mlon=106.682400'
        '#map=17/20.861900/106.682400"' in main
    )
    assert "openstreetmap.org/" not in "".join(re.findall(r'src="[^"]*"', html))


def test_json_ld_names_the_organisation_and_its_contact_points(client, contacts, contact_page):
    for url in ("/", contact_page.url):
        (data,) = json_ld_blocks(html_of(client, url))
        assert data["@type"] == "GovernmentOrganization"
        assert data["name"] == "Sở Khoa học và Công nghệ"
        assert data["parentOrganization"]["name"] == "Ủy ban nhân dân thành phố Hải Phòng"
        assert data["url"].startswith("http")
        assert data["geo"] == {
            "@type": "GeoCoordinates",
            "latitude": 20.8619,
            "longitude": 106.6824,
        }
        assert data["contactPoint"] == [
            {"@type": "ContactPoint", "contactType": "Tổng đài", "telephone": "0225 3842 585"},
            {"@type": "ContactPoint", "contactType": "Đường dây nóng", "telephone": "0936 123 456"},
            {"@type": "ContactPoint", "contactType": "Email", "email": "sokhcn@haiphong.gov.vn"},
        ]


def test_english_json_ld_is_in_english(client, contacts, english_home):
    (data,) = json_ld_blocks(html_of(client, "/en/"))
    assert data["name"] == "Department of Science and Technology"
    assert data["contactPoint"][1]["contactType"] == "Hotline"


def test_footer_links_to_the_contact_page_statement_sitemap_and_api(client, home, contact_page):
    statement = home.add_child(
        instance=ContentPage(
            title="Tuyên bố về khả năng tiếp cận", slug="tuyen-bo", show_in_footer=True
        )
    )
    statement.save_revision().publish()
    other = home.add_child(instance=ContentPage(title="Trang khác", slug="trang-khac"))
    other.save_revision().publish()
    text = footer(html_of(client))
    assert f'<a href="{contact_page.url}">Liên hệ</a>' in text
    assert f'<a href="{statement.url}">Tuyên bố về khả năng tiếp cận</a>' in text
    assert "Trang khác" not in text
    assert f'href="{reverse("api_docs")}"' in text
    # The statement reads as a page of its own.
    html = html_of(client, statement.url)
    assert '<h1 id="page-title">Tuyên bố về khả năng tiếp cận</h1>' in html


def test_the_contact_page_is_in_the_menu(client, home, contact_page):
    nav = re.search(r'<nav class="main-nav".*?</nav>', html_of(client), re.S).group(0)
    assert f'href="{contact_page.url}"' in nav


# EMC ------------------------------------------------------------------------------------


def csp(response):
    return dict(
        (part.split()[0], part.split()[1:])
        for part in response["Content-Security-Policy"].split("; ")
    )


def test_without_emc_code_no_script_and_the_strict_policy(client, portal_settings):
    response = client.get("/")
    assert "emc" not in response.content.decode()
    assert csp(response)["script-src"] == ["'self'"]
    assert csp(response)["connect-src"] == ["'self'"]


def test_emc_code_is_an_external_async_script_allowed_by_the_policy(client, portal_settings):
    portal_settings.emc_script_url = EMC
    portal_settings.save()
    response = client.get("/")
    html = response.content.decode()
    assert '<script src="https://emc.example.gov.vn/tracking/emc.js?id=123" async>' in html
    assert csp(response)["script-src"] == ["'self'", "https://emc.example.gov.vn"]
    assert csp(response)["connect-src"] == ["'self'", "https://emc.example.gov.vn"]
    # Other answers (the API) do not carry it and keep the strict policy.
    api = client.get("/api/v2/pages/")
    assert "emc.example.gov.vn" not in api["Content-Security-Policy"]
    # Removed again: gone from the page and from its policy.
    portal_settings.emc_script_url = ""
    portal_settings.save()
    response = client.get("/")
    assert "emc.example" not in response.content.decode()
    assert "emc.example" not in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "url", ["http://emc.example.gov.vn/emc.js", "javascript:alert(1)", "//emc.example/x.js"]
)
def test_emc_code_must_be_an_https_address(home, url):
    settings = PortalSettings(site=home.get_site(), emc_script_url=url)
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "emc_script_url" in error.value.message_dict


def test_administrator_sets_the_emc_code_in_the_settings_form(admin_client, home):
    site = home.get_site()
    url = f"/admin/settings/home/portalsettings/{site.pk}/"
    form = admin_client.get(url).content.decode()
    assert 'name="emc_script_url"' in form
    assert 'name="governing_body_en"' in form and 'name="working_hours_en"' in form
