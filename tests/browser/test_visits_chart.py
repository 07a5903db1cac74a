"""The admin dashboard's visits chart in a real browser: the last day's date label is drawn
whole, inside the chart, on a phone and on a desktop; and the "Thông tin bắt buộc" panel
sits on the same dashboard with its link to the full list."""

import pytest

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
    panel = page.locator(".required-information-panel")
    assert "Thông tin bắt buộc" in panel.inner_text()
    panel.get_by_role("link", name="Xem từng mục và tình trạng").click()
    page.wait_for_url(f"{live_server.url}/admin/required-information/")
    assert page.locator("table.required-information tbody tr").count() >= 10
    page.screenshot(
        path=artifacts / f"required-information-{viewport['width']}.png", full_page=True
    )
