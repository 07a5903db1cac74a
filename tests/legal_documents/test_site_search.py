"""Documents on the site-wide search page (/tim-kiem/), as an anonymous reader."""

import re

import pytest

from tests.restrictions import restrict

pytestmark = pytest.mark.django_db


def search(client, **params):
    response = client.get("/tim-kiem/", params)
    assert response.status_code == 200
    return response.content.decode()


def result_titles(html):
    titles = re.findall(r'<h2 class="search-result__title"><a href="[^"]*">(.*?)</a>', html)
    return [re.sub(r"</?mark>", "", title) for title in titles]


def number_titles(html):
    block = re.search(r'<section class="search-numbers".*?</section>', html, re.S)
    return re.findall(r"</span> (.*?)</a>", block.group()) if block else []


def test_documents_are_found_by_words_with_their_type_and_number(client, legal_document_factory):
    legal_document_factory(
        title="Quyết định ban hành quy chế thi đua",
        number="15/2024/QĐ-UBND",
        abstract="Ban hành quy chế thi đua khen thưởng",
    )
    html = search(client, q="quy che thi dua")
    assert result_titles(html) == ["Quyết định ban hành quy chế thi đua"]
    assert "Số 15/2024/QĐ-UBND" in html
    assert '<option value="legal_document">Văn bản</option>' in html
    assert result_titles(search(client, q="quy che", type="legal_document"))
    assert result_titles(search(client, q="quy che", type="news")) == []
    sections = search(client, q="quy che", section="van-ban")
    assert result_titles(sections) == ["Quyết định ban hành quy chế thi đua"]


@pytest.mark.parametrize("typed", ["15/2024/QĐ-UBND", "15/2024/qd-ubnd", "15 2024"])
def test_a_number_finds_its_document_first(client, legal_document_factory, typed):
    legal_document_factory(title="Đúng", number="15/2024/QĐ-UBND")
    legal_document_factory(title="Sai", number="152/2024/QĐ-UBND")
    html = search(client, q=typed)
    assert number_titles(html) == ["Đúng"]


def test_the_indexed_number_is_searched_too(client, legal_document_factory):
    legal_document_factory(title="Đúng", number="15/2024/QĐ-UBND")
    assert "Đúng" in result_titles(search(client, q="15/2024/qd-ubnd"))


def test_no_unpublished_draft_or_private_document_is_found(client, legal_document_factory):
    legal_document_factory(title="Chưa xuất bản", number="1/2024/QĐ-UBND", publish_it=False)
    changed = legal_document_factory(title="Công khai", number="2/2024/QĐ-UBND")
    changed.abstract = "bản nháp bí mật"
    changed.save_revision()
    private = legal_document_factory(title="Nội bộ", number="3/2024/QĐ-UBND")
    restrict(private, "password")
    for query in ("1/2024/QĐ-UBND", "3/2024/QĐ-UBND", "chua xuat ban", "noi bo", "bi mat"):
        html = search(client, q=query)
        assert result_titles(html) == [] and number_titles(html) == []
