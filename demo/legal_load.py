"""Legal documents for the load data: `manage.py generate_load_content --legal-documents N`.

Written in bulk like the generated articles (one insert per table and batch, tree paths
computed from the section's child count; see generate_load_content): documents of every
type, issuer, subject area and year of the last ten years, in every status (in force, not
yet in force, expired by date or by a later document, partially expired, drafts), some
acting on earlier ones. Their files are a small pool of PDFs shared by all of them: 100,000
drawn PDFs would measure the drawing, not the portal.
"""

import uuid
from collections import deque
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from core.internals import child_page_path, insert_own_rows
from legal_documents.models import (
    LegalDocumentAttachment,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalDocumentRelation,
)
from legal_documents.numbers import number_key
from legal_documents.status import RelationKind

from .legal_files import Sheet, ensure_legal_file, paragraphs, pdf_bytes, sheet_text
from .progress import ProgressBar
from .vocabulary import TOPICS, ascii_slug

FILE_TITLE = "Tệp văn bản dữ liệu tải thử {}"
FILE_POOL = 4
# (type slug, number format, share of the documents, what its abstracts say); a number
# holds the year for legal normative documents only, as the regulations on numbering say.
TYPES = [
    ("quyet-dinh", "{n}{year}/QĐ-{issuer}", 30, "Quyết định ban hành Quy định về {topic}"),
    ("cong-van", "{n}/{issuer}-VP", 22, "V/v triển khai công tác {topic} năm {year}"),
    ("ke-hoach", "{n}/KH-{issuer}", 12, "Kế hoạch thực hiện {topic} năm {year}"),
    ("bao-cao", "{n}/BC-{issuer}", 10, "Báo cáo kết quả thực hiện {topic} năm {year}"),
    ("thong-bao", "{n}/TB-{issuer}", 9, "Thông báo kết luận về {topic}"),
    ("huong-dan", "{n}/HD-{issuer}", 7, "Hướng dẫn thực hiện {topic}"),
    ("chi-thi", "{n}/CT-{issuer}", 5, "Chỉ thị về việc tăng cường {topic}"),
    ("thong-tu", "{n}{year}/TT-{issuer}", 2, "Thông tư quy định chi tiết về {topic}"),
    ("nghi-dinh", "{n}{year}/NĐ-{issuer}", 2, "Nghị định quy định về {topic}"),
    ("luat", "{n}{year}/{issuer}", 1, "Luật sửa đổi, bổ sung một số điều về {topic}"),
]
# What a document may do to an earlier one, and how often.
ACTS = [
    (RelationKind.REPLACES, 0.05),
    (RelationKind.AMENDS, 0.05),
    (RelationKind.PARTIALLY_REPEALS, 0.03),
    (RelationKind.GUIDES, 0.03),
]
DRAFT_SHARE, FUTURE_SHARE, EXPIRY_SHARE = 0.01, 0.03, 0.1


def symbol_of(agency):
    """The agency's part of a number: its abbreviation without diacritics or separators."""
    return ascii_slug(agency.abbreviation or agency.name).replace("-", "").upper() or "UB"


