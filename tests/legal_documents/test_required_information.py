"""The registry's answer to the "Thông tin bắt buộc" panel: are documents published, and is
the newest one recent?"""

from datetime import date, timedelta

import pytest
from django.test import RequestFactory
from django.urls import reverse
from freezegun import freeze_time

from legal_documents.wagtail_hooks import legal_documents_required_information

pytestmark = pytest.mark.django_db


def answer(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    (item,) = legal_documents_required_information(request)
    return item


def test_no_document_is_missing(legal_index, editor):
    item = answer(editor)
    assert (item.topic, item.present, item.published, item.complete) == (
        "legal_documents",
        False,
        False,
        False,
    )
    assert item.fix_url == reverse("legal_documents:index")
    assert item.detail == "Chưa nhập văn bản nào."


def test_only_an_unpublished_document_is_not_published(legal_document_factory, editor):
    legal_document_factory(publish_it=False)
    item = answer(editor)
    assert item.present and not item.published and not item.complete
    assert item.detail == "Chưa có văn bản nào được xuất bản."


@freeze_time("2024-06-01T03:00:00Z")
def test_recent_documents_are_complete_old_ones_stale(legal_document_factory, editor):
    legal_document_factory(issue_date=date(2024, 5, 20))
    legal_document_factory(issue_date=date(2023, 1, 5))
    legal_document_factory(issue_date=date(2024, 5, 30), publish_it=False)
    item = answer(editor)
    assert item.present and item.published and item.complete
    assert item.detail == "2 văn bản đã xuất bản, văn bản mới nhất ngày 20/05/2024."
    with freeze_time("2024-06-01T03:00:00Z") as frozen:
        frozen.tick(timedelta(days=120))
        stale = answer(editor)
        assert stale.published and not stale.up_to_date and not stale.complete


def test_queries_do_not_grow_with_the_documents(
    legal_document_factory, editor, django_assert_num_queries
):
    legal_document_factory()
    with django_assert_num_queries(2) as few:
        answer(editor)
    for _ in range(5):
        legal_document_factory()
    with django_assert_num_queries(len(few.captured_queries)):
        assert "6 văn bản" in answer(editor).detail


def test_the_panel_shows_it_to_an_editor(client, legal_document_factory, editor):
    legal_document_factory()
    client.force_login(editor)
    html = client.get("/admin/required-information/").content.decode()
    assert "1 văn bản đã xuất bản" in html
    assert f'href="{reverse("legal_documents:index")}"' in html
