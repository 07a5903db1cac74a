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
    ("lich tiep cong dan", "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Sở"),
    ("Lịch làm việc dịp nghỉ lễ", "Thông báo lịch làm việc và phân công trực dịp nghỉ lễ"),
    ("tuyen chon to chuc ca nhan chu tri nhiem vu", "Thông báo tuyển chọn tổ chức, cá nhân"),
    ("tuyen dung vien chuc", "Thông báo tuyển dụng viên chức"),
    ("so huu tri tue doanh nghiep nho", "Tập huấn sở hữu trí tuệ cho doanh nghiệp nhỏ và vừa"),
    ("an toan buc xa co so y te", "Tổng kết công tác an toàn bức xạ trong các cơ sở y tế"),
    ("tổng kết công tác an toàn bức xạ", "Tổng kết công tác an toàn bức xạ"),
    ("ngay hoi khoi nghiep", "Ngày hội Khởi nghiệp đổi mới sáng tạo"),
    ("thu tuc hanh chinh truc tuyen toan trinh", "100% thủ tục hành chính của Sở"),
    ("tuan le khoa hoc hoc sinh", "Tuần lễ Khoa học và Công nghệ dành cho học sinh"),
    ("tham dinh danh muc nhiem vu dat hang", "Thẩm định danh mục nhiệm vụ khoa học"),
    ("kiem tra do luong xang dau", "Kiểm tra đo lường, chất lượng xăng dầu"),
    ("tieu chuan quy chuan ky thuat", "Hưởng ứng Ngày Tiêu chuẩn Thế giới"),
    ("diễn đàn đổi mới sáng tạo", "Diễn đàn Đổi mới sáng tạo thành phố Hải Phòng"),
    ("che pham sinh hoc nuoi trong thuy san", "Nghiệm thu đề tài ứng dụng chế phẩm sinh học"),
    ("ket noi cung cau cong nghe", "Chợ Công nghệ và Thiết bị kết nối cung - cầu"),
    ("hop tac dai hoc hang hai", "Ký kết chương trình hợp tác khoa học và công nghệ"),
    ("nong nghiep cong nghe cao", "Hội thảo ứng dụng công nghệ cao trong sản xuất nông nghiệp"),
    ("giai thuong sang tao khoa hoc", "Trao Giải thưởng Sáng tạo khoa học và công nghệ"),
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
