"""The registry of legal documents (Văn bản) in a real browser: an editor enters a document
with its files and a relation and submits it for moderation; a citizen finds one by its
facets and its number and downloads it; a citizen comments on a draft and sees the comment
once a moderator has approved it."""

import io
import re
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from docx import Document as DocxDocument
from fpdf import FPDF
from playwright.sync_api import expect
from wagtail.documents import get_document_model
from wagtail.models import WorkflowState

from legal_documents.models import (
    CommentStatus,
    ConsultationComment,
    DocumentType,
    LegalDocumentAttachment,
    LegalDocumentIndexPage,
    LegalDocumentPage,
)
from snippets.models import Agency
from tests.legal_documents.conftest import publish

from .conftest import DESKTOP, PHONE, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

TITLE = "Quy chế quản lý, vận hành Cổng thông tin điện tử của Sở"
NUMBER = "27/2024/QĐ-UBND"
TARGET_TITLE = "Quy chế quản lý Cổng thông tin điện tử (năm 2023)"
SOUGHT_TITLE = "Quy chế quản lý nhiệm vụ khoa học và công nghệ cấp thành phố"
DRAFT_TITLE = "Dự thảo Quyết định hỗ trợ khởi nghiệp đổi mới sáng tạo"
COMMENT = "Đề nghị bổ sung hỗ trợ chi phí thử nghiệm sản phẩm mẫu cho doanh nghiệp khởi nghiệp."
SIZES = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])


def pdf_bytes(text):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=text)
    return bytes(pdf.output())


@pytest.fixture
def registry(home):
    """A small Văn bản section: decisions and a dispatch of two years (the sought one with
    its PDF, and one of the same number but another year), and a draft open for comments."""
    index = publish(
        home.add_child(instance=LegalDocumentIndexPage(title="Văn bản", slug="van-ban"))
    )
    decision = DocumentType.objects.create(name="Quyết định", slug="quyet-dinh", sort_order=40)
    dispatch = DocumentType.objects.create(name="Công văn", slug="cong-van", sort_order=70)
    committee = Agency.objects.create(
        name="Ủy ban nhân dân Thành phố", slug="ubnd-thanh-pho", live=True
    )
    signed = get_document_model().objects.create(
        title="Quyết định 15/2024/QĐ-UBND (PDF)",
        file=ContentFile(pdf_bytes("Quyet dinh 15/2024/QD-UBND"), name="qd-15-2024.pdf"),
    )
    rows = [
        (SOUGHT_TITLE, decision, "15/2024/QĐ-UBND", date(2024, 3, 12), [signed]),
        (TARGET_TITLE, decision, "15/2023/QĐ-UBND", date(2023, 6, 1), []),
        ("Danh mục nhiệm vụ khoa học và công nghệ năm 2025", decision, "2456/QĐ-UBND",
         date(2024, 9, 20), []),
        ("Kiểm tra chất lượng hàng hóa cuối năm", dispatch, "3456/UBND-VX", date(2024, 11, 2),
         []),
    ]  # fmt: skip
    documents = {}
    for title, kind, number, issued, files in rows:
        document = LegalDocumentPage(
            title=title,
            document_type=kind,
            number=number,
            issuer=committee,
            issue_date=issued,
            abstract=f"{kind.name} {number}: {title}.",
        )
        for file in files:
            document.attachments.add(LegalDocumentAttachment(document=file))
        index.add_child(instance=document)
        documents[number] = publish(document)
    now = timezone.now()
    draft = LegalDocumentPage(
        title=DRAFT_TITLE,
        document_type=decision,
        issuer=committee,
        abstract="Dự thảo chính sách hỗ trợ khởi nghiệp đổi mới sáng tạo, lấy ý kiến nhân dân.",
        is_draft=True,
        drafting_agency=committee,
        comments_open_at=now - timedelta(days=2),
        comments_close_at=now + timedelta(days=20),
    )
    index.add_child(instance=draft)
    return SimpleNamespace(index=index, documents=documents, draft=publish(draft))


def pdf_file(path, text):
    path.write_bytes(pdf_bytes(text))
    return path


def docx_file(path, text):
    document = DocxDocument()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def open_modal(page):
    modal = page.locator(".modal.in")
    expect(modal).to_be_visible()
    return modal


def choose_snippet(page, field, name):
    page.locator(f"#id_{field}-chooser [data-chooser-action-choose]").click()
    modal = open_modal(page)
    modal.locator("[data-chooser-modal-choice]", has_text=name).first.click()
    expect(modal).to_be_hidden()
    expect(page.locator(f"#id_{field}-chooser")).to_contain_text(name)


