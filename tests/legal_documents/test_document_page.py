"""A document's page, read by an anonymous reader: facts, status, relations, files and their
preview, print view, JSON-LD, hreflang, drafts; nothing unpublished or private shows."""

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from legal_documents.models import AttachmentText, ExtractionOutcome
from legal_documents.status import RelationKind

pytestmark = pytest.mark.django_db


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def csp(response):
    return {
        name: sources
        for name, *sources in (d.split() for d in response["Content-Security-Policy"].split(";"))
    }


@pytest.fixture
def pdf(attachment_factory):
    return attachment_factory("quyet-dinh-15.pdf", b"%PDF-1.4\n" + b"0" * 2048, "Bản ký số")


def test_the_page_shows_the_facts_and_the_status(
    client, legal_document_factory, signer, education_area
):
    page = legal_document_factory(
        number="15/2024/QĐ-UBND",
        signer=signer,
        signer_title="Phó Chủ tịch",
        subject_area=education_area,
        issue_date=date(2024, 3, 1),
        effective_date=date(2024, 3, 15),
        national_database_url="https://vbpl.vn/haiphong/Pages/vbpq-toanvan.aspx?ItemID=1",
        full_text="<p>Điều 1. Phạm vi điều chỉnh</p>",
    )
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "15/2024/QĐ-UBND",
        "Quyết định",
        "Ủy ban nhân dân Thành phố",
        "Nguyễn Văn An, Phó Chủ tịch",
        "Giáo dục",
        "01/03/2024",
        "15/03/2024",
        "Điều 1. Phạm vi điều chỉnh",
        page.abstract,
        "https://vbpl.vn/haiphong/",
    ):
        assert text in html, text
    assert 'class="status-badge status-badge--in_force">Còn hiệu lực<' in html
    assert "data-print-button" in html
    assert f'<meta name="description" content="{page.abstract}">' in html


def test_relations_show_both_ways_and_only_visible_documents(client, legal_document_factory):
    old = legal_document_factory(title="Quyết định cũ")
    guided = legal_document_factory(title="Quyết định được hướng dẫn")
    hidden = legal_document_factory(title="Quyết định chưa công bố", publish_it=False)
    page = legal_document_factory(
        relations=[
            (RelationKind.REPLACES, old),
            (RelationKind.GUIDES, guided),
            (RelationKind.AMENDS, hidden),
        ]
    )
    html = client.get(page.url).content.decode()
    assert "Thay thế" in html and old.url in html
    assert guided.url in html
    assert "Quyết định chưa công bố" not in html and hidden.url not in html

    old_html = client.get(old.url).content.decode()
    assert "Bị thay thế bởi" in old_html and page.url in old_html
    assert 'status-badge--expired">Hết hiệu lực' in old_html
    # A draft relation of an unpublished document names nothing.
    legal_document_factory(publish_it=False, relations=[(RelationKind.REPEALS, guided)])
    guided_html = client.get(guided.url).content.decode()
    assert "Bị bãi bỏ bởi" not in guided_html


def test_files_show_type_size_download_and_preview(
    client, legal_document_factory, pdf, attachment_factory
):
    docx = attachment_factory("phu-luc.docx", b"PK\x03\x04" + b"0" * 100, "Phụ lục")
    page = legal_document_factory(attachments=[pdf, docx])
    response = client.get(page.url)
    html = response.content.decode()
    assert f'href="{pdf.url}" download type="application/pdf"' in html
    assert "(PDF, 2,0\xa0KB)" in html or "(PDF, 2,0 KB)" in html
    assert "(DOCX, 104" in html
    # One preview, of the PDF, in a frame the page's policy allows (same origin only).
    assert html.count("<iframe") == 1
    assert f'<iframe src="{pdf.url}"' in html
    policy = csp(response)
    assert policy["frame-src"][-1] == "'self'"
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    # The file downloads.
    assert client.get(pdf.url).status_code == 200


