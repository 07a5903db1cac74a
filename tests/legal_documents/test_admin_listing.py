"""The admin's flat listing of documents, as each role sees it."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
LISTING = "legal_documents:index"


def test_editors_find_documents_by_type_including_unpublished_ones(
    client, editor, legal_document_factory, dispatch_type
):
    decision = legal_document_factory(title="Quyết định về thi đua")
    draft = legal_document_factory(title="Quyết định chưa đăng", publish_it=False)
    legal_document_factory(title="Công văn về học phí", document_type=dispatch_type)
    client.force_login(editor)
    response = client.get(reverse(LISTING), {"document_type": decision.document_type_id})
    assert response.status_code == 200
    html = response.content.decode()
    assert decision.title in html and draft.title in html
    assert "Công văn về học phí" not in html
    assert decision.number in html


def test_the_listing_exports_to_a_spreadsheet(client, moderator, legal_document_factory):
    document = legal_document_factory()
    client.force_login(moderator)
    response = client.get(reverse(LISTING), {"export": "csv"})
    assert response.status_code == 200
    assert document.number in b"".join(response.streaming_content).decode()


def test_readers_without_admin_access_are_sent_to_sign_in(client, legal_document_factory):
    legal_document_factory()
    response = client.get(reverse(LISTING))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
