"""The search page and the API's `search`: folding, ranking, filters, pagination,
highlighting, the index after publish and unpublish, and bad input."""

import re
from datetime import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from articles.models import AnnouncementPage, NewsArticlePage
from demo.data import SEED_TITLE
from demo.ensure import publish

pytestmark = pytest.mark.django_db

DEMO_QUERIES = ["thi dua", "hai phong", "giao duc", "do van loi", "KH&CN", "Đỗ Văn Lợi"]


def result_titles(client, url="/tim-kiem/", **params):
    response = client.get(url, params)
    assert response.status_code == 200
    html = response.content.decode()
    titles = re.findall(r'<h2 class="search-result__title"><a href="[^"]*">(.*?)</a>', html)
    return [re.sub(r"</?mark>", "", title) for title in titles]


def api_titles(client, **params):
    response = client.get("/api/v2/pages/", {"fields": "title", **params})
    assert response.status_code == 200
    return [item["title"] for item in response.json()["items"]]


def add_article(index, title, lead="", body="", live=True, **fields):
    page = NewsArticlePage(title=title, lead=lead or title, live=live, **fields)
    if body:
        page.body = [("paragraph", RichText(f"<p>{body}</p>"))]
    index.add_child(instance=page)
    if live:
        publish(page)
    else:
        page.save_revision()
    return NewsArticlePage.objects.get(pk=page.pk)


@pytest.mark.parametrize("query", DEMO_QUERIES)
def test_issue_queries_find_the_seed_report(client, demo_content, query):
    assert SEED_TITLE in result_titles(client, q=query)[:3]
    assert SEED_TITLE in api_titles(client, search=query)


def test_header_has_a_labelled_search_box(client, demo_content):
    html = client.get("/").content.decode()
    form = re.search(
        r'<form class="search-box" role="search"[^>]*action="/tim-kiem/".*?</form>', html, re.S
    )
    assert form
    assert '<label class="visually-hidden" for="site-search-q">' in form.group()
    english = client.get("/en/search/", {"q": "x"}).content.decode()
    assert 'action="/en/search/"' in english


def test_exact_diacritics_rank_first(client, demo_content):
    index = demo_content.news_index
    add_article(index, "Đua thuyền truyền thống trên sông", lead="Giải đua thuyền.")
    add_article(index, "Dưa hấu vào vụ thu hoạch trên sông", lead="Mùa dưa hấu.")
    assert result_titles(client, q="đua thuyền sông")[0].startswith("Đua thuyền")
    assert result_titles(client, q="dưa sông")[0].startswith("Dưa hấu")
    assert api_titles(client, search="dưa sông")[0].startswith("Dưa hấu")
    # Without diacritics, both are found.
    assert len(result_titles(client, q="dua song")) == 2


def test_related_names_tags_and_mottos_are_searched(client, demo_content):
    assert SEED_TITLE in result_titles(client, q="chieu minh")  # author
    assert SEED_TITLE in result_titles(client, q="hoang minh cuong")  # official
    assert SEED_TITLE in result_titles(client, q="thi dua khen thuong")  # tag
    bloc_titles = result_titles(client, q="tang toc va hieu qua", type="bloc")  # motto
    assert bloc_titles == ["Khối các cơ quan Quản lý nhà nước về Văn hóa - xã hội thành phố"]
    assert result_titles(client, q="lich tiep cong dan")[0].startswith("Thông báo lịch tiếp")


def test_filters_by_type_section_and_date(client, demo_content):
    assert result_titles(client, q="thong bao", type="announcement")
    announcements = result_titles(client, q="khoa hoc cong nghe", type="announcement")
    assert announcements and all(title.startswith("Thông báo") for title in announcements)
    assert result_titles(client, q="thi dua", type="event") == [SEED_TITLE]
    assert SEED_TITLE not in result_titles(client, q="thi dua", type="news")
    assert result_titles(client, q="thi dua", section="thong-bao") == []
    assert SEED_TITLE in result_titles(client, q="thi dua", section="tin-tuc-su-kien")
    assert result_titles(client, q="thi dua", date_from="2024-01-26", date_to="2024-01-26") == [
        SEED_TITLE
    ]
    assert result_titles(client, q="thi dua", date_from="2024-01-27") == []


def test_dates_at_the_ends_of_the_calendar_exclude_nothing(client, demo_content):
    """The first and last days a date holds are bounds like any other (they overflowed)."""
    dated = result_titles(client, q="thi dua", date_from="1900-01-01", date_to="2999-12-31")
    assert SEED_TITLE in dated
    for url in ("/tim-kiem/", "/en/search/"):
        assert result_titles(client, url, q="thi dua", date_to="9999-12-31") == (
            result_titles(client, url, q="thi dua", date_to="2999-12-31")
        )
    assert result_titles(client, q="thi dua", date_from="0001-01-01") == dated
    assert result_titles(client, q="thi dua", date_from="0001-01-01", date_to="9999-12-31") == (
        dated
    )
    assert result_titles(client, q="thi dua", date_from="9999-12-31") == []
    assert result_titles(client, q="thi dua", date_to="0001-01-01") == []


def test_bad_filters_are_form_errors(client, demo_content):
    for params in [
        {"q": "x", "type": "nope"},
        {"q": "x", "section": "khong-co"},
        {"q": "x", "date_from": "2024-02-30"},
        {"q": "x", "date_from": "2024-03-01", "date_to": "2024-02-01"},
    ]:
        response = client.get("/tim-kiem/", params)
        assert response.status_code == 400, params
        assert 'class="search-form__error" role="alert"' in response.content.decode()


