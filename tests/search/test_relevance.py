"""Precision at 1 of a relevance set over the demo content and generated articles."""

import pytest

from demo.data import SEED_TITLE
from demo.generator import generate_articles
from search.views import searchable_pages

pytestmark = pytest.mark.django_db

BLOC = "Khối các cơ quan Quản lý nhà nước về Văn hóa - xã hội thành phố"
# (query, expected first result: a title, or the start of one).
RELEVANCE_SET = [
    ("ky giao uoc thi dua 2024", SEED_TITLE),
    ("Ký giao ước thi đua năm 2024", SEED_TITLE),
    ("do van loi", SEED_TITLE),
    ("Đỗ Văn Lợi", SEED_TITLE),
    ("hoang minh cuong", SEED_TITLE),
    ("Hoàng Minh Cường phó chủ tịch", SEED_TITLE),
    ("chieu minh", SEED_TITLE),
    ("KH&CN don vi dan dau", SEED_TITLE),
    ("khcn dan dau khoi thi dua", SEED_TITLE),
    ("bang khen 07 tap the", SEED_TITLE),
    ("van hoa xa hoi giao uoc", SEED_TITLE),
    ("nha xuat ban hai phong giao uoc", SEED_TITLE),
    ("doan ket sang tao tang toc", BLOC),
    ("khối văn hóa xã hội", BLOC),
    ("lich tiep cong dan", "Thông báo minh họa: Lịch tiếp công dân định kỳ"),
    ("Lịch làm việc dịp nghỉ lễ", "Thông báo minh họa: Lịch làm việc dịp nghỉ lễ"),
    ("tuyen chon nhiem vu khoa hoc", "Thông báo minh họa: Tuyển chọn nhiệm vụ khoa học"),
    ("so huu tri tue doanh nghiep nho", "Bài viết minh họa 2:"),
    ("an toan buc xa", "Bài viết minh họa 8:"),
    ("tổng kết công tác an toàn bức xạ", "Bài viết minh họa 8:"),
    ("he sinh thai khoi nghiep", "Bài viết minh họa 6:"),
    ("thu tuc hanh chinh truc tuyen toan trinh", "Bài viết minh họa 7:"),
    ("tuan le khoa hoc hoc sinh", "Bài viết minh họa 13:"),
    ("tham dinh nhiem vu khoa hoc cap thanh pho", "Bài viết minh họa 3:"),
    ("do luong chat luong hang hoa cuoi nam", "Bài viết minh họa 5:"),
    ("tieu chuan quy chuan ky thuat", "Bài viết minh họa 12:"),
    ("ứng dụng công nghệ số quản lý nhà nước", "Bài viết minh họa 1:"),
    ("chuong trinh doi moi sang tao dang ky", "Bài viết minh họa 4:"),
    ("ke hoach chuyen doi so nam moi", "Bài viết minh họa 9:"),
    ("nghien cuu ung dung nong nghiep", "Bài viết minh họa 11:"),
    ("so 17", "(số 17)"),
    ("bai tong hop so 23", "(số 23)"),
]


def test_precision_at_one(demo_content, capsys):
    generate_articles(demo_content.news_index, 40, seed=8)
    pages = searchable_pages(demo_content.news_index.locale)
    hits, misses = 0, []
    for query, expected in RELEVANCE_SET:
        first = next(iter(pages.search(query, operator="and")[:1]), None)
        title = first.title if first else None
        if title and (title == expected or title.startswith(expected) or expected in title):
            hits += 1
        else:
            misses.append((query, title))
    precision = hits / len(RELEVANCE_SET)
    with capsys.disabled():
        print(f"\nsearch precision@1: {precision:.3f} over {len(RELEVANCE_SET)} queries")
    assert len(RELEVANCE_SET) >= 30
    assert precision >= 0.9, misses
