"""The text of attached files: read safely in a worker process, stored, and searched."""

import io
import time

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from fpdf import FPDF
from wagtail.documents import get_document_model

from legal_documents import extraction
from legal_documents.models import AttachmentText, ExtractionOutcome, LegalDocumentPage

from .files import (
    DEJAVU,
    image_pdf,
    pdf_bomb,
    spreadsheet,
    text_pdf,
    word_file,
    zip_bomb,
)

REGULATION = "Quy che thi dua khen thuong cua So Giao duc nam 2024"


@pytest.fixture
def upload(attachment_factory, django_capture_on_commit_callbacks):
    """upload(name, content) -> the document, its text read as after a real commit."""

    def make(name, content, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            document = attachment_factory(name=name, content=content, **kwargs)
        return document

    return make


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_user(username="bientapvien", password="x" * 16)
    editor.groups.add(Group.objects.get(name="Biên tập viên"))
    client.force_login(editor)
    return client


@pytest.fixture
def limits(settings):
    """limits(KEY=value, ...) lowers the extraction's bounds for one test."""

    def lower(**values):
        settings.ATTACHMENT_EXTRACTION = {**settings.ATTACHMENT_EXTRACTION, **values}

    return lower


def outcome_of(document):
    return AttachmentText.objects.get(document=document)


def test_pdf_text_is_extracted_and_the_file_recorded(upload):
    document = upload("quy-che.pdf", text_pdf(REGULATION, "Trang hai: dieu khoan thi hanh"))
    stored = outcome_of(document)
    assert stored.outcome == ExtractionOutcome.EXTRACTED
    assert "khen thuong" in stored.text and "dieu khoan thi hanh" in stored.text
    assert stored.file_name == document.file.name


@pytest.mark.skipif(not DEJAVU.exists(), reason="DejaVu Sans is not installed")
def test_vietnamese_pdf_text_keeps_its_diacritics(upload):
    document = upload("quy-che.pdf", text_pdf("Quy chế thi đua khen thưởng", font=DEJAVU))
    assert "Quy chế thi đua khen thưởng" in outcome_of(document).text


def test_docx_paragraphs_and_tables_are_extracted(upload):
    content = word_file(
        ["Kế hoạch tuyển sinh lớp 10"], table=[["Trường", "Chỉ tiêu"], ["THPT Chu Văn An", "450"]]
    )
    text = outcome_of(upload("ke-hoach.docx", content)).text
    assert "Kế hoạch tuyển sinh lớp 10" in text
    assert "THPT Chu Văn An" in text and "450" in text


def test_xlsx_cells_are_extracted(upload):
    content = spreadsheet([["Đơn vị", "Điểm"], ["Phòng Giáo dục Quận 1", 98]])
    text = outcome_of(upload("diem.xlsx", content)).text
    assert "Phòng Giáo dục Quận 1 98" in text


def test_a_scanned_pdf_has_no_text(upload):
    assert outcome_of(upload("scan.pdf", image_pdf())).outcome == ExtractionOutcome.NO_TEXT


def test_other_types_are_kept_unread(upload):
    document = upload("cong-van.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old Word")
    assert outcome_of(document).outcome == ExtractionOutcome.UNSUPPORTED


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("hong.pdf", b"%PDF-1.4\n1 0 obj<</Type/Catalog garbage"),
        ("cat-ngang.pdf", text_pdf(REGULATION)[:400]),
        ("hong.docx", b"PK\x03\x04 not really a zip"),
        ("khong-phai-word.docx", zip_bomb(b"", 0, name="readme.txt")),
        ("hong.xlsx", word_file(["not a workbook"])),
    ],
)
def test_a_damaged_file_is_refused(upload, name, content):
    assert outcome_of(upload(name, content)).outcome == ExtractionOutcome.REFUSED


def test_a_pdf_bomb_is_refused_within_the_default_limits(upload, caplog):
    # 60 MB of spaces in 60 KB: beyond the 50 MB one stream may inflate to.
    started = time.monotonic()
    document = upload("bom.pdf", pdf_bomb(60))
    assert outcome_of(document).outcome == ExtractionOutcome.REFUSED
    assert "pypdf limit" in caplog.text
    assert time.monotonic() - started < 10


