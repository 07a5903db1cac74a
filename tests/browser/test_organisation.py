"""The organisation page in a real browser: a reader on the Vietnamese page switches to
English and finds the director's official e-mail; the chart reads as nested lists."""

import pytest
from playwright.sync_api import expect

from demo.legal import LegalDemo
from demo.organisation import OrganisationDemo

from .conftest import DESKTOP, PHONE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def organisation(demo_content_en):
    LegalDemo(demo_content_en).load().load_english()
    return OrganisationDemo(demo_content_en).load().load_english()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_reader_switches_to_english_and_finds_the_directors_email(
    live_server, new_page, organisation, viewport
):
    page = new_page(viewport)
    page.goto(live_server.url + organisation.page.url)
    expect(page.locator("h1")).to_have_text("Giới thiệu")
    # The chart: the department, then its units as a nested list, in reading order.
    chart = page.locator(".org-chart")
    expect(chart.locator(":scope > li > ol > li")).to_have_count(8)
    page.locator(".language-switcher a[hreflang=en], a[hreflang=en]").first.click()
    expect(page).to_have_url(live_server.url + organisation.page_en.url)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    card = page.locator(".leader-card", has_text="Nguyễn Thị Minh Hà")
    expect(card).to_contain_text("Director of the Department of Science and Technology")
    email = card.get_by_role("link", name="ntmha@haiphong.gov.vn")
    expect(email).to_be_visible()
    expect(email).to_have_attribute("href", "mailto:ntmha@haiphong.gov.vn")
    # No horizontal scrolling at the phone's width.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
