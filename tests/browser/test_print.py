"""Printing a page (Chromium's print emulation): the page's content only, without the search
box, the menus and the tools, and lists laid out in a row read as separated items."""

import pytest

from blocs.models import BlocIndexPage, BlocPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HIDDEN_ON_PAPER = [
    ".search-box",
    ".main-nav",
    ".header-tools",
    ".breadcrumb",
    ".layout__sidebar",
    ".page-views",
]


def printed(new_page, live_server, path):
    page = new_page()
    page.emulate_media(media="print")
    response = page.goto(live_server.url + path)
    assert response.status == 200, path
    return page


def assert_paper_only(page):
    for selector in HIDDEN_ON_PAPER:
        for element in page.locator(selector).all():
            assert not element.is_visible(), selector
    assert page.locator(".print-source").is_visible()


def test_the_seed_report_prints_its_agencies_separated(new_page, live_server, demo_content):
    page = printed(new_page, live_server, demo_content.seed_report.url)
    assert_paper_only(page)
    agencies = page.locator(".event-facts .inline-list").first.inner_text()
    assert "Sở Khoa học và Công nghệ; Sở Y tế; " in agencies
    text = page.locator("main").inner_text()
    assert "năm 2023 (năm 2023)" not in text


def test_bloc_and_agency_pages_print_without_the_tools(new_page, live_server, demo_content):
    bloc = BlocPage.objects.live().filter(locale=demo_content.locale_vi).first()
    page = printed(new_page, live_server, bloc.url)
    assert_paper_only(page)
    assert bloc.title in page.locator("main h1").inner_text()
    index = BlocIndexPage.objects.get(locale=demo_content.locale_vi)
    agency = index.url + index.reverse_subpage("agency", kwargs={"slug": "so-gddt"})
    assert agency.endswith("/don-vi/so-gddt/")
    page = printed(new_page, live_server, agency)
    assert_paper_only(page)
    assert "Sở Giáo dục và Đào tạo" in page.locator("main").inner_text()