class LegalLoad:
    """Adds generated documents under the registry of `legal` (a prepared `LegalDemo`)."""

    def __init__(self, legal, rng, agencies, people):
        self.legal, self.random = legal, rng
        self.locale = legal.locale
        self.issuers = [legal.demo.agencies["ubnd-thanh-pho"], *agencies]
        self.people = people
        self.areas = list(legal.areas.values())
        self.type_weights = [share for _slug, _pattern, share, _text in TYPES]
        self.content_type = ContentType.objects.get_for_model(LegalDocumentPage)
        self.files = [self.pool_file(n) for n in range(1, FILE_POOL + 1)]
        self.recent = deque(maxlen=1000)  # the latest final documents, for relations

    def pool_file(self, n):
        sheet = Sheet.of(
            ["UBND THÀNH PHỐ HẢI PHÒNG", "VĂN PHÒNG"],
            f"{n}/DLTT-VP",
            "Hải Phòng, ngày 01 tháng 01 năm 2025",
            "Văn bản",
            f"Văn bản dữ liệu tải thử số {n}",
            paragraphs("ke-hoach", TOPICS[n % len(TOPICS)].capitalize() + ".", "UBND", self.today),
            ["CHÁNH VĂN PHÒNG"],
        )
        return ensure_legal_file(
            FILE_TITLE.format(n),
            f"du-lieu-tai-thu-{n}.pdf",
            lambda: pdf_bytes(sheet),
            sheet_text(sheet),
        )

    @property
    def today(self):
        return timezone.localdate()

    def create(self, count, batch_size, stream):
        """Add `count` documents in batches of `batch_size`; returns their ids."""
        progress = ProgressBar(stream, count, "legal documents")
        ids = []
        while len(ids) < count:
            ids.extend(self.create_batch(min(batch_size, count - len(ids))))
            progress.update(len(ids))
        progress.finish()
        return ids

    @transaction.atomic
    def create_batch(self, size):
        """`size` documents in one insert per table; returns their ids."""
        index = LegalDocumentIndexPage.objects.select_for_update().get(pk=self.legal.index.pk)
        now = timezone.now()
        pages, documents = [], []
        for offset in range(size):
            number = index.numchild + offset + 1
            document = self.document_row(number, now)
            slug = f"{ascii_slug(document.title, 50)}-{number}"
            pages.append(self.page_row(index, number, slug, document.title, now))
            documents.append(document)
        Page.objects.bulk_create(pages)
        rows = {LegalDocumentAttachment: [], LegalDocumentRelation: []}
        for page, document in zip(pages, documents, strict=True):
            document.page_ptr_id = page.pk
            self.add_links(rows, document)
        insert_own_rows(LegalDocumentPage, documents)
        for model, objects in rows.items():
            model.objects.bulk_create(objects)
        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + size)
        return [page.pk for page in pages]

    def page_row(self, index, number, slug, title, now):
        published = now - timedelta(minutes=self.random.randint(0, 10 * 365 * 24 * 60))
        return Page(
            title=title,
            draft_title=title,
            slug=slug,
            path=child_page_path(index, number),
            depth=index.depth + 1,
            numchild=0,
            url_path=f"{index.url_path}{slug}/",
            content_type=self.content_type,
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
            latest_revision_created_at=published,
            locale_id=self.locale.pk,
            translation_key=uuid.uuid4(),
        )

    def document_row(self, sequence, now):
        """The document's own fields: a draft, or a final document with its number and dates."""
        type_slug, pattern, _share, wording = self.random.choices(TYPES, self.type_weights)[0]
        issuer = self.random.choice(self.issuers)
        issued = self.today - timedelta(days=self.random.randint(0, 10 * 365))
        abstract = wording.format(topic=self.random.choice(TOPICS), year=issued.year)
        document = LegalDocumentPage(
            title=abstract,
            document_type=self.legal.types[type_slug],
            issuer=issuer,
            signer=self.random.choice(self.people),
            signer_title="Giám đốc",
            subject_area=self.random.choice(self.areas),
            abstract=abstract,
        )
        if self.random.random() < DRAFT_SHARE:
            opens = now - timedelta(days=self.random.randint(0, 60))
            document.title = document.abstract = f"Dự thảo {abstract[0].lower()}{abstract[1:]}"
            document.is_draft, document.drafting_agency = True, issuer
            document.comments_open_at = opens
            document.comments_close_at = opens + timedelta(days=30)
            return document
        if self.random.random() < FUTURE_SHARE:
            issued = self.today - timedelta(days=self.random.randint(0, 10))
            document.effective_date = self.today + timedelta(days=self.random.randint(1, 60))
        else:
            document.effective_date = issued + timedelta(days=self.random.randint(0, 15))
            if self.random.random() < EXPIRY_SHARE:
                document.expiry_date = document.effective_date + timedelta(
                    days=self.random.randint(30, 3 * 365)
                )
        document.issue_date = issued
        year = f"/{issued.year}" if self.legal.types[type_slug].is_legislation else ""
        document.number = pattern.format(n=sequence, year=year, issuer=symbol_of(issuer))
        document.number_key = number_key(document.number)
        return document

    def add_links(self, rows, document):
        """The document's file, and maybe what it does to an earlier document."""
        rows[LegalDocumentAttachment].append(
            LegalDocumentAttachment(
                page_id=document.page_ptr_id,
                document=self.random.choice(self.files),
                sort_order=0,
                locale_id=self.locale.pk,
                translation_key=uuid.uuid4(),
            )
        )
        if document.is_draft:
            return
        draw = self.random.random()
        for kind, share in ACTS:
            if draw < share and self.recent:
                rows[LegalDocumentRelation].append(
                    LegalDocumentRelation(
                        source_id=document.page_ptr_id,
                        target_id=self.random.choice(self.recent),
                        kind=kind,
                        sort_order=0,
                        locale_id=self.locale.pk,
                        translation_key=uuid.uuid4(),
                    )
                )
                break
            draw -= share
        self.recent.append(document.page_ptr_id)
