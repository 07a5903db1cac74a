"""The whole path in a real browser: an editor writes, a moderator approves, a reader reads,
a translator publishes the English version, and the reader switches to it."""

import io

import pytest
from django.core import mail
from PIL import Image as PILImage
from playwright.sync_api import expect
from wagtail.models import WorkflowState

from articles.models import ArticleIndexPage, EventReportPage
from snippets.models import Agency

from .conftest import PHONE, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

TITLE = "Hội nghị tổng kết phong trào thi đua Khối Văn hóa - Xã hội"
ENGLISH_TITLE = "Culture and Society Bloc reviews its emulation movement"
CAPTION = "Đại diện các đơn vị ký giao ước thi đua năm 2025"
ALT = "Lãnh đạo các sở ký giao ước thi đua trên sân khấu hội trường"


def photo(path):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 800), (30, 90, 150)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def open_modal(page):
    modal = page.locator(".modal.in")
    expect(modal).to_be_visible()
    return modal


def choose_snippet(page, formset, search):
    """Adds a row to an inline panel and picks its snippet in the chooser modal."""
    page.click(f"#id_{formset}-ADD")
    row = page.locator(f"#id_{formset}-FORMS > :last-child")
    row.locator("[data-chooser-action-choose]").click()
    modal = open_modal(page)
    modal.locator("input[name=q]").fill(search)
    modal.locator("[data-chooser-modal-choice]", has_text=search).first.click()
    expect(modal).to_be_hidden()
    expect(row).to_contain_text(search)


def editor_writes_and_submits(page, base_url, news, tmp_path):
    log_in(page, base_url, "bientapvien")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    page.goto(f"{base_url}/admin/pages/add/articles/eventreportpage/{news.pk}/")
    page.fill("#id_title", TITLE)
    page.fill("#id_lead", "Các đơn vị trong khối tổng kết phong trào thi đua và ký giao ước mới.")

    # The captioned photo: uploaded from the chooser, with its alternative text.
    page.locator("#id_hero_image-chooser [data-chooser-action-choose]").click()
    modal = open_modal(page)
    modal.locator("#tab-label-upload").click()
    expect(modal.get_by_text("Văn bản thay thế")).to_be_visible()
    modal.locator("[name=image-chooser-upload-title]").fill("Ký giao ước thi đua 2025")
    modal.locator("[name=image-chooser-upload-file]").set_input_files(photo(tmp_path / "ky.jpg"))
    modal.locator("[name=image-chooser-upload-description]").fill(ALT)
    modal.get_by_role("button", name="Tải lên").click()
    expect(modal).to_be_hidden()
    page.fill("#id_hero_caption", CAPTION)

    page.fill("#id_event_start", "20/01/2025 08:00")
    page.keyboard.press("Escape")
    page.fill("#id_venue", "Hội trường Sở Khoa học và Công nghệ")
    choose_snippet(page, "related_agencies", "Sở KH&CN")
    choose_snippet(page, "officials", "Hoàng Minh Cường")
    choose_snippet(page, "participating_agencies", "Sở KH&CN")

    page.locator("footer .w-dropdown__toggle").click()
    page.get_by_role("button", name="Gửi vào quy trình Duyệt tin bài").click()
    expect(page.locator(".messages")).to_contain_text("gửi duyệt")
    page.context.close()


def moderator_approves(page, base_url, report):
    log_in(page, base_url, "kiemduyetvien")
    page.goto(f"{base_url}/admin/pages/{report.pk}/edit/")
    approve = page.locator("footer").get_by_role("button", name="Phê duyệt và xuất bản", exact=True)
    if not approve.is_visible():
        page.locator("footer .w-dropdown__toggle").click()
    approve.click()
    expect(page.locator(".messages")).to_contain_text(TITLE)
    page.context.close()


def translator_publishes_english(page, base_url, report):
    log_in(page, base_url, "biendich")
    page.goto(f"{base_url}/admin/pages/{report.pk}/edit/")
    page.locator("header").get_by_role("button", name="Thao tác", exact=True).click()
    page.get_by_role("link", name="Dịch trang này").click()
    page.get_by_label("Tiếng Anh").check()
    page.get_by_role("button", name="Gửi").click()
    title = page.locator("li").filter(has_text="Tiêu đề").filter(has=page.locator("button")).last
    title.get_by_role("button", name="Dịch", exact=True).click()
    title.locator("textarea").fill(ENGLISH_TITLE)
    title.get_by_role("button", name="Lưu").click()
    expect(title).to_contain_text("Dịch thủ công")
    page.locator("button[name=action][value=publish]").click()
    expect(page.locator(".messages")).to_contain_text(ENGLISH_TITLE)
    page.context.close()


# Each actor's browser context is closed before the test reads the database: with SQLite the
# live server shares the test's in-memory connection, and the admin keeps making requests
# (editing-session pings) while a page is open.
def test_editor_moderator_reader_translator(
    demo_content_en, live_server, new_page, make_member, tmp_path, artifacts
):
    base_url = live_server.url
    news = ArticleIndexPage.objects.get(slug="tin-tuc-su-kien")
    make_member("bientapvien", "Biên tập viên")
    make_member("kiemduyetvien", "Kiểm duyệt viên")
    make_member("biendich", "Kiểm duyệt viên")

    editor_writes_and_submits(new_page(), base_url, news, tmp_path)
    report = EventReportPage.objects.get(title=TITLE)
    assert not report.live
    state = WorkflowState.objects.for_instance(report).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert [link.agency.slug for link in report.related_agencies.all()] == ["so-khcn"]
    assert [link.person.slug for link in report.officials.all()] == ["hoang-minh-cuong"]
    assert report.hero_image.description == ALT
    notified = {address for message in mail.outbox for address in message.to}
    assert notified == {"kiemduyetvien@example.gov.vn", "biendich@example.gov.vn"}

    moderator_approves(new_page(), base_url, report)
    report.refresh_from_db()
    assert report.live

    reader = new_page(PHONE)
    reader.goto(f"{base_url}/")
    reader.get_by_role("link", name=TITLE).first.click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(reader.locator("figure", has_text=CAPTION).locator("img")).to_have_attribute("alt", ALT)
    expect(reader.locator("main")).to_contain_text("Hoàng Minh Cường")
    expect(reader.locator("main")).to_contain_text(
        Agency.objects.get(slug="so-khcn", locale=report.locale).name
    )
    seconds = reader.locator("[data-clock-seconds]")
    first = seconds.inner_text()
    expect(seconds).not_to_have_text(first, timeout=3_000)
    reader.screenshot(path=artifacts / "editors-day-article-vi-phone.png", full_page=True)

    translator_publishes_english(new_page(), base_url, report)
    reader.reload()
    reader.locator(".language-switcher").get_by_role("link", name="English").click()
    expect(reader.locator("html")).to_have_attribute("lang", "en")
    expect(reader.get_by_role("heading", level=1)).to_have_text(ENGLISH_TITLE)
    assert "/en/" in reader.url
    reader.screenshot(path=artifacts / "editors-day-article-en-phone.png", full_page=True)
