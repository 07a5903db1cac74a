"""The registry of legal documents (Văn bản) in a real browser: an editor enters a document
with its files and a relation and submits it for moderation; a citizen finds one by its
facets and its number and downloads it; a citizen comments on a draft and sees the comment
once a moderator has approved it."""

import importlib
import io
from datetime import date

import pytest
from django.apps import apps
from docx import Document as DocxDocument
from fpdf import FPDF
from playwright.sync_api import expect
from wagtail.models import WorkflowState

from legal_documents.models import DocumentType, LegalDocumentIndexPage, LegalDocumentPage
from snippets.models import Agency
from tests.legal_documents.conftest import publish

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

TITLE = "Quyết định ban hành Quy chế quản lý Cổng thông tin điện tử của Sở"
NUMBER = "15/2024/QĐ-UBND"
TARGET_TITLE = "Quy chế cũ về quản lý Cổng thông tin điện tử"


@pytest.fixture(autouse=True)
def legal_document_roles(migrated_data):
    """The groups' permissions on comments (legal_documents 0002), which `migrated_data`'s
    re-creation of the editorial roles does not know of."""
    importlib.import_module("legal_documents.migrations.0002_roles_for_legal_documents").grant(
        apps, None
    )


@pytest.fixture
def registry(home):
    """The Văn bản section with a published document, its type and its issuing agency."""
    index = publish(
        home.add_child(instance=LegalDocumentIndexPage(title="Văn bản", slug="van-ban"))
    )
    decision = DocumentType.objects.create(name="Quyết định", slug="quyet-dinh", sort_order=40)
    committee = Agency.objects.create(
        name="Ủy ban nhân dân Thành phố", slug="ubnd-thanh-pho", live=True
    )
    existing = LegalDocumentPage(
        title=TARGET_TITLE,
        number="7/2019/QĐ-UBND",
        document_type=decision,
        issuer=committee,
        issue_date=date(2019, 5, 2),
        abstract="Quy chế quản lý Cổng thông tin điện tử (đã được thay thế).",
    )
    index.add_child(instance=existing)
    return index, publish(existing)


def pdf_file(path, text):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=text)
    pdf.output(str(path))
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
    index, target = registry
    base_url = live_server.url
    make_member("bientapvien", "Biên tập viên")
    page = new_page()
    log_in(page, base_url, "bientapvien")
    page.goto(f"{base_url}/admin/pages/add/legal_documents/legaldocumentpage/{index.pk}/")

    fill_metadata(page, "15-2024 QĐ UBND")
    upload_attachment(page, "Quyết định 15/2024 (bản ký số)", pdf_file(tmp_path / "qd.pdf", "QD"))
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
        "Quyết định 15/2024 (bản ký số)",
    ]
    assert {file.file.name.rsplit(".", 1)[1] for file in files} == {"pdf", "docx"}
    assert [(link.kind, link.target_id) for link in submitted.relations.all()] == [
        ("replaces", target.pk)
    ]
