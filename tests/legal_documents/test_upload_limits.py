"""Document uploads: the size limit and the types, refused in Vietnamese, never with a 500,
and never at the cost of a document already saved."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.urls import reverse
from django.utils.module_loading import import_string
from wagtail.documents import get_document_model

from legal_documents.models import AttachmentText

from .files import text_pdf

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 100_000


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_user(username="bientapvien", password="x" * 16)
    editor.groups.add(Group.objects.get(name="Biên tập viên"))
    client.force_login(editor)
    return client


@pytest.fixture
def low_limit(settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = LIMIT


def just_over(name="qua-lon.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n" + b"0" * LIMIT)


def form_errors(response):
    return " ".join(str(e) for errors in response.context["form"].errors.values() for e in errors)


def test_a_document_over_the_limit_is_refused_naming_the_limit(editor_client, low_limit):
    response = editor_client.post(
        reverse("wagtaildocs:add"), {"title": "Quá lớn", "file": just_over(), "tags": ""}
    )
    assert response.status_code == 200
    assert "Tệp quá lớn" in form_errors(response)
    assert "97,7\xa0KB" in form_errors(response)
    assert not get_document_model().objects.exists()


def test_replacing_a_file_with_one_too_large_keeps_the_saved_one(
    editor_client, low_limit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Quy chế",
                "file": SimpleUploadedFile("a.pdf", text_pdf("Ban goc")),
                "tags": "",
            },
        )
    document = get_document_model().objects.get()
    before = document.file.name
    response = editor_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Quy chế", "file": just_over(), "tags": ""},
    )
    assert response.status_code == 200
    assert "Tệp quá lớn" in form_errors(response)
    document.refresh_from_db()
    assert document.file.name == before and document.file.storage.exists(before)
    assert "Ban goc" in AttachmentText.objects.get(document=document).text


def test_the_multiple_uploader_answers_a_json_error(editor_client, low_limit):
    response = editor_client.post(reverse("wagtaildocs:add_multiple"), {"files[]": just_over()})
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "Tệp quá lớn" in response.json()["error_message"]
    assert not get_document_model().objects.exists()


def test_the_chooser_upload_shows_the_error_again(editor_client, low_limit):
    response = editor_client.post(
        reverse("wagtaildocs_chooser:create"),
        {"document-chooser-upload-title": "Quá lớn", "document-chooser-upload-file": just_over()},
    )
    assert response.status_code == 200
    assert response.json()["step"] == "reshow_creation_form"
    assert "Tệp quá lớn" in response.json()["htmlFragment"]


@pytest.mark.parametrize("name", ["trang.html", "cai-dat.exe", "anh.svg", "khong-duoi"])
def test_other_types_are_refused_in_vietnamese(editor_client, name):
    file = SimpleUploadedFile(name, b"<html></html>")
    response = editor_client.post(reverse("wagtaildocs:add_multiple"), {"files[]": file})
    assert response.status_code == 200
    assert "Không cho phép phần mở rộng tệp" in response.json()["error_message"]


def test_a_file_name_too_long_for_a_title_is_no_server_error(editor_client):
    file = SimpleUploadedFile("v" * 300 + ".pdf", text_pdf("Ten dai"))
    response = editor_client.post(reverse("wagtaildocs:add_multiple"), {"files[]": file})
    assert response.status_code == 200


def test_a_large_upload_streams_to_disk_and_gets_a_form_error(editor_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 2 * 1024 * 1024
    big = SimpleUploadedFile("lon.pdf", b"%PDF-1.4\n" + b"0" * 3 * 1024 * 1024)
    response = editor_client.post(
        reverse("wagtaildocs:add"), {"title": "Lớn", "file": big, "tags": ""}
    )
    assert response.status_code == 200
    assert isinstance(response.context["form"].files["file"], TemporaryUploadedFile)
    assert "Tệp quá lớn" in form_errors(response)


def test_large_uploads_stream_to_disk():
    assert django_settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 2_621_440
    handlers = [import_string(path) for path in django_settings.FILE_UPLOAD_HANDLERS]
    assert TemporaryFileUploadHandler in handlers


def settings_value(name, **environment):
    code = f"from portal.settings import base; print(base.{name})"
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'site'}:{ROOT}", **environment}
    output = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return output.stdout.strip()


def test_the_limit_comes_from_the_environment_and_nginx_lets_it_through():
    default = int(settings_value("WAGTAILDOCS_MAX_UPLOAD_SIZE", DOCUMENT_MAX_UPLOAD_MB=""))
    assert default == 50 * 1024 * 1024
    assert settings_value("WAGTAILDOCS_MAX_UPLOAD_SIZE", DOCUMENT_MAX_UPLOAD_MB="8") == str(
        8 * 1024 * 1024
    )
    nginx = (ROOT / "deploy/nginx/portal.conf").read_text()
    body_mb = int(re.search(r"client_max_body_size (\d+)m;", nginx).group(1))
    # Room for the form around the file, so that Django, not nginx, answers a file just over.
    assert default < body_mb * 1024 * 1024 <= default + 10 * 1024 * 1024
