"""The preview panel's link to the headless front end, in a real browser: the editor's
unsaved edits reach the front end even when the link is clicked before the panel refreshed."""

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from articles.models import NewsArticlePage
from tests.roles import EDITORS

from .conftest import PHONE, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FRONT_END = "http://front.example/preview"
EDITED_TITLE = "Tiêu đề đang sửa, chưa lưu"


@pytest.mark.parametrize("viewport", [PHONE, None], ids=["phone", "desktop"])
def test_the_front_end_gets_the_edits_typed_just_before_the_click(
    new_page, live_server, settings, demo_content, make_member, viewport
):
    settings.HEADLESS_PREVIEW_CLIENT_URLS = {"default": FRONT_END}
    article = NewsArticlePage.objects.live().first()
    make_member("bientapvien", EDITORS)
    page = new_page(viewport) if viewport else new_page()
    page.context.route(f"{FRONT_END}**", lambda route: route.fulfill(body="front end"))
    log_in(page, live_server.url, "bientapvien")
    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    page.click("button[data-side-panel-toggle='preview']")
    expect(page.locator(".w-preview__iframe")).to_be_visible()
    page.wait_for_load_state("networkidle")  # the panel's first update is done

    page.fill("#id_title", EDITED_TITLE)
    with page.expect_popup() as opened:
        page.get_by_role("link", name="Xem trước trên trang khác").click()
    front_end = opened.value
    front_end.wait_for_url(f"{FRONT_END}**")

    query = parse_qs(urlsplit(front_end.url).query)
    draft = page.request.get(
        f"{live_server.url}/api/v2/preview/",
        params={"content_type": query["content_type"][0], "token": query["token"][0]},
    )
    assert draft.status == 200
    assert draft.json()["title"] == EDITED_TITLE
    assert NewsArticlePage.objects.get(pk=article.pk).title != EDITED_TITLE
