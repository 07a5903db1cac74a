"""The consultation section on a draft's page: window, count, approved comments only, what
of the commenter shows; its queries; the page's cache and purges."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from legal_documents.models import CommentStatus, LegalDocumentPage

from .consultation_helpers import RecordingBackend, make_comment, make_draft, page_template

pytestmark = pytest.mark.django_db

ROOT = "http://testserver"


@pytest.fixture(autouse=True)
def _page_template(monkeypatch):
    monkeypatch.setattr(LegalDocumentPage, "get_template", page_template)


@pytest.fixture
def draft(legal_document_factory):
    return make_draft(legal_document_factory)


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "tests.legal_documents.consultation_helpers.RecordingBackend"}
    }
    RecordingBackend.purged = []
    yield RecordingBackend.purged
    RecordingBackend.purged = []


def section(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index('<section class="consultation"') :].split("</section>")[0]


def test_an_open_draft_links_to_its_form_and_counts_what_it_received(client, draft):
    make_comment(draft)
    make_comment(draft, status=CommentStatus.APPROVED)
    make_comment(draft, status=CommentStatus.REJECTED)

    html = section(client, draft)

    assert "Đang lấy ý kiến" in html
    assert f'href="{draft.url}gop-y/"' in html
    assert "Số ý kiến đã nhận</dt><dd>2</dd>" in html  # the rejected one is not counted


def test_only_approved_comments_show_and_identity_only_when_agreed(client, draft):
    make_comment(draft, body="Ý kiến đang chờ duyệt", name="Người Chờ Duyệt")
    make_comment(draft, status=CommentStatus.REJECTED, body="Quảng cáo rác")
    make_comment(
        draft,
        status=CommentStatus.APPROVED,
        body="Ý kiến ẩn danh đã duyệt",
        name="Người Ẩn Danh",
        organisation="Cơ quan Ẩn",
        email="an.danh@example.vn",
        article="Điều 7",
    )
    make_comment(
        draft,
        status=CommentStatus.APPROVED,
        body="Ý kiến công khai đã duyệt",
        name="Lê Văn Dũng",
        organisation="Sở Tư pháp",
        email="dung.le@example.vn",
        show_identity=True,
    )

    response = client.get(draft.url)
    html = response.content.decode()

    assert "Ý kiến ẩn danh đã duyệt" in html and "Ý kiến công khai đã duyệt" in html
    assert "Góp ý cho: Điều 7" in html
    assert "Lê Văn Dũng (Sở Tư pháp)" in html
    assert "Một bạn đọc" in html
    for hidden in ("Ý kiến đang chờ duyệt", "Người Chờ Duyệt", "Quảng cáo rác"):
        assert hidden not in html
    for private in ("Người Ẩn Danh", "Cơ quan Ẩn", "@example.vn"):
        assert private not in html


@pytest.mark.parametrize(
    ("opens_in", "closes_in", "wording"),
    [(-10, -1, "Đã hết thời gian lấy ý kiến"), (2, 9, "Có thể gửi ý kiến từ")],
)
def test_outside_the_window_no_link_to_the_form_but_the_count_stays(
    client, legal_document_factory, opens_in, closes_in, wording
):
    draft = make_draft(legal_document_factory, opens_in=opens_in, closes_in=closes_in)
    make_comment(draft, status=CommentStatus.APPROVED, body="Ý kiến trước khi đóng")

    html = section(client, draft)

    assert wording in html
    assert "gop-y/" not in html
    assert "Số ý kiến đã nhận</dt><dd>1</dd>" in html


def render_section(page):
    request = RequestFactory().get(page.url)
    with CaptureQueriesContext(connection) as queries:
        html = render_to_string(
            "legal_documents/includes/consultation.html", {"page": page, "request": request}
        )
    return html, len(queries)


def test_the_section_costs_the_same_queries_whatever_the_number_of_comments(draft):
    make_comment(draft, status=CommentStatus.APPROVED, show_identity=True)
    render_section(draft)  # warms the site's root paths
    _html, few = render_section(draft)
    for n in range(30):
        make_comment(draft, status=CommentStatus.APPROVED, show_identity=n % 2, body=f"Ý {n}")
        make_comment(draft)

    html, many = render_section(draft)

    assert html.count('class="consultation__comment"') == 31
    assert many == few <= 3


def test_a_draft_about_to_close_is_never_cached_one_far_from_it_is(
    client, legal_document_factory, settings
):
    closing = make_draft(legal_document_factory, closes_in=settings.HTTP_CACHE_S_MAXAGE / 86400 / 2)
    lasting = make_draft(legal_document_factory, closes_in=30)

    assert client.get(closing.url)["Cache-Control"] == "private, no-store"
    assert "public" in client.get(lasting.url)["Cache-Control"]


def test_receiving_moderating_and_deleting_comments_purge_the_draft(
    draft, purged, django_capture_on_commit_callbacks
):
    url = ROOT + draft.url
    with django_capture_on_commit_callbacks(execute=True):
        comment = make_comment(draft)
    assert url in purged

    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        comment.moderate(CommentStatus.APPROVED, None)
    assert url in purged

    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        comment.delete()
    assert url in purged


def test_a_draft_and_its_translation_are_one_consultation(draft, locale_en):
    english = draft.copy_for_translation(locale_en, copy_parents=True)
    english.save_revision().publish()
    english.refresh_from_db()
    make_comment(draft, status=CommentStatus.APPROVED, body="Ý kiến tiếng Việt")
    make_comment(english, status=CommentStatus.APPROVED, body="A comment in English")

    html, _queries = render_section(english)

    assert "Ý kiến tiếng Việt" in html and "A comment in English" in html
    assert "<dd>2</dd>" in html