def test_pagination(client, demo_content):
    for number in range(12):
        add_article(demo_content.news_index, f"Hội thảo chuyển đổi số lần {number}")
    first = result_titles(client, q="chuyen doi so lan")
    second = result_titles(client, q="chuyen doi so lan", page=2)
    assert len(first) == 10 and len(second) == 2
    assert not set(first) & set(second)
    html = client.get("/tim-kiem/", {"q": "chuyen doi so lan"}).content.decode()
    assert 'href="?q=chuyen+doi+so+lan&amp;page=2" rel="next"' in html
    for page in ["3", "abc", "-1", "9" * 30]:
        assert client.get("/tim-kiem/", {"q": "chuyen doi so lan", "page": page}).status_code == 404


def test_highlighted_excerpt_is_escaped(client, demo_content):
    add_article(
        demo_content.news_index,
        "Bài có <script> trong tiêu đề",
        lead="Nội dung <b>đậm</b> & ký hiệu về thi đua",
    )
    html = client.get("/tim-kiem/", {"q": "thi dua ky hieu"}).content.decode()
    assert "<script>" not in html.split("<main", 1)[1]
    assert "&lt;b&gt;đậm&lt;/b&gt; &amp; <mark>ký</mark> <mark>hiệu</mark>" in html
    assert "Bài có &lt;script&gt; trong tiêu đề" in html


def test_unpublished_private_and_draft_content_is_never_found(client, demo_content):
    index = demo_content.news_index
    add_article(index, "Bản nháp bí mật về tê tê xuyên sơn", live=False)
    private = add_article(index, "Tin nội bộ về tê tê xuyên sơn")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    live = add_article(index, "Tin công khai về hội nghị")
    live.title = "Tin công khai về tê tê xuyên sơn"
    live.save_revision()  # a draft change of a published page
    assert result_titles(client, q="te te xuyen son") == []
    assert api_titles(client, search="te te xuyen son") == []


def test_index_follows_publish_and_unpublish(client, demo_content):
    page = add_article(demo_content.news_index, "Khánh thành cầu Hoàng Văn Thụ mới")
    assert result_titles(client, q="cau hoang van thu") == [page.title]
    page.unpublish()
    assert result_titles(client, q="cau hoang van thu") == []
    assert api_titles(client, search="cau hoang van thu") == []
    page = NewsArticlePage.objects.get(pk=page.pk)
    page.title = page.lead = "Thông xe cầu Hoàng Văn Thụ mới"
    publish(page)
    assert result_titles(client, q="thong xe cau hoang van thu") == [page.title]
    assert result_titles(client, q="khanh thanh cau") == []


def test_renamed_agency_reindexes_the_articles(client, demo_content):
    agency = demo_content.agencies["nxb-hai-phong"]
    agency.name = "Nhà xuất bản Duyên Hải"
    publish(agency)
    assert SEED_TITLE in result_titles(client, q="duyen hai")


def test_nothing_found_offers_suggestions(client, demo_content):
    html = client.get("/tim-kiem/", {"q": "giao uoc thi duaa"}).content.decode()
    assert "Không tìm thấy kết quả nào" in html
    assert 'href="?q=giao+%C6%B0%E1%BB%9Bc+thi+%C4%91ua"' in html  # "giao ước thi đua"
    html = client.get("/tim-kiem/", {"q": "thi dua xuyenson"}).content.decode()
    assert "match=any" in html
    html = client.get("/tim-kiem/", {"q": "thi dua", "section": "thong-bao"}).content.decode()
    assert 'href="?q=thi+dua"' in html


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({"q": ""}, 200, "Vui lòng nhập một hoặc nhiều từ cần tìm"),
        ({"q": "   ?!  "}, 200, "Vui lòng nhập một hoặc nhiều từ cần tìm"),
        ({"q": "x" * 10_000}, 400, "Nội dung tìm kiếm quá dài"),
        ({"q": "a\x00b"}, 400, "ký tự không được phép"),
        ({"q": '" AND OR NOT * ( ) NEAR "'}, 200, "kết quả"),
        ({"q": "'; DROP TABLE x; --"}, 200, "kết quả"),
    ],
)
def test_bad_queries_get_a_clear_answer(client, demo_content, params, status, message):
    response = client.get("/tim-kiem/", params)
    assert response.status_code == status
    assert message in response.content.decode()


@pytest.mark.parametrize("search", ['"', "*", "AND", "x" * 10_000, "NEAR(a b)", "thi^2 dua~"])
def test_api_search_never_fails(client, demo_content, search):
    for endpoint in ["pages", "agencies", "people", "awards"]:
        assert client.get(f"/api/v2/{endpoint}/", {"search": search}).status_code == 200


def test_api_search_folds_on_reference_data(client, demo_content):
    response = client.get("/api/v2/agencies/", {"search": "so giao duc"})
    assert [item["abbreviation"] for item in response.json()["items"]] == ["Sở GD&ĐT"]
    response = client.get("/api/v2/people/", {"search": "do van loi"})
    assert [item["name"] for item in response.json()["items"]] == ["Đỗ Văn Lợi"]


def test_english_search(client, demo_content_en):
    titles = result_titles(client, "/en/search/", q="emulation")
    assert titles and all(not title.startswith("Khối") for title in titles)


def test_query_count_does_not_grow_with_results(
    client, demo_content, django_assert_max_num_queries
):
    for number in range(10):
        add_article(demo_content.news_index, f"Hội nghị tổng kết công tác dân vận {number}")
    AnnouncementPage.objects.update(date=timezone.make_aware(datetime(2024, 2, 1)))
    client.get("/tim-kiem/", {"q": "dan van"})
    with django_assert_max_num_queries(40) as few:
        client.get("/tim-kiem/", {"q": "tong ket cong tac dan van 1"})
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/tim-kiem/", {"q": "tong ket cong tac dan van"})