def add_row(page, formset):
    page.click(f"#id_{formset}-ADD")
    return page.locator(f"#id_{formset}-FORMS > :last-child")


def upload_attachment(page, title, path):
    """Adds an attached file, uploaded from the document chooser's modal."""
    row = add_row(page, "attachments")
    row.locator("[data-chooser-action-choose]").first.click()
    modal = open_modal(page)
    modal.locator("#tab-label-upload").click()
    modal.locator("[name=document-chooser-upload-file]").set_input_files(path)
    modal.locator("[name=document-chooser-upload-title]").fill(title)
    modal.get_by_role("button", name="Tải lên").click()
    expect(modal).to_be_hidden()
    expect(row).to_contain_text(title)


def relate(page, kind, title):
    """Adds a relation to a published document, chosen by searching the page chooser."""
    row = add_row(page, "relations")
    row.locator("select").select_option(label=kind)
    row.locator("[data-chooser-action-choose]").first.click()
    modal = open_modal(page)
    modal.locator("input[name=q]").fill(title.split()[0] + " " + title.split()[1])
    modal.locator("a.choose-page", has_text=title).click()
    expect(modal).to_be_hidden()
    expect(row).to_contain_text(title)


def fill_metadata(page, number):
    page.fill("#id_title", TITLE)
    choose_snippet(page, "document_type", "Quyết định")
    page.fill("#id_number", number)
    choose_snippet(page, "issuer", "Ủy ban nhân dân Thành phố")
    page.fill("#id_issue_date", "15/03/2024")
    page.keyboard.press("Escape")
    page.fill("#id_abstract", "Ban hành Quy chế quản lý, vận hành Cổng thông tin điện tử của Sở.")


def test_editor_enters_a_document_with_two_files_and_a_relation(
    live_server, new_page, make_member, registry, tmp_path
):
    target = registry.documents["15/2023/QĐ-UBND"]
    base_url = live_server.url
    make_member("bientapvien", "Biên tập viên")
    page = new_page()
    log_in(page, base_url, "bientapvien")
    page.goto(f"{base_url}/admin/pages/add/legal_documents/legaldocumentpage/{registry.index.pk}/")

    fill_metadata(page, "15-2024 QĐ UBND")
    upload_attachment(page, "Quyết định 27/2024 (bản ký số)", pdf_file(tmp_path / "qd.pdf", "QD"))
    upload_attachment(page, "Phụ lục Quy chế", docx_file(tmp_path / "phu-luc.docx", "Phu luc"))
    relate(page, "Thay thế", TARGET_TITLE)

    # A malformed number: the Vietnamese error, and nothing typed or chosen is lost.
    page.locator("footer .w-dropdown__toggle").click()
    page.get_by_role("button", name="Gửi vào quy trình Duyệt tin bài").click()
    expect(page.get_by_text("Không thể tạo trang do có lỗi nhập liệu.")).to_be_visible()
    expect(
        page.get_by_text("Nhập số ký hiệu như trên văn bản, ví dụ 15/2024/QĐ-UBND")
    ).to_be_visible()
    number = page.get_by_role("textbox", name="Số ký hiệu")
    expect(number).to_have_attribute("aria-invalid", "true")
    expect(number).to_have_value("15-2024 QĐ UBND")
    expect(page.locator("#id_title")).to_have_value(TITLE)
    expect(page.locator("#id_attachments-FORMS")).to_contain_text("Phụ lục Quy chế")
    expect(page.locator("#id_relations-FORMS")).to_contain_text(TARGET_TITLE)

    number.fill(NUMBER)
    page.locator("footer .w-dropdown__toggle").click()
    page.get_by_role("button", name="Gửi vào quy trình Duyệt tin bài").click()
    expect(page.locator(".messages")).to_contain_text("gửi duyệt")
    page.context.close()

    document = LegalDocumentPage.objects.get(number=NUMBER)
    assert not document.live
    assert document.get_parent().specific_class is LegalDocumentIndexPage
    state = WorkflowState.objects.for_instance(document).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    submitted = document.get_latest_revision_as_object()
    files = [link.document for link in submitted.attachments.all()]
    assert sorted(file.title for file in files) == [
        "Phụ lục Quy chế",
        "Quyết định 27/2024 (bản ký số)",
    ]
    assert {file.file.name.rsplit(".", 1)[1] for file in files} == {"pdf", "docx"}
    assert [(link.kind, link.target_id) for link in submitted.relations.all()] == [
        ("replaces", target.pk)
    ]


