"""Moderating comments in the admin, by HTTP as each role: the full flow from a reader's
comment to its publication, exports, deletion on request, and who may do what."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from legal_documents.models import CommentStatus, ConsultationComment, LegalDocumentPage
from tests.roles import MODERATORS, member_of

from .consultation_helpers import (
    RecordingBackend,
    form_data,
    make_comment,
    make_draft,
    page_template,
)

pytestmark = pytest.mark.django_db


def admin_url(view, *args):
    return reverse(f"consultation_comments:{view}", args=args)


@pytest.fixture
def draft(legal_document_factory):
    return make_draft(legal_document_factory)


def signed_in(client, user):
    client.force_login(user)
    return client


def test_a_reader_comments_a_moderator_approves_and_the_comment_shows(
    client, django_user_model, draft, monkeypatch
):
    monkeypatch.setattr(LegalDocumentPage, "get_template", page_template)
    body = "Đề nghị bổ sung quy định về học bổng cho học sinh khó khăn."
    assert client.post(draft.url + "gop-y/", form_data(body=body)).status_code == 303
    assert body not in client.get(draft.url).content.decode()

    moderator = member_of(django_user_model, MODERATORS, "kiemduyetvien")
    comment = ConsultationComment.objects.get()
    moderation = signed_in(client, moderator)
    screen = moderation.get(admin_url("edit", comment.pk))
    assert screen.status_code == 200
    assert body in screen.content.decode()
    response = moderation.post(admin_url("edit", comment.pk), {"status": "approved"})
    assert response.status_code == 302

    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED
    assert comment.moderated_by == moderator and comment.moderated_at is not None
    moderation.logout()
    html = client.get(draft.url).content.decode()
    assert body in html
    assert "cuong.nguyen@example.vn" not in html and "Nguyễn Văn Cường" not in html


def test_a_moderator_rejects_a_comment(client, moderator, draft):
    comment = make_comment(draft, status=CommentStatus.APPROVED)

    signed_in(client, moderator).post(admin_url("edit", comment.pk), {"status": "rejected"})

    comment.refresh_from_db()
    assert comment.status == CommentStatus.REJECTED
    assert comment.moderated_by == moderator


def test_the_list_filters_by_draft_status_and_date_and_searches_by_email(
    client, editor, draft, legal_document_factory
):
    other = make_draft(legal_document_factory, title="Dự thảo khác")
    make_comment(draft, body="Ý kiến A", email="a@example.vn")
    make_comment(draft, body="Ý kiến B", status=CommentStatus.APPROVED)
    make_comment(other, body="Ý kiến C")
    signed_in(client, editor)

    def listed(**params):
        html = client.get(admin_url("index"), params).content.decode()
        return {body for body in ("Ý kiến A", "Ý kiến B", "Ý kiến C") if body in html}

    assert listed() == {"Ý kiến A", "Ý kiến B", "Ý kiến C"}
    assert listed(document=draft.pk) == {"Ý kiến A", "Ý kiến B"}
    assert listed(status="approved") == {"Ý kiến B"}
    assert listed(q="a@example.vn") == {"Ý kiến A"}
    assert listed(created_at_from="2000-01-01", created_at_to="2000-12-31") == set()


def test_the_drafting_unit_exports_a_drafts_comments_as_xlsx_and_csv(
    client, editor, draft, legal_document_factory
):
    make_comment(draft, body='=HYPERLINK("http://x")', show_identity=True)
    make_comment(draft, body="Ý kiến thứ hai", status=CommentStatus.APPROVED)
    make_comment(make_draft(legal_document_factory, title="Dự thảo khác"), body="Khác")
    signed_in(client, editor)
    params = {"document": draft.pk}

    xlsx = client.get(admin_url("index"), {**params, "export": "xlsx"})
    assert xlsx.status_code == 200
    assert f"gop-y-{draft.slug}-" in xlsx["Content-Disposition"]
    rows = list(load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active.values)
    header, *data = rows
    assert "Thư điện tử" in header[5] and "góp ý" in header[7]
    assert sorted(row[7] for row in data) == ['\'=HYPERLINK("http://x")', "Ý kiến thứ hai"]
    assert {row[5] for row in data} == {"binh.tran@example.vn"}
    assert {row[0] for row in data} == {draft.title}

    exported = client.get(admin_url("index"), {**params, "export": "csv"})
    assert exported.status_code == 200
    content = b"".join(exported.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content.removeprefix("\ufeff"))))
    assert len(rows) == 3
    assert {row[7] for row in rows[1:]} == {'\'=HYPERLINK("http://x")', "Ý kiến thứ hai"}
    assert "Khác" not in content


def test_a_moderator_deletes_a_comment_on_its_authors_request(client, moderator, draft):
    comment = make_comment(draft, email="xin.xoa@example.vn", body="Ý kiến cần xóa")
    kept = make_comment(draft)
    signed_in(client, moderator)

    found = client.get(admin_url("index"), {"q": "xin.xoa@example.vn"}).content.decode()
    assert admin_url("delete", comment.pk) in found
    assert client.get(admin_url("delete", comment.pk)).status_code == 200
    assert client.post(admin_url("delete", comment.pk)).status_code == 302

    assert list(ConsultationComment.objects.all()) == [kept]
    # Nothing personal is kept in the admin's history of the deletion.
    history = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "xin.xoa@example.vn" not in history and "Trần Thị Bình" not in history


def refused(response):
    """Wagtail's refusal: 403 to scripts, a redirect to the dashboard with a message else."""
    if response.status_code == 302:
        return response["Location"] == reverse("wagtailadmin_home")
    return response.status_code == 403


