"""The demo's Văn bản section (demo.legal) and the load generator's legal documents
(demo.legal_load): loaded once, every status, readable files, served in both languages."""

import io
import random
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document as DocxDocument
from pypdf import PdfReader
from wagtail.models import Locale, Page

from demo import legal_load
from demo.legal import LegalDemo
from demo.legal_load import LegalLoad
from legal_documents.models import (
    CommentStatus,
    ConsultationComment,
    DocumentType,
    ExtractionOutcome,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalDocumentRelation,
    SubjectArea,
)
from legal_documents.numbers import number_validator
from legal_documents.status import RelationKind, Status, status_expression
from snippets.models import Person


@pytest.fixture
def legal_demo(demo_content_en):
    legal = LegalDemo(demo_content_en).load()
    legal.load_english()
    return legal


def registry_counts():
    return {
        "pages": LegalDocumentPage.objects.count(),
        "live": LegalDocumentPage.objects.live().count(),
        "indexes": LegalDocumentIndexPage.objects.count(),
        "types": DocumentType.objects.count(),
        "areas": SubjectArea.objects.count(),
        "people": Person.objects.count(),
        "relations": LegalDocumentRelation.objects.count(),
        "comments": ConsultationComment.objects.count(),
    }


@pytest.mark.django_db
def test_loading_twice_makes_the_registry_once_in_every_status(legal_demo):
    before = registry_counts()
    again = LegalDemo(legal_demo.demo).load()
    again.load_english()
    assert registry_counts() == before
    vietnamese = LegalDocumentPage.objects.filter(locale__language_code="vi")
    assert vietnamese.filter(is_draft=False).count() == 30
    assert vietnamese.filter(is_draft=True).count() == 2
    assert LegalDocumentPage.objects.filter(locale__language_code="en").count() == 4
    assert before["indexes"] == 2 and before["types"] == 20 and before["areas"] == 20
    # Realistic numbers, signers with their title, each from one of the two issuers.
    for page in vietnamese.filter(is_draft=False):
        number_validator(page.number)
        assert page.signer_id and page.signer_title and page.abstract
    assert set(vietnamese.values_list("issuer__slug", flat=True)) == {"ubnd-thanh-pho", "so-khcn"}
    # The section is in the menu, between the announcements and the emulation blocs.
    sections = [page.slug for page in legal_demo.demo.home.get_children().in_menu()]
    assert sections == ["tin-tuc-su-kien", "thong-bao", "van-ban", "khoi-thi-dua"]

    # Every status, the drafts' included; a document's English version has its status too.
    statuses = Counter(
        LegalDocumentPage.objects.filter(locale__language_code="vi")
        .annotate(status_now=status_expression())
        .values_list("status_now", flat=True)
    )
    assert set(statuses) == set(Status.values)
    assert statuses[Status.DRAFT] == 2
    partial = legal_demo.pages["quyet-dinh-21-2022-qd-ubnd"]
    assert partial.status == Status.PARTIALLY_EXPIRED
    english = partial.get_translation(Locale.objects.get(language_code="en"))
    assert english.status == Status.PARTIALLY_EXPIRED

    open_draft = legal_demo.pages["du-thao-chinh-sach-ho-tro-khoi-nghiep-doi-moi-sang-tao"]
    assert open_draft.comments_open_at < legal_demo.now < open_draft.comments_close_at
    comments = open_draft.consultation_comments.all()
    assert {(c.status, c.show_identity) for c in comments} == {
        (CommentStatus.APPROVED, True),
        (CommentStatus.APPROVED, False),
        (CommentStatus.PENDING, True),
    }
    closed = legal_demo.pages["du-thao-quy-che-quan-ly-nhiem-vu-cap-co-so"]
    assert closed.comments_close_at < legal_demo.now
    assert closed.consultation_comments.approved().exists()


