"""Upload rules: formats, size, pixel count and a required description, in Vietnamese."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images import get_image_model

from editorial.uploads import checked_image_file


def image_file(name="anh.png", size=(40, 30), image_format="PNG"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (165, 14, 14)).save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def add_image(client, file, description="Lãnh đạo Sở ký giao ước thi đua"):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": "Ảnh hội nghị", "description": description, "file": file, "tags": ""},
    )


def form_errors(response):
    return " ".join(
        str(error) for errors in response.context["form"].errors.values() for error in errors
    )


def test_editor_uploads_an_image_with_its_description(editor_client):
    response = add_image(editor_client, image_file())
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Ảnh hội nghị")
    assert image.default_alt_text == "Lãnh đạo Sở ký giao ước thi đua"


def test_an_image_without_description_is_refused(editor_client):
    response = add_image(editor_client, image_file(), description="")
    assert response.status_code == 200
    assert "description" in response.context["form"].errors
    assert "Trường này là bắt buộc" in form_errors(response)
    assert "Văn bản thay thế" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_unsupported_image_format_is_refused_in_vietnamese(editor_client):
    response = add_image(editor_client, image_file("anh.bmp", image_format="BMP"))
    assert response.status_code == 200
    assert "Định dạng hình ảnh không được hỗ trợ" in form_errors(response)


def test_svg_is_not_accepted(editor_client):
    svg = SimpleUploadedFile("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    response = add_image(editor_client, svg)
    assert response.status_code == 200
    assert not get_image_model().objects.exists()


def test_too_large_image_is_refused_in_vietnamese(editor_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 200
    response = add_image(editor_client, image_file(size=(300, 300)))
    assert response.status_code == 200
    assert "Tệp quá lớn" in form_errors(response)


def test_image_with_too_many_pixels_is_refused_in_vietnamese(editor_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000
    response = add_image(editor_client, image_file(size=(100, 100)))
    assert response.status_code == 200
    assert "Tệp có quá nhiều điểm ảnh" in form_errors(response)


def test_multiple_upload_asks_for_the_description_before_keeping_the_image(editor_client):
    response = editor_client.post(
        reverse("wagtailimages:add_multiple"), {"files[]": image_file("nhieu-anh.png")}
    )
    data = response.json()
    assert data["success"] is True
    assert "uploaded_file_id" in data and "image_id" not in data
    assert "Văn bản thay thế" in data["form"]
    assert not get_image_model().objects.exists()


def add_document(client, name, content=b"%PDF-1.4 noi dung"):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": "Kế hoạch thi đua", "file": SimpleUploadedFile(name, content), "tags": ""},
    )


def test_editor_uploads_a_pdf(editor_client):
    assert add_document(editor_client, "ke-hoach.pdf").status_code == 302
    assert Document.objects.get().title == "Kế hoạch thi đua"


def test_executable_document_is_refused_in_vietnamese(editor_client):
    response = add_document(editor_client, "cai-dat.exe", b"MZ")
    assert response.status_code == 200
    assert "Không cho phép phần mở rộng tệp" in form_errors(response)
    assert not Document.objects.exists()


def test_too_large_document_is_refused_in_vietnamese(editor_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 10
    response = add_document(editor_client, "ke-hoach.pdf")
    assert response.status_code == 200
    assert "Tệp quá lớn" in form_errors(response)


def png_claiming(width, height):
    """A tiny PNG whose header claims `width` x `height` pixels (a decompression bomb)."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("size", [(60_000, 60_000), (7_000, 7_000)])
def test_decompression_bomb_is_refused_without_decoding(editor_client, size):
    response = add_image(editor_client, SimpleUploadedFile("bom.png", png_claiming(*size)))
    assert response.status_code == 200
    assert "Tệp có quá nhiều điểm ảnh" in form_errors(response)
    assert not get_image_model().objects.exists()