def test_a_page_without_pdf_keeps_the_strict_frame_policy(client, legal_document_factory):
    response = client.get(legal_document_factory().url)
    assert "'self'" not in csp(response)["frame-src"]


def test_a_served_pdf_may_be_framed_by_the_site_only(
    client, legal_document_factory, pdf, attachment_factory
):
    legal_document_factory(attachments=[pdf])
    response = client.get(pdf.url)
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    policy = csp(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["default-src"] == ["'none'"]
    # A download (not a PDF) stays unframeable.
    docx = attachment_factory("phu-luc.docx", b"PK\x03\x04", "Phụ lục")
    legal_document_factory(attachments=[docx])
    response = client.get(docx.url)
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'self'" not in response["Content-Security-Policy"]


def test_a_scanned_pdf_says_its_text_cannot_be_searched(client, legal_document_factory, pdf):
    AttachmentText.objects.create(
        document=pdf, file_name=pdf.file.name, outcome=ExtractionOutcome.NO_TEXT
    )
    html = client.get(legal_document_factory(attachments=[pdf]).url).content.decode()
    assert "không tìm kiếm được" in html


def test_query_count_does_not_grow_with_files_and_relations(
    client, legal_document_factory, attachment_factory
):
    def queries(n):
        others = [legal_document_factory() for _ in range(n)]
        files = [attachment_factory(f"tep-{i}.pdf") for i in range(n)]
        page = legal_document_factory(
            attachments=files, relations=[(RelationKind.GUIDES, other) for other in others]
        )
        for _ in range(n):
            legal_document_factory(relations=[(RelationKind.AMENDS, page)])
        client.get(page.url)  # warm the site-wide fragments
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url).status_code == 200
        return len(captured)

    assert queries(1) == queries(6)


def test_json_ld_describes_legislation(client, legal_document_factory, pdf):
    page = legal_document_factory(
        number="15/2024/QĐ-UBND", issue_date=date(2024, 3, 1), attachments=[pdf]
    )
    data = json_ld(client.get(page.url).content.decode())
    assert data["@type"] == "Legislation"
    assert data["legislationIdentifier"] == "15/2024/QĐ-UBND"
    assert data["legislationDate"] == "2024-03-01"
    assert data["legislationPassedBy"] == {
        "@type": "GovernmentOrganization",
        "name": "Ủy ban nhân dân Thành phố",
    }
    assert data["legislationLegalForce"] == "https://schema.org/InForce"
    assert data["legislationType"] == "Quyết định"
    assert data["inLanguage"] == "vi"
    assert data["url"] == page.full_url
    assert data["encoding"][0]["@type"] == "MediaObject"
    assert data["encoding"][0]["contentUrl"] == "http://testserver" + pdf.url


def test_json_ld_of_other_documents_and_a_hostile_title(
    client, legal_document_factory, dispatch_type, pdf
):
    title = 'Công văn </script><script>alert("x")</script> & <!--'
    page = legal_document_factory(title=title, document_type=dispatch_type, attachments=[pdf])
    html = client.get(page.url).content.decode()
    assert "<script>alert" not in html
    data = json_ld(html)
    assert data["@type"] == "DigitalDocument"
    assert data["name"] == title
    assert "legislationIdentifier" not in data
    assert data["workExample"][0]["contentUrl"].startswith("http://testserver/documents/")


def test_an_expired_document_is_not_in_force(client, legal_document_factory):
    page = legal_document_factory(
        issue_date=date(2020, 1, 1), expiry_date=timezone.localdate() - timedelta(days=1)
    )
    data = json_ld(client.get(page.url).content.decode())
    assert data["legislationLegalForce"] == "https://schema.org/NotInForce"


def test_unpublished_and_private_documents_are_not_shown(client, legal_document_factory):
    draft = legal_document_factory(publish_it=False)
    assert client.get(draft.url_path and f"/van-ban/{draft.slug}/").status_code == 404
    private = legal_document_factory()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(private.url)
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"] or "login" in response["Location"]
    unpublished = legal_document_factory()
    url = unpublished.url
    unpublished.unpublish()
    assert client.get(url).status_code == 404