def test_editors_read_and_export_but_cannot_moderate_or_delete(client, editor, draft):
    comment = make_comment(draft)
    signed_in(client, editor)
    script = {"headers": {"X-Requested-With": "XMLHttpRequest"}}

    assert client.get(admin_url("index")).status_code == 200
    assert client.get(admin_url("inspect", comment.pk)).status_code == 200
    for view in ("edit", "delete"):
        assert refused(client.get(admin_url(view, comment.pk)))
        assert client.get(admin_url(view, comment.pk), **script).status_code == 403
    approve = {"status": "approved"}
    assert refused(client.post(admin_url("edit", comment.pk), approve))
    assert client.post(admin_url("edit", comment.pk), approve, **script).status_code == 403
    assert refused(client.post(admin_url("delete", comment.pk)))
    assert client.post(admin_url("delete", comment.pk), **script).status_code == 403

    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING
    index = client.get(admin_url("index")).content.decode()
    assert admin_url("edit", comment.pk) not in index
    assert admin_url("delete", comment.pk) not in index


@pytest.mark.parametrize("role", ["moderator", "administrator"])
def test_moderators_and_administrators_may_moderate_and_delete(client, request, role, draft):
    comment = make_comment(draft)
    signed_in(client, request.getfixturevalue(role))

    assert client.get(admin_url("edit", comment.pk)).status_code == 200
    assert client.post(admin_url("edit", comment.pk), {"status": "approved"}).status_code == 302
    assert client.post(admin_url("delete", comment.pk)).status_code == 302
    assert not ConsultationComment.objects.exists()


def test_anonymous_users_reach_no_comment(client, draft):
    comment = make_comment(draft)

    for url in (
        admin_url("index"),
        admin_url("index") + "?export=csv",
        admin_url("inspect", comment.pk),
        admin_url("edit", comment.pk),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert "login" in response["Location"]
    assert client.post(admin_url("delete", comment.pk)).status_code == 302
    assert ConsultationComment.objects.filter(pk=comment.pk).exists()


def test_nobody_adds_a_comment_in_the_admin(client, administrator, admin_user, draft):
    make_comment(draft)
    for user in (administrator, admin_user):
        signed_in(client, user)
        html = client.get(admin_url("index")).content.decode()
        assert "/legal-documents/comments/new/" not in html
        assert "/legal-documents/comments/copy/" not in html


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_the_menu_shows_the_comments_under_legal_documents(client, request, role):
    signed_in(client, request.getfixturevalue(role))

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert admin_url("index") in html


def test_the_list_costs_the_same_queries_whatever_the_number_of_comments(client, moderator, draft):
    signed_in(client, moderator)
    make_comment(draft)
    client.get(admin_url("index"))
    with CaptureQueriesContext(connection) as few:
        client.get(admin_url("index"))
    for _n in range(30):
        make_comment(draft, status=CommentStatus.APPROVED)

    with CaptureQueriesContext(connection) as many:
        assert client.get(admin_url("index")).status_code == 200

    assert len(many) == len(few)


def test_moderating_in_the_admin_purges_the_drafts_page(
    client, moderator, draft, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "tests.legal_documents.consultation_helpers.RecordingBackend"}
    }
    RecordingBackend.purged = []
    comment = make_comment(draft)
    signed_in(client, moderator)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(admin_url("edit", comment.pk), {"status": "approved"})
    assert "http://testserver" + draft.url in RecordingBackend.purged

    RecordingBackend.purged = []
    with django_capture_on_commit_callbacks(execute=True):
        client.post(admin_url("delete", comment.pk))
    assert "http://testserver" + draft.url in RecordingBackend.purged
