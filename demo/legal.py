"""The demo's "Văn bản" section: the registry page, its document types and subject areas,
about thirty documents of the department and the city People's Committee with their PDF
files, relations, two drafts for comment with comments, and an English version of the
section and of a few documents' metadata.

Loaded after the rest of the demo (`load_demo_content`), not by `DemoContent.load()`: its
files take a few seconds to draw, which every test loading the demo would pay. Idempotent
like the rest: everything is looked up by slug (pages, types, areas, people), title (files)
or e-mail (comments) before it is made. The words are in `demo.legal_data`, the files'
layout in `demo.legal_files`.
"""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from blocs.models import BlocIndexPage
from legal_documents.models import (
    CommentStatus,
    ConsultationComment,
    DocumentType,
    LegalDocumentAttachment,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalDocumentRelation,
    SubjectArea,
)
from snippets.models import Person

from . import legal_data as data
from .english import STRINGS, translate
from .ensure import ensure_child_page, ensure_snippet, publish
from .legal_files import (
    Sheet,
    docx_bytes,
    ensure_legal_file,
    full_text_html,
    paragraphs,
    pdf_bytes,
    sheet_text,
    vietnamese_date,
)


class LegalDemo:
    """Builds the demo registry on a loaded `DemoContent`; `load()` is idempotent."""

    def __init__(self, demo):
        self.demo = demo
        self.locale = demo.locale_vi
        self.now = timezone.now()
        self.today = timezone.localdate()

    def prepare(self):
        """The section and its lists, without documents (the load generator's start)."""
        self.index = self.ensure_index()
        self.types = self.ensure_terms(DocumentType, data.DOCUMENT_TYPES)
        self.areas = self.ensure_terms(SubjectArea, data.SUBJECT_AREAS)
        self.people = {**self.demo.people, **self.ensure_signers()}
        return self

    def load(self):
        self.prepare()
        self.pages = {}
        for spec in data.DOCUMENTS:
            self.pages[spec.slug] = self.ensure_document(spec)
        for spec in data.DRAFTS:
            self.pages[spec.slug] = self.ensure_draft(spec)
        self.ensure_comments()
        return self

    def day(self, value):
        """A spec's date: a date, or a number of days from today."""
        return self.today + timedelta(days=value) if isinstance(value, int) else value

    def ensure_index(self):
        """The section, in the menu, placed before the emulation blocs on its first load."""
        home = self.demo.home
        existing = home.get_children().filter(slug=data.INDEX_SLUG).first()
        if existing is not None:
            return existing.specific
        index = ensure_child_page(
            home,
            LegalDocumentIndexPage,
            data.INDEX_SLUG,
            title=data.INDEX_TITLE,
            intro=data.INDEX_INTRO,
            show_in_menus=True,
        )
        blocs = home.get_children().type(BlocIndexPage).first()
        if blocs is not None:
            index.move(blocs, pos="left")
        return LegalDocumentIndexPage.objects.get(pk=index.pk)

    def ensure_terms(self, model, rows):
        """{slug: term} of a list of types or areas, made in Vietnamese when missing."""
        terms = {}
        for order, (slug, name, *rest) in enumerate(rows):
            fields = {"name": name}
            if model is DocumentType:
                fields.update(is_legislation=rest[1], sort_order=(order + 1) * 10)
            terms[slug], _ = model.objects.get_or_create(
                locale=self.locale, slug=slug, defaults=fields
            )
        return terms

    def ensure_signers(self):
        return {
            slug: ensure_snippet(
                Person,
                self.locale,
                slug,
                name=name,
                position=position,
                agency=self.demo.agencies[agency],
            )
            for slug, name, position, _english, agency in data.SIGNERS
        }

    def ensure_document(self, spec):
        existing = self.index.get_children().filter(slug=spec.slug).first()
        if existing is not None:
            return existing.specific
        issued = self.day(spec.issued)
        effective = self.day(spec.effective) if spec.effective is not None else None
        number = spec.number.format(year=issued.year)
        issuer = self.demo.agencies[spec.issuer]
        signer_title, signature = data.SIGNATURES[spec.signer]
        signer = self.people[spec.signer]
        lines = paragraphs(spec.type, spec.abstract, issuer.name, effective or issued)
        sheet = Sheet.of(
            data.HEADERS[spec.issuer],
            number,
            f"Hải Phòng, {vietnamese_date(issued)}",
            self.types[spec.type].name,
            spec.abstract,
            lines,
            [*signature, "", "", signer.name],
        )
        page = LegalDocumentPage(
            slug=spec.slug,
            locale=self.locale,
            title=spec.title,
            document_type=self.types[spec.type],
            number=number,
            issuer=issuer,
            signer=signer,
            signer_title=signer_title,
            subject_area=self.areas[spec.area],
            issue_date=issued,
            effective_date=effective,
            expiry_date=spec.expiry,
            abstract=spec.abstract,
            full_text=full_text_html(lines) if spec.full_text else "",
        )
        page.attachments = self.attachments(sheet, spec.slug, docx=spec.docx)
        page.relations = [
            LegalDocumentRelation(
                kind=kind, target=self.pages[target], locale=self.locale, sort_order=order
            )
            for order, (source, kind, target) in enumerate(data.RELATIONS)
            if source == spec.slug
        ]
        self.index.add_child(instance=page)
        return publish(page)

    def attachments(self, sheet, slug, docx=False):
        """The document's signed PDF (and a DOCX of it), made once and kept by title."""
        label = f"{sheet.type_name} {sheet.number}" if sheet.number else sheet.title
        text = sheet_text(sheet)
        files = [
            ensure_legal_file(f"{label} (PDF)", f"{slug}.pdf", lambda: pdf_bytes(sheet), text),
        ]
        if docx:
            files.append(
                ensure_legal_file(
                    f"{label} (DOCX)", f"{slug}.docx", lambda: docx_bytes(sheet), text
                )
            )
        return [
            LegalDocumentAttachment(document=file, locale=self.locale, sort_order=order)
            for order, file in enumerate(files)
        ]

    def ensure_draft(self, spec):
        existing = self.index.get_children().filter(slug=spec.slug).first()
        if existing is not None:
            return existing.specific
        drafting = self.demo.agencies["so-khcn"]
        sheet = Sheet.of(
            data.HEADERS[spec.issuer],
            "",
            f"Hải Phòng, {vietnamese_date(self.today)}",
            self.types[spec.type].name,
            spec.title,
            paragraphs(spec.type, spec.abstract, drafting.name, self.today),
            ["CƠ QUAN CHỦ TRÌ SOẠN THẢO", drafting.name.upper()],
        )
        page = LegalDocumentPage(
            slug=spec.slug,
            locale=self.locale,
            title=spec.title,
            document_type=self.types[spec.type],
            issuer=self.demo.agencies[spec.issuer],
            subject_area=self.areas[spec.area],
            abstract=spec.abstract,
            is_draft=True,
            drafting_agency=drafting,
            comments_open_at=self.now + timedelta(days=spec.opens),
            comments_close_at=self.now + timedelta(days=spec.closes),
        )
        page.attachments = self.attachments(sheet, spec.slug)
        self.index.add_child(instance=page)
        return publish(page)

    def ensure_comments(self):
        for draft, name, organisation, email, article, body, shown, status, age in data.COMMENTS:
            document = self.pages[draft]
            if ConsultationComment.objects.filter(document=document, email=email).exists():
                continue
            received = self.now - timedelta(days=age)
            comment = ConsultationComment.objects.create(
                document=document,
                name=name,
                organisation=organisation,
                email=email,
                article=article,
                body=body,
                show_identity=shown,
                consented_at=received,
                status=status,
                moderated_at=received + timedelta(hours=20)
                if status != CommentStatus.PENDING
                else None,
            )
            # `created_at` is set on creation: the demo's comments came in over the window.
            ConsultationComment.objects.filter(pk=comment.pk).update(created_at=received)

    # English -------------------------------------------------------------------------------

    def load_english(self):
        """The section, its lists, the new signers and a few documents' metadata in English
        (after `demo.english.EnglishDemo`, which translates the home page)."""
        locale = Locale.objects.get(language_code="en")
        translate(self.index, locale, strings=data.INDEX_STRINGS)
        self.types_en = self.translate_terms(self.types, data.DOCUMENT_TYPES, locale)
        self.areas_en = self.translate_terms(self.areas, data.SUBJECT_AREAS, locale)
        positions = {vi: en for _slug, _name, vi, en, _agency in data.SIGNERS}
        for slug, *_rest in data.SIGNERS:
            translate(self.people[slug], locale, strings={**STRINGS, **positions})
        for slug, english in data.ENGLISH.items():
            self.translate_document(self.pages[slug], locale, *english)
        return self

    @staticmethod
    def translate_terms(terms, rows, locale):
        translated = {}
        for slug, _name, english, *_rest in rows:
            term = terms[slug]
            copy = term.get_translation_or_none(locale)
            if copy is None:
                copy = term.copy_for_translation(locale)
                copy.name = english
                copy.save()
            translated[slug] = copy
        return translated

    def translate_document(self, page, locale, slug, title, abstract):
        """The page's English version: its metadata translated and its links (type, area,
        agencies, signer, related documents) to their English versions; the official text
        stays in the Vietnamese version and its files."""
        if page.has_translation(locale):
            return page.get_translation(locale)
        copy = page.copy_for_translation(locale)
        copy.slug, copy.title, copy.draft_title = slug, title, title
        copy.abstract, copy.full_text = abstract, ""
        copy.document_type = self.types_en[page.document_type.slug]
        copy.subject_area = self.areas_en[page.subject_area.slug] if page.subject_area else None
        copy.issuer = page.issuer.get_translation_or_none(locale) or page.issuer
        if page.signer is not None:
            copy.signer = page.signer.get_translation_or_none(locale) or page.signer
        copy.signer_title = data.TITLES_EN.get(page.signer_title, page.signer_title)
        relations = []
        for relation in copy.relations.all():
            target = relation.target.get_translation_or_none(locale)
            if target is not None:
                relation.target = target
                relations.append(relation)
        copy.relations = relations
        copy.save()
        return publish(copy)
