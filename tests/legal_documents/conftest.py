"""Fixtures of the registry: an index page, reference data and a document factory."""

from datetime import date

import pytest
from wagtail.documents import get_document_model

from legal_documents.models import (
    DocumentType,
    LegalDocumentAttachment,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalDocumentRelation,
    SubjectArea,
)
from snippets.models import Agency, Person


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def legal_index(home):
    index = home.add_child(instance=LegalDocumentIndexPage(title="Văn bản", slug="van-ban"))
    return publish(index)


@pytest.fixture
def decision_type(locale_vi):
    return DocumentType.objects.create(
        name="Quyết định", slug="quyet-dinh", is_legislation=True, sort_order=40
    )


@pytest.fixture
def dispatch_type(locale_vi):
    return DocumentType.objects.create(name="Công văn", slug="cong-van", sort_order=70)


@pytest.fixture
def education_area(locale_vi):
    return SubjectArea.objects.create(name="Giáo dục", slug="giao-duc")


@pytest.fixture
def city_committee(locale_vi):
    return Agency.objects.create(name="Ủy ban nhân dân Thành phố", slug="ubnd-thanh-pho", live=True)


@pytest.fixture
def signer(locale_vi):
    return Person.objects.create(name="Nguyễn Văn An", slug="nguyen-van-an", live=True)


@pytest.fixture
def legal_document_factory(legal_index, decision_type, city_committee):
    """make(number="15/2024/QĐ-UBND", publish_it=True, attachments=[document], **fields)"""
    counter = {"n": 0}

    def make(publish_it=True, attachments=(), relations=(), parent=None, **fields):
        counter["n"] += 1
        n = counter["n"]
        defaults = {
            "title": f"Quyết định số {n}/2024/QĐ-UBND",
            "slug": f"quyet-dinh-{n}-2024",
            "number": f"{n}/2024/QĐ-UBND",
            "document_type": decision_type,
            "issuer": city_committee,
            "issue_date": date(2024, 1, 1),
            "abstract": f"Ban hành quy chế số {n}",
        }
        defaults.update(fields)
        page = LegalDocumentPage(live=publish_it, **defaults)
        for document in attachments:
            page.attachments.add(LegalDocumentAttachment(document=document))
        for kind, target in relations:
            page.relations.add(LegalDocumentRelation(kind=kind, target=target))
        (parent or legal_index).add_child(instance=page)
        if publish_it:
            return publish(page)
        page.save_revision()
        return page

    return make


@pytest.fixture
def attachment_factory(db):
    """make(name="van-ban.pdf", content=b"...", title="...") -> a Wagtail document."""
    from django.core.files.base import ContentFile

    def make(name="van-ban.pdf", content=b"%PDF-1.4\n", title=None):
        return get_document_model().objects.create(
            title=title or name, file=ContentFile(content, name=name)
        )

    return make