def test_a_pdf_bomb_beyond_the_memory_cap_is_refused(upload, limits, caplog):
    # pypdf's own limit lifted: the worker's address space stops the bomb.
    limits(MAX_STREAM_BYTES=10**9, MEMORY_MB=120)
    assert outcome_of(upload("bom.pdf", pdf_bomb(100))).outcome == ExtractionOutcome.REFUSED
    assert "memory limit" in caplog.text


@pytest.mark.parametrize(
    ("name", "base"), [("bom.docx", word_file(["Báo cáo"])), ("bom.xlsx", spreadsheet([["a"]]))]
)
def test_a_zip_bomb_is_refused_before_it_is_inflated(upload, caplog, name, base):
    bomb = zip_bomb(base, 20)
    assert outcome_of(upload(name, bomb)).outcome == ExtractionOutcome.REFUSED
    assert "ratio limit" in caplog.text


def test_a_pdf_locked_with_a_password_is_refused(upload, caplog):
    pdf = FPDF()
    pdf.set_encryption(owner_password="chu-so-huu", user_password="mat-khau")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(text="Bi mat")
    document = upload("khoa.pdf", bytes(pdf.output()))
    assert outcome_of(document).outcome == ExtractionOutcome.REFUSED
    assert "encrypted" in caplog.text


def test_a_zip_larger_than_the_limit_once_inflated_is_refused(upload, limits, caplog):
    limits(MAX_INFLATED_BYTES=20_000)
    document = upload("bao-cao.docx", word_file(["Báo cáo tổng kết"] * 2000))
    assert outcome_of(document).outcome == ExtractionOutcome.REFUSED
    assert "too large once inflated" in caplog.text


def test_pages_and_characters_are_capped(upload, limits):
    limits(MAX_PAGES=1, MAX_CHARS=20)
    text = outcome_of(upload("dai.pdf", text_pdf(REGULATION, "Trang hai"))).text
    assert text == REGULATION[:20]


def test_a_worker_that_hangs_is_killed_at_the_timeout(upload, limits, tmp_path, monkeypatch):
    sleeper = tmp_path / "sleeper.py"
    sleeper.write_text("import time\ntime.sleep(60)\n")
    monkeypatch.setattr(extraction, "WORKER", sleeper)
    limits(TIMEOUT=1)
    started = time.monotonic()
    assert outcome_of(upload("cham.pdf", text_pdf("x"))).outcome == ExtractionOutcome.REFUSED
    assert time.monotonic() - started < 5


def test_nothing_is_read_before_the_transaction_commits(attachment_factory):
    attachment_factory(name="quy-che.pdf", content=text_pdf(REGULATION))
    assert not AttachmentText.objects.exists()


def test_the_text_is_read_again_only_when_the_file_changes(
    upload, monkeypatch, django_capture_on_commit_callbacks
):
    document = upload("quy-che.pdf", text_pdf("Ban cu"))
    calls = []
    read_text = extraction.read_text
    monkeypatch.setattr(
        extraction, "read_text", lambda *args: calls.append(args) or read_text(*args)
    )
    with django_capture_on_commit_callbacks(execute=True):
        document.title = "Quy chế (sửa tên)"
        document.save()
    assert calls == []
    with django_capture_on_commit_callbacks(execute=True):
        document.file = ContentFile(text_pdf("Ban moi sua doi"), name="quy-che.pdf")
        document.save()
    assert len(calls) == 1
    stored = outcome_of(document)
    assert "Ban moi sua doi" in stored.text and stored.file_name == document.file.name


def search(query):
    return [page.title for page in LegalDocumentPage.objects.live().search(query)]


@pytest.mark.skipif(not DEJAVU.exists(), reason="DejaVu Sans is not installed")
def test_a_page_is_found_by_a_word_inside_its_attachment(upload, legal_document_factory):
    document = upload("quy-che.pdf", text_pdf("Quy chế thi đua khen thưởng", font=DEJAVU))
    page = legal_document_factory(attachments=[document], abstract="Ban hành quy chế")
    legal_document_factory(abstract="Một văn bản khác")
    assert search("khen thưởng") == [page.title]
    assert search("khen thuong") == [page.title]


