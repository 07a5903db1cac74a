"""The public comment form of a draft, by HTTP as a reader: window, consent, spam, bad input."""

import re

import pytest
from django.test import Client, override_settings
from wagtail.models import PageViewRestriction

from legal_documents.consultation import SUBMISSIONS
from legal_documents.models import CommentStatus, ConsultationComment

from .consultation_helpers import form_data, make_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(legal_document_factory):
    return make_draft(legal_document_factory)


def form_url(page):
    return page.url + "gop-y/"


def text(response):
    return response.content.decode()


def test_the_form_asks_for_each_field_and_consent_and_is_never_cached(client, draft):
    response = client.get(form_url(draft))

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    html = text(response)
    assert 'name="csrfmiddlewaretoken"' in html
    for field in ("name", "organisation", "email", "article", "body", "show_identity"):
        assert f'name="{field}"' in html
    assert re.search(r'<input type="checkbox" name="consent" required', html)
    assert "Nghị định 13/2023/NĐ-CP" in html
    # The notice says what, why, how long and how to ask for deletion.
    assert "Thông tin thu thập" in html and "Thời gian lưu giữ" in html
    assert "xóa" in html
    # The honeypot: hidden from people and from assistive technology, out of the tab order.
    assert re.search(r'<div class="consultation-form__trap" hidden aria-hidden="true">', html)
    assert re.search(r'name="website"[^>]*tabindex="-1"', html)
    assert '<meta name="robots" content="noindex">' in html


def test_a_comment_is_received_pending_moderation_then_confirmed(client, draft):
    response = client.post(form_url(draft), form_data(show_identity="on"))

    assert response.status_code == 303
    assert response["Location"] == form_url(draft) + "?sent=1"
    assert response["Cache-Control"] == "private, no-store"
    comment = ConsultationComment.objects.get()
    assert (comment.document, comment.status) == (draft, CommentStatus.PENDING)
    assert comment.name == "Nguyễn Văn Cường"
    assert comment.email == "cuong.nguyen@example.vn"
    assert comment.show_identity and comment.consented_at is not None

    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert "sẽ được hiển thị" in text(confirmation) and "sau khi được kiểm duyệt" in text(
        confirmation
    )
    assert "<form" not in text(confirmation).split('id="main"')[1]


def test_the_form_is_csrf_protected(draft):
    client = Client(enforce_csrf_checks=True)

    response = client.post(form_url(draft), form_data())

    assert response.status_code == 403
    assert not ConsultationComment.objects.exists()


@pytest.mark.parametrize(
    ("opens_in", "closes_in", "status", "message"),
    [
        (-10, -1, 410, "Đã hết thời gian lấy ý kiến"),
        (2, 9, 403, "Chưa đến thời gian lấy ý kiến"),
    ],
)
def test_outside_its_window_the_form_is_refused_with_a_message(
    client, legal_document_factory, opens_in, closes_in, status, message
):
    draft = make_draft(legal_document_factory, opens_in=opens_in, closes_in=closes_in)

    shown = client.get(form_url(draft))
    sent = client.post(form_url(draft), form_data(body="Ý kiến gửi muộn"))

    for response in (shown, sent):
        assert response.status_code == status
        assert message in text(response)
        assert 'name="consent"' not in text(response)
        assert response["Cache-Control"] == "private, no-store"
    # Nothing is saved, and what was typed is shown back to be kept.
    assert not ConsultationComment.objects.exists()
    assert "Ý kiến gửi muộn" in text(sent)


def test_the_form_of_a_document_other_than_a_draft_is_not_found(client, legal_document_factory):
    document = legal_document_factory()

    assert client.get(form_url(document)).status_code == 404
    assert client.post(form_url(document), form_data()).status_code == 404


def test_an_unpublished_draft_has_no_form(client, legal_document_factory):
    draft = make_draft(legal_document_factory, publish_it=False)
    url = draft.get_parent().url + draft.slug + "/gop-y/"

    assert client.get(url).status_code == 404
    assert client.post(url, form_data()).status_code == 404
    assert not ConsultationComment.objects.exists()


