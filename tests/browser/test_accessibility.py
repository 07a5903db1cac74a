"""Accessibility in a real browser: axe-core audits of every kind of public page in both
languages, keyboard-only navigation, and screenshots at phone and desktop sizes.

The audited pages are listed in `audited_pages` and the screenshots in `SCREENSHOTS`: a
new kind of page joins each with one line.
"""

import json

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Locale

from articles.models import ArticleIndexPage, NewsArticlePage
from blocs.models import BlocIndexPage, BlocPage
from demo.english import translate
from demo.legal import LegalDemo
from demo.organisation import OrganisationDemo
from demo.portal_chrome import PortalChromeDemo
from demo.work_calendar import WorkCalendarDemo
from snippets.models import Agency
from work_calendar.models import WorkCalendarPage

from .conftest import DESKTOP, PHONE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BLOCKING_IMPACTS = {"serious", "critical"}
SCREENSHOTS = [
    "home",
    "article",
    "bloc",
    "search",
    "sign-in",
    "legal documents",
    "legal document",
    "organisation",
    "work calendar",
    "contact",
]


@pytest.fixture
def audited_pages(demo_content_en):
    """{kind: (Vietnamese path, English path or None)} of the pages the reader can reach."""
    english = Locale.objects.get(language_code="en")
    news = ArticleIndexPage.objects.get(locale=demo_content_en.locale_vi)
    article = (
        NewsArticlePage.objects.live()
        .child_of(news)
        .exclude(pk=demo_content_en.seed_report.pk)
        .first()
    )
    article_en = translate(article, english, strings={article.title: "A sample news article"})
    report = demo_content_en.seed_report
    bloc = BlocPage.objects.live().filter(locale=demo_content_en.locale_vi).first()
    bloc_index = BlocIndexPage.objects.get(locale=demo_content_en.locale_vi)
    agency = Agency.objects.get(slug="so-khcn", locale=demo_content_en.locale_vi)
    legal = LegalDemo(demo_content_en).load().load_english()
    draft = legal.pages["du-thao-chinh-sach-ho-tro-khoi-nghiep-doi-moi-sang-tao"]
    organisation = OrganisationDemo(demo_content_en).load().load_english()
    # The organisation demo creates the department's units.
    office = Agency.objects.get(slug="van-phong-so", locale=demo_content_en.locale_vi)
    calendar = WorkCalendarDemo(demo_content_en).load()
    PortalChromeDemo(demo_content_en).load()
    home_children = demo_content_en.home.get_children()

    def agency_url(index, agency):
        return index.url + index.reverse_subpage("agency", args=[agency.slug])

    def both(page):
        return page.url, page.get_translation(english).url

    def sub_page(page, name, *args, **kwargs):
        return page.url + page.reverse_subpage(name, args=args or None, kwargs=kwargs or None)

    organisation_en = organisation.page.get_translation(english).specific
    director = organisation.page.live_leaders[0].person
    today = timezone.localdate()
    calendar_vi, calendar_en = (
        WorkCalendarPage.objects.get(pk=calendar.pages[code].pk) for code in ("vi", "en")
    )

    return {
        "home": both(demo_content_en.home),
        "listing": both(news),
        "article": (article.url, article_en.url),
        "event report": both(report),
        "bloc": both(bloc),
        "agency": (
            agency_url(bloc_index, agency),
            agency_url(bloc_index.get_translation(english), agency.get_translation(english)),
        ),
        "search": ("/tim-kiem/?q=thi+dua", "/en/search/?q=emulation"),
        # Filtered: the facets are then unfolded at every width.
        "legal documents": tuple(f"{url}?year=2024" for url in both(legal.index)),
        "legal document": both(legal.pages["quyet-dinh-15-2024-qd-ubnd"]),
        "organisation": both(organisation.page),
        "organisation unit": (
            organisation.page.unit_url(office),
            organisation.page.get_translation(english).unit_url(office.get_translation(english)),
        ),
        "organisation leader": (
            sub_page(organisation.page, "leader", slug=director.slug),
            sub_page(organisation_en, "leader", slug=director.get_translation(english).slug),
        ),
        "work calendar": (calendar_vi.url, calendar_en.url),
        "work calendar day": (
            calendar_vi.url + calendar_vi.day_path(today),
            calendar_en.url + calendar_en.day_path(today),
        ),
        "draft": (draft.url, None),
        "comment form": (draft.url + draft.reverse_subpage("consultation"), None),
        "sign-in": ("/_util/login/?next=/", "/en/_util/login/?next=/en/"),
        "contact": both(home_children.get(slug="lien-he")),
        "accessibility statement": both(home_children.get(slug="tuyen-bo-ve-kha-nang-tiep-can")),
        "sitemap": both(home_children.get(slug="so-do-cong-thong-tin")),
        "not found": ("/khong-co-trang-nay/", "/en/no-such-page/"),
    }


def audit(page):
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )


def test_no_serious_accessibility_violation_in_either_language(
    live_server, new_page, axe_script, audited_pages, artifacts
):
    """Also saves the screenshots of SCREENSHOTS pages, while it is there."""
    report, blocking = [], []
    for size, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page = new_page(viewport)
        # An init script, not a <script> tag: the pages' CSP blocks inline scripts.
        page.add_init_script(axe_script)
        for kind, paths in audited_pages.items():
            for language, path in zip(("vi", "en"), paths, strict=True):
                if path is None:
                    continue
                response = page.goto(live_server.url + path)
                assert response.status == (404 if kind == "not found" else 200), path
                expect(page.locator("html")).to_have_attribute("lang", language)
                if kind in SCREENSHOTS:
                    page.wait_for_load_state("networkidle")
                    name = f"{kind.replace(' ', '-')}-{language}-{size}.png"
                    page.screenshot(path=artifacts / name, full_page=True)
                results = audit(page)
                for violation in results["violations"]:
                    entry = {
                        "page": kind,
                        "language": language,
                        "width": viewport["width"],
                        "rule": violation["id"],
                        "impact": violation["impact"],
                        "targets": [node["target"] for node in violation["nodes"]],
                    }
                    report.append(entry)
                    if violation["impact"] in BLOCKING_IMPACTS:
                        blocking.append(entry)
    (artifacts / "axe-violations.json").write_text(json.dumps(report, ensure_ascii=False, indent=2))
    assert blocking == []


def test_keyboard_reaches_menu_search_and_language_switcher(live_server, new_page, demo_content_en):
    for viewport in (PHONE, DESKTOP):
        keyboard_only(new_page(viewport), live_server.url, phone=viewport is PHONE)


def keyboard_only(page, base_url, phone):
    page.goto(base_url + "/")
    targets = {
        "skip link": page.locator(".skip-link"),
        "language switcher": page.locator(".language-switcher a").first,
        "search": page.locator("#site-search-q"),
        "menu": page.locator(".main-nav__toggle:visible, .main-nav__link:visible").first,
    }
    reached = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        for name, target in targets.items():
            if name not in reached and target.evaluate("el => el === document.activeElement"):
                outline = target.evaluate("el => getComputedStyle(el).outlineStyle")
                assert outline != "none", f"{name} has no visible focus"
                reached.add(name)
        if reached == set(targets):
            break
    assert reached == set(targets)

    if phone:
        page.locator(".main-nav__toggle").focus()
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        expect(page.locator(".main-nav__link").first).to_be_focused()
        page.keyboard.press("Escape")
        expect(page.locator(".main-nav__toggle")).to_be_focused()
    page.locator(".skip-link").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()
