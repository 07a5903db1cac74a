"""The document model: numbers, validation and the status derived from dates and relations."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from legal_documents.models import LegalDocumentPage
from legal_documents.numbers import looks_like_number, number_key, number_match_q
from legal_documents.status import RelationKind, Status, status_expression

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "typed", ["15/2024/QĐ-UBND", "15/2024/qd-ubnd", "15 2024 QD UBND", " 15/2024/Qđ-Ubnd "]
)
def test_every_way_of_typing_a_number_gives_one_key(typed):
    assert number_key(typed) == "15 2024 qd ubnd"


def test_a_query_is_a_number_when_it_starts_with_digits_and_another_part():
    assert looks_like_number("15/2024")
    assert looks_like_number("15 2024")
    assert looks_like_number("123/UBND-VX")
    assert not looks_like_number("2024")
    assert not looks_like_number("quy chế 2024")


def test_a_number_prefix_matches_part_by_part(legal_document_factory):
    wanted = legal_document_factory(number="15/2024/QĐ-UBND")
    legal_document_factory(number="152/2024/QĐ-UBND", slug="other")
    found = LegalDocumentPage.objects.filter(number_match_q("15 2024"))
    assert list(found) == [wanted]


def test_a_duplicate_number_of_the_same_issuer_is_refused_in_vietnamese(
    legal_document_factory, settings
):
    legal_document_factory(number="15/2024/QĐ-UBND")
    with translation.override("vi"):
        with pytest.raises(ValidationError) as error:
            legal_document_factory(number="15/2024/qd-ubnd", publish_it=False)
        assert "Cơ quan ban hành này đã có văn bản mang số ký hiệu này." in error.value.messages


def test_malformed_numbers_and_dates_out_of_order_are_refused(legal_document_factory):
    document = legal_document_factory(publish_it=False)
    document.number = "số mười lăm"
    document.effective_date = document.issue_date - timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert set(error.value.message_dict) >= {"number", "effective_date"}


@pytest.mark.parametrize("every_row", [False, True], ids=["per document", "every row"])
def test_status_follows_dates_and_relations(legal_document_factory, every_row):
    today = timezone.localdate()
    later = legal_document_factory(effective_date=today + timedelta(days=10))
    old = legal_document_factory(issue_date=date(2020, 1, 1))
    partial = legal_document_factory(issue_date=date(2021, 1, 1))
    lapsed = legal_document_factory(issue_date=date(2019, 1, 1), expiry_date=date(2020, 1, 1))
    draft = legal_document_factory(is_draft=True, number="", issue_date=None)
    legal_document_factory(
        relations=[(RelationKind.REPLACES, old), (RelationKind.PARTIALLY_REPEALS, partial)]
    )
    expected = {
        later.pk: Status.NOT_YET_IN_FORCE,
        old.pk: Status.EXPIRED,
        partial.pk: Status.PARTIALLY_EXPIRED,
        lapsed.pk: Status.EXPIRED,
        draft.pk: Status.DRAFT,
    }
    computed = dict(
        LegalDocumentPage.objects.annotate(
            computed=status_expression(every_row=every_row)
        ).values_list("pk", "computed")
    )
    for pk, status in expected.items():
        assert computed[pk] == status
        assert LegalDocumentPage.objects.get(pk=pk).status == status


@pytest.mark.parametrize("every_row", [False, True], ids=["per document", "every row"])
def test_a_replacement_not_in_force_changes_no_status(legal_document_factory, every_row):
    old = legal_document_factory()
    legal_document_factory(publish_it=False, relations=[(RelationKind.REPLACES, old)])
    legal_document_factory(
        effective_date=timezone.localdate() + timedelta(days=5),
        relations=[(RelationKind.REPEALS, old)],
    )
    assert LegalDocumentPage.objects.get(pk=old.pk).status == Status.IN_FORCE
    computed = LegalDocumentPage.objects.annotate(computed=status_expression(every_row=every_row))
    assert computed.get(pk=old.pk).computed == Status.IN_FORCE


@pytest.mark.parametrize("every_row", [False, True], ids=["per document", "every row"])
def test_a_relation_acts_on_every_language_version_of_its_target(
    home, legal_index, legal_document_factory, locale_en, every_row
):
    for parent in (home, legal_index):
        parent.copy_for_translation(locale_en).save_revision().publish()
    old = legal_document_factory()
    english = old.copy_for_translation(locale_en)
    english.save_revision().publish()
    legal_document_factory(relations=[(RelationKind.REPLACES, old)])
    assert LegalDocumentPage.objects.get(pk=english.pk).status == Status.EXPIRED
    computed = LegalDocumentPage.objects.annotate(computed=status_expression(every_row=every_row))
    assert computed.get(pk=english.pk).computed == Status.EXPIRED