def choose_facet(page, legend, option):
    group = page.get_by_role("group", name=legend)
    group.get_by_role("radio", name=re.compile(rf"^{re.escape(option)}\b")).check()


@SIZES
def test_citizen_filters_finds_by_number_and_downloads(live_server, new_page, registry, viewport):
    page = new_page(viewport)
    page.goto(f"{live_server.url}{registry.index.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Văn bản")

    if not page.get_by_role("group", name="Loại văn bản").is_visible():
        page.locator("summary", has_text="Bộ lọc").click()  # phones: the facets are folded
    choose_facet(page, "Loại văn bản", "Quyết định")
    choose_facet(page, "Năm ban hành", "2024")
    page.get_by_role("button", name="Áp dụng bộ lọc").click()
    page.wait_for_url(re.compile(r"year=2024"))
    items = page.locator(".registry-item")
    expect(items).to_have_count(2)
    for type_name in items.locator(".registry-item__type").all_inner_texts():
        assert type_name == "Quyết định"
    for issued in items.locator("time").all_inner_texts():
        assert issued.endswith("/2024")
    expect(page.get_by_role("link", name=SOUGHT_TITLE)).to_be_visible()

    search = page.get_by_role("searchbox", name="Số ký hiệu hoặc từ khóa")
    search.fill("15/2024/qd-ubnd")
    search.press("Enter")
    page.wait_for_url(re.compile(r"q=15"))
    expect(items).to_have_count(1)
    expect(items).to_contain_text("15/2024/QĐ-UBND")
    items.get_by_role("link", name=SOUGHT_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SOUGHT_TITLE)

    link = page.get_by_role("link", name=re.compile(r"^Tải về .*PDF"))
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as saved:
        assert saved.read(5) == b"%PDF-"
    response = page.request.get(live_server.url + link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"


def citizen_comments(page, draft_url):
    page.goto(draft_url)
    page.get_by_role("link", name="Gửi ý kiến góp ý").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Góp ý dự thảo")
    form = page.locator("form.consultation-form")
    form.get_by_label(re.compile("^Tên đầy đủ")).fill("Đỗ Thị Hoa")
    form.get_by_label(re.compile("^Cơ quan, tổ chức")).fill("Hội Doanh nhân trẻ thành phố")
    form.get_by_label(re.compile("^Thư điện tử")).fill("hoa.do@example.com")
    form.get_by_label(re.compile("^Điều, khoản góp ý")).fill("Điều 6")
    form.get_by_label(re.compile("^Nội dung góp ý")).fill(COMMENT)
    form.get_by_label(re.compile("^Hiển thị họ tên")).check()
    form.get_by_label(re.compile("^Tôi đồng ý cho xử lý dữ liệu cá nhân")).check()
    form.get_by_role("button", name="Gửi ý kiến", exact=True).click()
    confirmation = page.get_by_role("status")
    expect(confirmation).to_contain_text("ý kiến của bạn đã được tiếp nhận")
    expect(confirmation).to_contain_text("sau khi được kiểm duyệt")
    confirmation.get_by_role("link", name="Quay lại dự thảo").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(DRAFT_TITLE)
    expect(page.locator("main")).not_to_contain_text(COMMENT)


def moderator_approves_comment(page, base_url):
    log_in(page, base_url, "kiemduyetvien")
    page.goto(f"{base_url}/admin/legal-documents/comments/?status=pending")
    page.get_by_role("link", name=re.compile(re.escape(COMMENT[:40]))).click()
    page.get_by_label("Đã duyệt", exact=True).check()
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Đã lưu trạng thái của ý kiến góp ý")
    page.context.close()


def test_citizen_comments_on_a_draft_shown_once_approved(
    live_server, new_page, make_member, registry
):
    base_url = live_server.url
    draft_url = base_url + registry.draft.url
    make_member("kiemduyetvien", "Kiểm duyệt viên")
    citizen = new_page(PHONE)
    citizen_comments(citizen, draft_url)
    comment = ConsultationComment.objects.get(email="hoa.do@example.com")
    assert comment.status == CommentStatus.PENDING

    moderator_approves_comment(new_page(), base_url)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED
    assert comment.moderated_by.username == "kiemduyetvien"

    citizen.reload()
    published = citizen.locator(".consultation__comment", has_text=COMMENT)
    expect(published).to_be_visible()
    expect(published).to_contain_text("Đỗ Thị Hoa (Hội Doanh nhân trẻ thành phố)")
    expect(citizen.locator("main")).not_to_contain_text("hoa.do@example.com")
