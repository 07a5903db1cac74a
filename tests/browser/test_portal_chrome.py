"""What every page carries, in a real browser: the text size (A-, A, A+) and high contrast
from the keyboard, remembered without a cookie; the contrast mode passes axe's contrast
rules; the main menu of a department portal (7+ items) on a phone."""

import pytest
from playwright.sync_api import expect

from demo.portal_chrome import MENU_ORDER, PortalChromeDemo, order_children
from home.models import ContentPage

from .conftest import DESKTOP, PHONE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def portal(demo_content_en):
    """The demo with its contact, statement and sitemap pages, and stand-ins for the
    sections other apps build (Giới thiệu, Văn bản, Lịch công tác), in the menu's order."""
    home = demo_content_en.home
    for slug, title in [
        ("gioi-thieu", "Giới thiệu"),
        ("van-ban", "Văn bản"),
        ("lich-cong-tac", "Lịch công tác"),
    ]:
        if not home.get_children().filter(slug=slug).exists():
            page = home.add_child(instance=ContentPage(title=title, slug=slug, show_in_menus=True))
            page.save_revision().publish()
    PortalChromeDemo(demo_content_en).load()
    order_children(home)
    return demo_content_en


def tab_to(page, selector, limit=60):
    """Press Tab until the element matching `selector` has the focus (keyboard only)."""
    target = page.locator(selector)
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return target
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_text_size_and_contrast_from_the_keyboard_are_remembered(
    live_server, new_page, portal, viewport
):
    page = new_page(viewport)
    page.goto(live_server.url + "/")
    root = page.locator("html")
    expect(root).to_have_attribute("data-font-size", "normal")
    normal = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")

    larger = tab_to(page, 'button[data-font-size="large"]')
    page.keyboard.press("Enter")
    expect(larger).to_have_attribute("aria-pressed", "true")
    expect(page.locator('button[data-font-size="normal"]')).to_have_attribute(
        "aria-pressed", "false"
    )
    expect(root).to_have_attribute("data-font-size", "large")
    large = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert large == pytest.approx(normal * 1.25)

    contrast = tab_to(page, "[data-contrast-toggle]")
    page.keyboard.press("Space")
    expect(contrast).to_have_attribute("aria-pressed", "true")
    expect(root).to_have_attribute("data-contrast", "high")

    # Another page: the choices apply at once (set in <head>), with no cookie at all.
    page.goto(live_server.url + portal.news_index.url)
    expect(root).to_have_attribute("data-font-size", "large")
    expect(root).to_have_attribute("data-contrast", "high")
    expect(page.locator("[data-contrast-toggle]")).to_have_attribute("aria-pressed", "true")
    assert page.context.cookies() == []
    # Nothing overflows a phone's width at the larger size.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"]

    smaller = tab_to(page, 'button[data-font-size="small"]')
    page.keyboard.press("Enter")
    expect(smaller).to_have_attribute("aria-pressed", "true")
    expect(root).to_have_attribute("data-font-size", "small")


def test_high_contrast_passes_the_contrast_rules(live_server, new_page, axe_script, portal):
    page = new_page(DESKTOP)
    page.add_init_script(axe_script)
    page.add_init_script("localStorage.setItem('portal.contrast', 'high')")
    for path in ("/", "/en/", portal.seed_report.url):
        page.goto(live_server.url + path)
        expect(page.locator("html")).to_have_attribute("data-contrast", "high")
        results = page.evaluate(
            "axe.run(document, {runOnly: {type: 'rule', values: ['color-contrast']}})"
        )
        assert results["violations"] == [], (path, results["violations"])


def test_the_department_menu_opens_on_a_phone(live_server, new_page, portal):
    page = new_page(PHONE)
    page.goto(live_server.url + "/")
    toggle = page.locator(".main-nav__toggle")
    links = page.locator(".main-nav__link")
    expect(links.first).to_be_hidden()
    toggle.focus()
    page.keyboard.press("Enter")
    titles = [title.strip() for title in links.all_inner_texts()]
    wanted = ["Giới thiệu", "Tin tức - Sự kiện", "Văn bản", "Lịch công tác", "Thông báo"]
    wanted += ["Khối thi đua", "Liên hệ"]
    assert titles[1:] == wanted, titles
    assert len(MENU_ORDER) == len(wanted)
    for index in range(links.count()):
        expect(links.nth(index)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    links.last.click()
    expect(page.locator("h1")).to_have_text("Liên hệ")
    expect(page.locator(".contact-details")).to_contain_text("0225 3842 585")