def test_a_file_replaced_after_publishing_is_searched(
    upload, legal_document_factory, django_capture_on_commit_callbacks
):
    document = upload("quy-che.pdf", image_pdf())
    page = legal_document_factory(attachments=[document])
    assert search("tuyensinh") == []
    with django_capture_on_commit_callbacks(execute=True):
        document.file = ContentFile(text_pdf("Ke hoach tuyensinh 2025"), name="ke-hoach.pdf")
        document.save()
    assert search("tuyensinh") == [page.title]


def test_a_refused_file_never_fails_the_page(upload, legal_document_factory):
    document = upload("bom.docx", zip_bomb(word_file(["Báo cáo"]), 20))
    page = legal_document_factory(attachments=[document])
    assert page.live and outcome_of(document).outcome == ExtractionOutcome.REFUSED


def post_upload(client, url, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(url, data)


@pytest.mark.parametrize("content", [text_pdf(REGULATION), zip_bomb(word_file(["x"]), 20)])
def test_an_editor_uploads_in_the_admin_and_the_text_is_read(
    editor_client, django_capture_on_commit_callbacks, content
):
    name = "quy-che.pdf" if content.startswith(b"%PDF") else "bom.docx"
    data = {"title": "Quy chế", "file": SimpleUploadedFile(name, content), "tags": ""}
    response = post_upload(
        editor_client, reverse("wagtaildocs:add"), data, django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    stored = outcome_of(get_document_model().objects.get(title="Quy chế"))
    expected = ExtractionOutcome.EXTRACTED if name.endswith("pdf") else ExtractionOutcome.REFUSED
    assert stored.outcome == expected


def test_uploads_from_the_chooser_and_the_multiple_uploader_are_read(
    editor_client, django_capture_on_commit_callbacks, legal_document_factory
):
    chooser = {
        "document-chooser-upload-title": "Từ hộp chọn",
        "document-chooser-upload-file": SimpleUploadedFile("a.pdf", text_pdf("chooserword")),
    }
    post_upload(
        editor_client,
        reverse("wagtaildocs_chooser:create"),
        chooser,
        django_capture_on_commit_callbacks,
    )
    multiple = {"files[]": SimpleUploadedFile("b.docx", word_file(["multipleword"]))}
    response = post_upload(
        editor_client,
        reverse("wagtaildocs:add_multiple"),
        multiple,
        django_capture_on_commit_callbacks,
    )
    assert response.json()["success"] is True
    texts = " ".join(AttachmentText.objects.values_list("text", flat=True))
    assert "chooserword" in texts and "multipleword" in texts
    documents = list(get_document_model().objects.all())
    page = legal_document_factory(attachments=documents)
    assert search("multipleword") == [page.title] == search("chooserword")


def test_the_command_reads_the_documents_not_read_yet(attachment_factory, upload):
    read = upload("da-doc.pdf", text_pdf("Da doc"))
    waiting = attachment_factory(name="chua-doc.docx", content=word_file(["Chưa đọc"]))
    output = io.StringIO()
    call_command("extract_attachment_text", stdout=output)
    assert "extracted: 1" in output.getvalue()
    assert "Chưa đọc" in outcome_of(waiting).text
    call_command("extract_attachment_text", "--all", stdout=output)
    assert "extracted: 2" in output.getvalue() and outcome_of(read).text == "Da doc"


def test_a_loader_that_stores_the_text_spares_the_reading(
    attachment_factory, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(extraction, "read_text", lambda *args: pytest.fail("read again"))
    with django_capture_on_commit_callbacks(execute=True):
        document = attachment_factory(name="mau.pdf", content=text_pdf("Mau"))
        AttachmentText.objects.create(
            document=document, file_name=document.file.name, outcome="extracted", text="Mẫu"
        )
    assert outcome_of(document).text == "Mẫu"