def test_truncated_image_is_refused_in_vietnamese(editor_client):
    response = add_image(editor_client, SimpleUploadedFile("hong.png", png_claiming(300, 200)))
    assert response.status_code == 200
    assert "Tệp không phải là hình ảnh, hoặc đã bị hỏng" in form_errors(response)


def test_image_format_is_read_from_the_content_not_the_name(editor_client):
    response = add_image(editor_client, image_file("anh.jpg", image_format="PNG"))
    assert response.status_code == 200
    assert "Nội dung tệp không phải là ảnh JPEG" in form_errors(response)


def test_svg_renamed_as_png_is_not_an_image(editor_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = add_image(editor_client, SimpleUploadedFile("logo.png", svg))
    assert response.status_code == 200
    assert "Tệp không phải là hình ảnh, hoặc đã bị hỏng" in form_errors(response)
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("ke-hoach.pdf", b"<html><script>alert(1)</script></html>"),
        ("bao-cao.docx", b"%PDF-1.4 khong phai docx"),
        ("bang.xls", b"PK\x03\x04 khong phai xls"),
        ("ghi-chu.txt", b"MZ\x90\x00\x03\x00\x00\x00"),
    ],
)
def test_document_whose_content_does_not_match_its_type_is_refused(editor_client, name, content):
    response = add_document(editor_client, name, content)
    assert response.status_code == 200
    assert "Nội dung tệp không khớp với phần mở rộng" in form_errors(response)
    assert not Document.objects.exists()


def test_text_documents_in_utf8_or_utf16_are_accepted(editor_client):
    assert add_document(editor_client, "ds.csv", "Sở;Điểm\nY tế;9\n".encode()).status_code == 302
    utf16 = "Sở;Điểm\n".encode("utf-16")
    assert add_document(editor_client, "ds16.csv", utf16).status_code == 302


def stored_document(name, content):
    document = Document(title="Tài liệu")
    document.file = SimpleUploadedFile(name, content)
    document.save()
    return document


@pytest.mark.django_db
def test_documents_download_as_attachments_with_nosniff(admin_client):
    # An unused upload is served to editors only (tests/api/test_media_privacy.py); the same
    # headers go with every document served.
    document = stored_document("ghi-chu.txt", b"<script>alert(1)</script>")
    response = admin_client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.django_db
def test_pdf_opens_inline_in_the_browser_but_cannot_run_anything(admin_client):
    response = admin_client.get(stored_document("ke-hoach.pdf", b"%PDF-1.4 noi dung").url)
    assert response["Content-Disposition"].startswith("inline;")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    # Nothing runs; only the site's own pages may frame it (the legal documents' preview).
    assert response["Content-Security-Policy"] == "default-src 'none'; frame-ancestors 'self'"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.django_db
def test_demo_loader_applies_the_upload_rules(settings):
    from demo.ensure import ensure_image

    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000
    with pytest.raises(ValidationError, match="quá nhiều điểm ảnh"):
        ensure_image("Ảnh quá lớn", "Mô tả", seed=1, size=(100, 100))
    assert not get_image_model().objects.exists()


def test_importers_get_the_same_rules():
    with translation.override("vi"), pytest.raises(ValidationError, match="quá nhiều điểm ảnh"):
        checked_image_file(png_claiming(60_000, 60_000), "bom.png")
    with pytest.raises(ValidationError):
        checked_image_file(b'<svg xmlns="http://www.w3.org/2000/svg"/>', "logo.svg")
    assert checked_image_file(image_file().read(), "anh.png").name == "anh.png"


def test_multiple_upload_refuses_a_bomb_in_vietnamese(editor_client):
    bomb = SimpleUploadedFile("bom.png", png_claiming(60_000, 60_000))
    data = editor_client.post(reverse("wagtailimages:add_multiple"), {"files[]": bomb}).json()
    assert data["success"] is False
    assert "Tệp có quá nhiều điểm ảnh" in data["error_message"]
