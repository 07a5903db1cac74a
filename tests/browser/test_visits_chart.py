"""The admin dashboard in a real browser: the visits chart's last date label is drawn whole,
inside the chart, on a phone and on a desktop; the "Thông tin bắt buộc" panel links to the
full list; both pass axe-core in Vietnamese and English."""

import pytest
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from .conftest import DESKTOP, PHONE, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MEASURE = """() => {
    const svg = document.querySelector(".visits-panel svg");
    const labels = svg.querySelectorAll(".visits-panel__dates text");
    const last = labels[labels.length - 1];
    const box = last.getBBox();
    const drawn = last.getBoundingClientRect();
    const frame = svg.getBoundingClientRect();
    return {
        text: last.textContent,
        start: box.x, end: box.x + box.width, width: svg.viewBox.baseVal.width,
        drawnLeft: drawn.left, drawnRight: drawn.right,
        frameLeft: frame.left, frameRight: frame.right,
    };
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_last_date_label_is_whole(new_page, live_server, make_member, viewport, artifacts):
    make_member("quantrivien", "Quản trị viên")
    page = new_page(viewport)
    log_in(page, live_server.url, "quantrivien")
    chart = page.locator(".visits-panel svg")
    chart.scroll_into_view_if_needed()
    label = page.evaluate(MEASURE)
    assert label["text"]
    assert label["start"] >= 0 and label["end"] <= label["width"], label
    assert label["frameLeft"] <= label["drawnLeft"], label
    assert label["drawnRight"] <= label["frameRight"], label
    chart.screenshot(path=artifacts / f"visits-chart-{viewport['width']}.png")
    page.screenshot(path=artifacts / f"admin-home-{viewport['width']}.png", full_page=True)
    panel = page.locator(".required-information-panel")
    assert "Thông tin bắt buộc" in panel.inner_text()
    panel.get_by_role("link", name="Xem từng mục và tình trạng").click()
    page.wait_for_url(f"{live_server.url}/admin/required-information/")
    assert page.locator("table.required-information tbody tr").count() >= 10
    page.screenshot(
        path=artifacts / f"required-information-{viewport['width']}.png", full_page=True
    )


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def serious_violations(page, selector):
    results = page.evaluate(
        "([selector, tags]) => axe.run(selector, {runOnly: {type: 'tag', values: tags}})",
        [selector, AXE_TAGS],
    )
    return [
        (violation["id"], [node["target"] for node in violation["nodes"]])
        for violation in results["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_required_information_screens_pass_axe(
    new_page, live_server, make_member, axe_script, language
):
    """The panel and the list (their own markup; Wagtail's frame is Wagtail's) at both sizes."""
    editor = make_member("bientapvien", "Biên tập viên")
    UserProfile.get_for_user(editor)
    UserProfile.objects.filter(user=editor).update(preferred_language=language)
    for viewport in (PHONE, DESKTOP):
        page = new_page(viewport)
        page.add_init_script(axe_script)
        log_in(page, live_server.url, "bientapvien")
        assert serious_violations(page, ".required-information-panel") == []
        page.goto(f"{live_server.url}/admin/required-information/")
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert serious_violations(page, "main") == []