def test_a_private_document_is_not_linked_from_its_relations(client, legal_document_factory):
    private = legal_document_factory(title="Văn bản mật")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    page = legal_document_factory(relations=[(RelationKind.AMENDS, private)])
    html = client.get(page.url).content.decode()
    assert "Văn bản mật" not in html


@pytest.mark.parametrize(
    ("opens_in", "closes_in", "state", "words"),
    [
        (-1, 10, "open", "Đang lấy ý kiến"),
        (2, 10, "upcoming", "Chưa bắt đầu"),
        (-10, -1, "closed", "Đã hết thời gian lấy ý kiến"),
    ],
)
def test_a_draft_shows_its_comment_window(
    client, legal_document_factory, opens_in, closes_in, state, words
):
    now = timezone.now()
    page = legal_document_factory(
        is_draft=True,
        number="",
        comments_open_at=now + timedelta(days=opens_in),
        comments_close_at=now + timedelta(days=closes_in),
    )
    html = client.get(page.url).content.decode()
    assert ">Dự thảo<" in html
    assert "status-badge--draft" in html
    assert f"consultation__state--{state}" in html and words in html
    assert json_ld(html)["@type"] == "DigitalDocument"


def test_english_translation_has_hreflang_links(
    client, legal_document_factory, locale_en, home, legal_index
):
    page = legal_document_factory()
    english_home = home.copy_for_translation(locale_en)
    english_home.save_revision().publish()
    english_index = legal_index.copy_for_translation(locale_en)
    english_index.save_revision().publish()
    english = page.copy_for_translation(locale_en)
    english.title = "Decision No. 1/2024/QĐ-UBND"
    english.abstract = "Issuing the regulation"
    english.save_revision().publish()
    english.refresh_from_db()

    response = client.get(english.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert english.url.startswith("/en/")
    assert "Decision No. 1/2024/QĐ-UBND" in html
    assert "In force" in html
    assert json_ld(html)["inLanguage"] == "en"
    links = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html))
    assert links["vi"] == page.full_url
    assert links["en"] == english.full_url
    vi_links = re.findall(r'hreflang="en" href="([^"]+)"', client.get(page.url).content.decode())
    assert vi_links == [english.full_url]


def test_english_relations_name_english_versions(
    client, legal_document_factory, locale_en, home, legal_index
):
    old = legal_document_factory(title="Quyết định cũ")
    page = legal_document_factory(relations=[(RelationKind.REPLACES, old)])
    for vietnamese in (home, legal_index):
        vietnamese.copy_for_translation(locale_en).save_revision().publish()
    english = {}
    for vietnamese, title in ((old, "Old decision"), (page, "New decision")):
        translation = vietnamese.copy_for_translation(locale_en)
        translation.title = title
        translation.save_revision().publish()
        translation.refresh_from_db()
        english[title] = translation
    html = client.get(english["New decision"].url).content.decode()
    assert "Replaces" in html and english["Old decision"].url in html
    old_html = client.get(english["Old decision"].url).content.decode()
    assert "Replaced by" in old_html and english["New decision"].url in old_html
    assert f'href="{old.url}"' not in html and f'href="{page.url}"' not in old_html


def test_the_print_view_keeps_the_facts_and_text_only(client, legal_document_factory, pdf):
    html = client.get(legal_document_factory(attachments=[pdf]).url).content.decode()
    assert 'href="/static/css/print.css" media="print"' in html
    assert "/static/legal_documents/document-page.css" in html
    css = Path(finders.find("legal_documents/document-page.css")).read_text(encoding="utf-8")
    print_rules = css[css.index("@media print") :]
    assert ".pdf-preview { display: none !important; }" in print_rules
    site_print = Path(finders.find("css/print.css")).read_text(encoding="utf-8")
    assert ".print-button" in site_print and "nav" in site_print
