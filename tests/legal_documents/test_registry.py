"""The "Văn bản" registry page, as an anonymous reader: facets with counts, number and
words search, nothing unpublished or private, bad input, constant query counts."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from legal_documents.models import SubjectArea
from legal_documents.status import RelationKind
from snippets.models import Agency
from tests.restrictions import KINDS, restrict

pytestmark = pytest.mark.django_db

URL = "/van-ban/"


def titles(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200, response.content.decode()[:2000]
    html = response.content.decode()
    return re.findall(r'<h2 class="registry-item__title"><a href="[^"]*">(.*?)</a>', html)


def facet_count(html, key, value):
    """The count shown beside a facet value, or None when the value is not offered."""
    match = re.search(
        rf'name="{key}" value="{re.escape(value)}"[^>]*>[^<]*<span class="registry-facet__count">'
        r"\((\d+)",
        html,
    )
    return int(match.group(1)) if match else None


def test_the_registry_lists_documents_newest_issued_first_with_their_facts(
    client, legal_document_factory
):
    legal_document_factory(title="Cũ", issue_date=date(2020, 5, 1))
    legal_document_factory(title="Mới", issue_date=date(2024, 5, 1), number="9/2024/QĐ-UBND")
    html = client.get(URL).content.decode()
    assert titles(client) == ["Mới", "Cũ"]
    assert "9/2024/QĐ-UBND" in html
    assert "Quyết định" in html and "Ủy ban nhân dân Thành phố" in html
    assert '<time datetime="2024-05-01">01/05/2024</time>' in html
    assert 'class="status-badge status-badge--in_force">Còn hiệu lực</span>' in html
    assert (
        f'<link rel="alternate" type="application/rss+xml" title="Văn bản (RSS)" href="{URL}rss/">'
        in html
    )
    assert f'href="{URL}atom/"' in html


def test_the_filters_are_labelled_and_collapse_into_a_disclosure(client, legal_document_factory):
    legal_document_factory()
    html = client.get(URL).content.decode()
    assert '<label for="registry-q">Số ký hiệu hoặc từ khóa</label>' in html
    assert '<details class="search-form__filters registry-facets">' in html
    assert "<legend>Loại văn bản</legend>" in html and "<legend>Năm ban hành</legend>" in html
    filtered = client.get(URL, {"year": "2024"}).content.decode()
    assert '<details class="search-form__filters registry-facets" open>' in filtered
    assert "Bỏ lọc: 2024" in filtered
    assert '<span aria-current="page">' not in filtered  # one page: no pagination
    assert "css/legal-documents.css" in html


def test_drafts_come_first_then_documents_by_issue_date(client, legal_document_factory):
    legal_document_factory(title="Văn bản", issue_date=date(2024, 1, 1))
    legal_document_factory(title="Dự thảo", is_draft=True, number="", issue_date=None)
    assert titles(client) == ["Dự thảo", "Văn bản"]
    assert titles(client, status="draft") == ["Dự thảo"]


def test_each_facet_filters_and_counts_under_the_other_filters(
    client, legal_document_factory, dispatch_type, education_area, signer
):
    other_agency = Agency.objects.create(name="Sở Giáo dục", slug="so-giao-duc", live=True)
    legal_document_factory(title="A", subject_area=education_area, signer=signer)
    legal_document_factory(title="B", document_type=dispatch_type, issue_date=date(2023, 3, 1))
    legal_document_factory(title="C", issuer=other_agency, subject_area=education_area)
    assert sorted(titles(client, type="cong-van")) == ["B"]
    assert sorted(titles(client, issuer="so-giao-duc")) == ["C"]
    assert sorted(titles(client, field="giao-duc")) == ["A", "C"]
    assert titles(client, signer="nguyen-van-an") == ["A"]
    assert titles(client, year="2023") == ["B"]
    assert titles(client, status="in_force", type="cong-van") == ["B"]
    html = client.get(URL, {"field": "giao-duc"}).content.decode()
    # Counts of the other facets under the active filter, and of this facet without it.
    assert facet_count(html, "type", "quyet-dinh") == 2
    assert facet_count(html, "type", "cong-van") is None
    assert facet_count(html, "field", "giao-duc") == 2
    assert facet_count(html, "year", "2024") == 2
    assert facet_count(html, "issuer", "so-giao-duc") == 1
    assert facet_count(html, "status", "in_force") == 2
    assert 'name="field" value="giao-duc" checked' in html
    assert "<legend>Lĩnh vực</legend>" in html
    unfiltered = client.get(URL).content.decode()
    assert facet_count(unfiltered, "type", "cong-van") == 1
    assert facet_count(unfiltered, "year", "2023") == 1


def test_status_facet_follows_dates_and_relations(client, legal_document_factory):
    today = timezone.localdate()
    old = legal_document_factory(title="Bị thay thế", issue_date=date(2020, 1, 1))
    legal_document_factory(title="Thay thế", relations=[(RelationKind.REPLACES, old)])
    legal_document_factory(title="Sắp có hiệu lực", effective_date=today + timedelta(days=5))
    assert titles(client, status="expired") == ["Bị thay thế"]
    assert titles(client, status="not_in_force_yet") == ["Sắp có hiệu lực"]
    html = client.get(URL).content.decode()
    assert facet_count(html, "status", "expired") == 1
    assert facet_count(html, "status", "in_force") == 1


@pytest.mark.parametrize(
    "typed", ["15/2024/QĐ-UBND", "15/2024/qd-ubnd", "15 2024", "15/2024", " 15-2024-QD "]
)
def test_a_number_is_found_however_it_is_typed(client, legal_document_factory, typed):
    legal_document_factory(title="Quy chế", number="15/2024/QĐ-UBND")
    legal_document_factory(title="Khác", number="152/2024/QĐ-UBND")
    legal_document_factory(title="Khác nữa", number="5/2015/QĐ-UBND", abstract="Số 15 2024")
    assert titles(client, q=typed) == ["Quy chế"]


def test_words_starting_with_a_number_are_searched_as_words(client, legal_document_factory):
    legal_document_factory(title="Năm", abstract="Tuyển dụng 15 giáo viên mầm non")
    legal_document_factory(title="Khác", abstract="Về việc khác")
    assert titles(client, q="15 giao vien") == ["Năm"]


def test_words_are_found_without_diacritics_in_abstract_text_and_files(
    client, legal_document_factory, attachment_factory
):
    from legal_documents.models import AttachmentText, ExtractionOutcome

    legal_document_factory(title="Một", abstract="Ban hành quy chế thi đua khen thưởng")
    file = attachment_factory(name="phu-luc.pdf")
    AttachmentText.objects.create(
        document=file,
        file_name="phu-luc.pdf",
        outcome=ExtractionOutcome.EXTRACTED,
        text="Danh mục trường mầm non công lập",
    )
    legal_document_factory(title="Hai", abstract="Phụ lục", attachments=[file])
    legal_document_factory(title="Ba", abstract="Về việc khác")
    assert titles(client, q="quy che thi dua") == ["Một"]
    assert titles(client, q="quy chế") == ["Một"]
    assert titles(client, q="mam non cong lap") == ["Hai"]
    html = client.get(URL, {"q": "quy che", "type": "quyet-dinh"}).content.decode()
    assert facet_count(html, "type", "quyet-dinh") == 1


def test_no_unpublished_draft_or_private_document_is_listed_or_counted(
    client, legal_document_factory, dispatch_type, education_area
):
    legal_document_factory(title="Công khai")
    legal_document_factory(
        title="Chưa xuất bản",
        publish_it=False,
        document_type=dispatch_type,
        subject_area=education_area,
        abstract="bí mật",
    )
    changed = legal_document_factory(title="Đã xuất bản")
    changed.title = "Bản nháp chưa duyệt"
    changed.document_type = dispatch_type
    changed.save_revision()
    html = client.get(URL).content.decode()
    assert sorted(titles(client)) == ["Công khai", "Đã xuất bản"]
    assert facet_count(html, "type", "cong-van") is None
    assert facet_count(html, "field", "giao-duc") is None
    assert titles(client, q="bi mat") == []
    assert titles(client, q="ban nhap chua duyet") == []


@pytest.mark.parametrize("kind", KINDS)
def test_a_private_document_is_not_listed_nor_counted(
    client, legal_document_factory, dispatch_type, kind
):
    legal_document_factory(title="Công khai")
    private = legal_document_factory(title="Nội bộ", document_type=dispatch_type)
    html_before = client.get(URL).content.decode()
    assert facet_count(html_before, "type", "cong-van") == 1  # now cached
    restrict(private, kind)
    html = client.get(URL).content.decode()
    assert titles(client) == ["Công khai"]
    assert facet_count(html, "type", "cong-van") is None
    assert titles(client, q=private.number) == []


def test_counts_follow_a_publication_and_an_unpublication(client, legal_document_factory):
    first = legal_document_factory()
    assert facet_count(client.get(URL).content.decode(), "year", "2024") == 1
    legal_document_factory()
    assert facet_count(client.get(URL).content.decode(), "year", "2024") == 2
    first.unpublish()
    assert facet_count(client.get(URL).content.decode(), "year", "2024") == 1


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({"type": "khong-co"}, 404, "Không có loại văn bản này."),
        ({"issuer": "khong-co"}, 404, "Không có cơ quan ban hành này."),
        ({"field": "không có"}, 404, "Không có lĩnh vực này."),
        ({"signer": "x" * 5000}, 400, "Giá trị quá dài."),
        ({"year": "abc"}, 400, "Năm phải viết bằng bốn chữ số, ví dụ 2024."),
        ({"year": "99999"}, 400, "Năm phải viết bằng bốn chữ số, ví dụ 2024."),
        ({"status": "foo"}, 400, "Không có tình trạng hiệu lực này."),
        ({"q": "quy\x00che"}, 400, "Giá trị chứa ký tự không được phép."),
        ({"type": "quyet\x00dinh"}, 400, "Giá trị chứa ký tự không được phép."),
    ],
)
def test_bad_filter_values_answer_4xx_with_a_clear_message(
    client, legal_document_factory, params, status, message
):
    legal_document_factory()
    response = client.get(URL, params)
    assert response.status_code == status
    assert message in response.content.decode()


def test_an_unpublished_agency_is_not_a_filter(client, legal_document_factory):
    Agency.objects.create(name="Chưa xuất bản", slug="chua-xuat-ban", live=False)
    assert client.get(URL, {"issuer": "chua-xuat-ban"}).status_code == 404


@pytest.mark.parametrize("page", ["0", "abc", "99999999999999999999", "3"])
def test_bad_or_huge_page_numbers_are_404(client, legal_document_factory, page):
    legal_document_factory()
    assert client.get(URL, {"page": page}).status_code == 404


def test_pagination_keeps_the_filters(client, legal_index, legal_document_factory):
    legal_index.per_page = 2
    legal_index.save_revision().publish()
    for _ in range(3):
        legal_document_factory()
    html = client.get(URL, {"year": "2024"}).content.decode()
    assert 'href="?year=2024&amp;page=2" rel="next"' in html
    assert len(titles(client, year="2024", page="2")) == 1


def registry_queries(client, params):
    with CaptureQueriesContext(connection) as context:
        assert client.get(URL, params).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "params", [{}, {"type": "quyet-dinh", "status": "in_force"}, {"q": "quy che"}, {"q": "1 2024"}]
)
def test_query_count_is_the_same_for_3_and_30_documents(
    client, legal_document_factory, education_area, signer, params
):
    def add(count):
        for _ in range(count):
            legal_document_factory(subject_area=education_area, signer=signer)

    add(3)
    client.get(URL, params)  # caches warmed as on a live site
    few = registry_queries(client, params)
    add(27)
    client.get(URL, params)
    many = registry_queries(client, params)
    assert few == many


def test_the_english_registry_works(client, legal_index, legal_document_factory, locale_en):
    from wagtail.models import Page

    home_en = legal_index.get_parent().copy_for_translation(locale_en)
    home_en.save_revision().publish()
    index_en = legal_index.copy_for_translation(locale_en)
    index_en.title = "Legal documents"
    index_en.save_revision().publish()
    document = legal_document_factory(title="Quy chế")
    translated = document.copy_for_translation(locale_en)
    translated.title = "Regulation"
    translated.save_revision().publish()
    url = Page.objects.get(pk=index_en.pk).specific.url
    response = client.get(url, {"q": "regulation"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Regulation</a>" in html and "Quy chế</a>" not in html
    assert "<legend>Document type</legend>" in html
    assert "In force</span>" in html


def test_an_empty_registry_says_so(client, legal_index):
    html = client.get(URL, {"field": ""}).content.decode()
    assert "Không có văn bản nào phù hợp" in html
    assert SubjectArea.objects.count() == 0