def test_a_private_draft_keeps_its_restriction(client, draft):
    PageViewRestriction.objects.create(page=draft, restriction_type=PageViewRestriction.LOGIN)

    shown = client.get(form_url(draft))
    sent = client.post(form_url(draft), form_data())

    for response in (shown, sent):
        assert response.status_code == 302
        assert "login" in response["Location"]
    assert not ConsultationComment.objects.exists()


def test_the_honeypot_keeps_nothing_and_tells_nothing(client, draft):
    response = client.post(form_url(draft), form_data(website="http://spam.example"))

    assert response.status_code == 303
    assert not ConsultationComment.objects.exists()


@override_settings(RATE_LIMIT_ENABLED=True)
def test_a_client_may_send_only_so_many_comments(client, draft):
    for n in range(SUBMISSIONS):
        assert client.post(form_url(draft), form_data(body=f"Ý kiến {n}")).status_code == 303

    refused = client.post(form_url(draft), form_data(body="Ý kiến thêm"))

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "Quá nhiều ý kiến" in text(refused)
    assert "Ý kiến thêm" in text(refused)  # shown back, not lost
    assert ConsultationComment.objects.count() == SUBMISSIONS
    # Another client is not refused.
    other = client.post(form_url(draft), form_data(), REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 303


def test_a_comment_of_one_megabyte_is_a_form_error_and_loses_nothing(client, draft):
    body = "Ý kiến rất dài. " * (1024 * 1024 // 16)

    response = client.post(form_url(draft), form_data(body=body))

    assert response.status_code == 400
    assert "vượt quá mức tối đa 5000 ký tự" in text(response)
    assert body[:5000] in text(response)
    assert not ConsultationComment.objects.exists()


@pytest.mark.parametrize("field", ["name", "organisation", "article", "body"])
@pytest.mark.parametrize("character", ["\x00", "\x01", "\x0b", "\x7f"])
def test_control_characters_are_refused_in_vietnamese(client, draft, field, character):
    response = client.post(form_url(draft), form_data(**{field: f"Nội{character}dung"}))

    assert response.status_code == 400
    assert "ký tự điều khiển" in text(response)
    assert not ConsultationComment.objects.exists()


def test_fields_too_long_are_refused(client, draft):
    response = client.post(
        form_url(draft), form_data(name="N" * 121, organisation="T" * 201, article="Đ" * 121)
    )

    assert response.status_code == 400
    assert text(response).count("Giá trị này chỉ có tối đa") == 3
    assert not ConsultationComment.objects.exists()


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("consent", "Ý kiến chỉ được tiếp nhận khi bạn đồng ý"),
        ("name", "Trường này là bắt buộc"),
        ("email", "Trường này là bắt buộc"),
        ("body", "Trường này là bắt buộc"),
    ],
)
def test_consent_and_the_required_fields_are_asked_for(client, draft, missing, message):
    response = client.post(form_url(draft), form_data(**{missing: None}))

    assert response.status_code == 400
    assert message in text(response)
    assert not ConsultationComment.objects.exists()


def test_a_bad_email_address_is_a_form_error(client, draft):
    response = client.post(form_url(draft), form_data(email="khong-phai-email"))

    assert response.status_code == 400
    assert not ConsultationComment.objects.exists()


def test_other_methods_are_not_allowed(client, draft):
    assert client.put(form_url(draft)).status_code == 405


def test_a_post_beyond_the_upload_limit_is_a_400_and_keeps_nothing(client, draft, settings):
    body = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)

    response = client.post(form_url(draft), form_data(body=body))

    assert response.status_code == 400
    assert not ConsultationComment.objects.exists()


def test_the_api_serves_no_comment_and_no_email(client, draft):
    ConsultationComment.objects.create(
        document=draft,
        name="Phạm Thị Hoa",
        email="hoa.pham@example.vn",
        body="Ý kiến đã duyệt",
        status=CommentStatus.APPROVED,
        consented_at=draft.comments_open_at,
    )

    for url in (f"/api/v2/pages/{draft.pk}/?fields=*", "/api/v2/pages/?fields=*&limit=50"):
        response = client.get(url)
        assert response.status_code == 200
        content = response.content.decode()
        assert "hoa.pham@example.vn" not in content and "Phạm Thị Hoa" not in content
