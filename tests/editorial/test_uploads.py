"""Upload rules: formats, size, pixel count and a required description, in Vietnamese."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images import get_image_model


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