@pytest.mark.django_db
def test_files_and_pages_in_both_languages(client, legal_demo):
    page = legal_demo.pages["quyet-dinh-15-2024-qd-ubnd"]
    pdf = page.attachments.first().document
    assert pdf.collection.name == "Văn bản" and pdf.file.name.endswith(".pdf")
    with pdf.file.open("rb") as handle:
        sheets = PdfReader(io.BytesIO(handle.read())).pages
    # Justified lines come out with wider spaces: compare the words.
    text = " ".join(" ".join(sheet.extract_text() for sheet in sheets).split())
    for line in (
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 15/2024/QĐ-UBND",
        "Điều 1.",
        "Trần Đức Khang",
    ):
        assert line in text
    assert "<b>Điều 1.</b>" in page.full_text
    # The loader stores the text it wrote: found by words that are only in its file.
    assert pdf.extracted_text.outcome == ExtractionOutcome.EXTRACTED
    decision = legal_demo.pages["quyet-dinh-2456-qd-ubnd"]
    assert not decision.full_text
    found = LegalDocumentPage.objects.live().search("chính quyền địa phương")
    assert decision.pk in {result.pk for result in found}

    plan = legal_demo.pages["ke-hoach-45-kh-skhcn"]
    docx = plan.attachments.get(document__file__endswith=".docx").document
    with docx.file.open("rb") as handle:
        words = "\n".join(p.text for p in DocxDocument(io.BytesIO(handle.read())).paragraphs)
    assert "Số: 45/KH-SKHCN" in words and "Ngày Khoa học và Công nghệ" in words

    # The pages, in Vietnamese and in English (the section and a translated document).
    document = page
    english = document.get_translation(Locale.objects.get(language_code="en"))
    assert english.url.startswith("/en/") and english.abstract.startswith("Decision issuing")
    assert english.document_type.name == "Decision" and english.signer_title == "Chairman"
    for url in (legal_demo.index.url, document.url, english.get_parent().url, english.url):
        response = client.get(url)
        assert response.status_code == 200, url
    assert 'hreflang="en"' in client.get(document.url).content.decode()


def generate(**options):
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command(
        "generate_load_content",
        agencies=4,
        blocs=1,
        images=1,
        stdout=stdout,
        stderr=stderr,
        **options,
    )
    return stdout.getvalue(), stderr.getvalue()


@pytest.mark.django_db
def test_generated_documents_are_found_and_listed(client, demo_content):
    stdout, stderr = generate(legal_documents=40, batch_size=15)
    assert "40 legal documents" in stdout and "40/40" in stderr
    generated = LegalDocumentPage.objects.live()
    assert generated.count() == 40
    assert all(not problems for problems in Page.find_problems())
    for page in generated.filter(is_draft=False):
        number_validator(page.number)
    assert generated.filter(attachments__isnull=False).distinct().count() == 40
    # Indexed like the articles: found by the words of its abstract.
    sample = generated.order_by("pk").last()
    assert LegalDocumentPage.objects.live().search(sample.abstract.split()[-1]).count() > 0
    assert client.get(sample.get_parent().url).status_code == 200
    assert client.get(sample.url).status_code == 200


@pytest.mark.django_db
def test_a_batch_costs_the_same_queries_whatever_its_size(demo_content, monkeypatch):
    # Every document acts on an earlier one, none is a draft: each batch writes every table.
    monkeypatch.setattr(legal_load, "ACTS", [(RelationKind.AMENDS, 1.0)])
    monkeypatch.setattr(legal_load, "DRAFT_SHARE", 0)
    legal = LegalDemo(demo_content).prepare()
    agencies, people = list(demo_content.agencies.values()), list(demo_content.people.values())
    loader = LegalLoad(legal, random.Random(1), agencies, people)
    loader.create_batch(5)
    counts = []
    for size in (3, 20):
        with CaptureQueriesContext(connection) as queries:
            loader.create_batch(size)
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert LegalDocumentPage.objects.count() == 28
    assert LegalDocumentRelation.objects.count() == 27


@pytest.mark.django_db
@pytest.mark.parametrize("options", [{"legal_documents": -1}, {"articles": 0}])
def test_bad_counts_are_refused(options):
    with pytest.raises(CommandError):
        call_command("generate_load_content", stdout=io.StringIO(), **options)
