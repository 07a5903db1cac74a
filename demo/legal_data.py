"""The demo registry's words: document types, subject areas, the signers, about thirty
documents of the department (Sở KH&CN) and the city People's Committee, their relations, two
drafts for comment and the comments on them; what `demo.legal` builds, kept apart from how.

Dates are real dates, or whole numbers of days from the day the demo is loaded (so that a
document is "not yet in force" and a comment window open whenever `make run` is run); a
number holding `{year}` takes the year of its issue date.
"""

from dataclasses import dataclass
from datetime import date

# (slug, name, English name, legal normative document): a provincial People's Committee's
# decisions are its legal normative form (Law on the Promulgation of Legal Documents), so
# "Quyết định" counts as one, beside laws, decrees and circulars.
DOCUMENT_TYPES = [
    ("luat", "Luật", "Law", True),
    ("nghi-dinh", "Nghị định", "Decree", True),
    ("thong-tu", "Thông tư", "Circular", True),
    ("quyet-dinh", "Quyết định", "Decision", True),
    ("chi-thi", "Chỉ thị", "Directive", False),
    ("ke-hoach", "Kế hoạch", "Plan", False),
    ("cong-van", "Công văn", "Official letter", False),
    ("bao-cao", "Báo cáo", "Report", False),
    ("huong-dan", "Hướng dẫn", "Guidance", False),
    ("thong-bao", "Thông báo", "Notice", False),
]

SUBJECT_AREAS = [
    ("giao-duc", "Giáo dục", "Education"),
    ("khoa-hoc-cong-nghe", "Khoa học và Công nghệ", "Science and technology"),
    ("noi-vu", "Nội vụ", "Home affairs"),
    ("thi-dua-khen-thuong", "Thi đua - Khen thưởng", "Emulation and awards"),
    ("tai-chinh", "Tài chính", "Finance"),
    ("y-te", "Y tế", "Health"),
    ("chuyen-doi-so", "Chuyển đổi số", "Digital transformation"),
    ("so-huu-tri-tue", "Sở hữu trí tuệ", "Intellectual property"),
    ("tieu-chuan-do-luong-chat-luong", "Tiêu chuẩn - Đo lường - Chất lượng", "Standards, "
     "metrology and quality"),
    ("cai-cach-hanh-chinh", "Cải cách hành chính", "Administrative reform"),
]  # fmt: skip

# Signers besides the seed's Hoàng Minh Cường: (slug, name, position, English position, agency).
SIGNERS = [
    ("tran-duc-khang", "Trần Đức Khang", "Chủ tịch UBND thành phố",
     "Chairman of the city People's Committee", "ubnd-thanh-pho"),
    ("nguyen-thi-minh-ha", "Nguyễn Thị Minh Hà", "Giám đốc Sở Khoa học và Công nghệ",
     "Director of the Department of Science and Technology", "so-khcn"),
    ("bui-van-toan", "Bùi Văn Toàn", "Phó Giám đốc Sở Khoa học và Công nghệ",
     "Deputy Director of the Department of Science and Technology", "so-khcn"),
]  # fmt: skip

# Person slug -> (title at signing, the signature block's lines above the name).
SIGNATURES = {
    "tran-duc-khang": ("Chủ tịch", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
    "hoang-minh-cuong": ("Phó Chủ tịch", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
    "nguyen-thi-minh-ha": ("Giám đốc", ["GIÁM ĐỐC"]),
    "bui-van-toan": ("Phó Giám đốc", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
}
# Agency slug -> the header's lines, and the abbreviation of the place the agency sits in.
HEADERS = {
    "ubnd-thanh-pho": ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"],
    "so-khcn": ["UBND THÀNH PHỐ HẢI PHÒNG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"],
}


@dataclass(frozen=True)
class Spec:
    """One demo document; `issued` and `effective` are dates or days from today."""

    slug: str
    type: str
    number: str
    issuer: str
    signer: str
    area: str
    issued: date | int
    title: str
    abstract: str
    effective: date | int | None = None
    expiry: date | None = None
    full_text: bool = False
    docx: bool = False


UB, SO = "ubnd-thanh-pho", "so-khcn"
KHCN, TC, TD = "khoa-hoc-cong-nghe", "tai-chinh", "thi-dua-khen-thuong"
DOCUMENTS = [
    Spec("quyet-dinh-12-2020-qd-ubnd", "quyet-dinh", "12/2020/QĐ-UBND", UB, "tran-duc-khang",
         KHCN, date(2020, 6, 15), "Quy chế quản lý nhiệm vụ khoa học và công nghệ cấp thành phố "
         "(năm 2020)", "Quyết định ban hành Quy chế quản lý nhiệm vụ khoa học và công nghệ cấp "
         "thành phố Hải Phòng.", effective=date(2020, 6, 25)),
    Spec("quyet-dinh-15-2024-qd-ubnd", "quyet-dinh", "15/2024/QĐ-UBND", UB, "tran-duc-khang",
         KHCN, date(2024, 3, 12), "Quy chế quản lý nhiệm vụ khoa học và công nghệ cấp thành phố",
         "Quyết định ban hành Quy chế quản lý nhiệm vụ khoa học và công nghệ cấp thành phố Hải "
         "Phòng, thay thế Quyết định số 12/2020/QĐ-UBND.", effective=date(2024, 3, 22),
         full_text=True),
    Spec("quyet-dinh-08-2025-qd-ubnd", "quyet-dinh", "08/2025/QĐ-UBND", UB, "hoang-minh-cuong",
         KHCN, date(2025, 4, 10), "Sửa đổi, bổ sung Quy chế quản lý nhiệm vụ khoa học và công "
         "nghệ cấp thành phố", "Quyết định sửa đổi, bổ sung một số điều của Quy chế quản lý nhiệm "
         "vụ khoa học và công nghệ cấp thành phố ban hành kèm theo Quyết định số "
         "15/2024/QĐ-UBND.", effective=date(2025, 4, 20)),
    Spec("quyet-dinh-21-2022-qd-ubnd", "quyet-dinh", "21/2022/QĐ-UBND", UB, "hoang-minh-cuong",
         TC, date(2022, 8, 5), "Định mức xây dựng dự toán nhiệm vụ khoa học và công nghệ",
         "Quyết định quy định định mức xây dựng, phân bổ dự toán kinh phí đối với nhiệm vụ khoa "
         "học và công nghệ có sử dụng ngân sách nhà nước của thành phố.",
         effective=date(2022, 8, 15)),
    Spec("quyet-dinh-27-2025-qd-ubnd", "quyet-dinh", "27/2025/QĐ-UBND", UB, "hoang-minh-cuong",
         TC, date(2025, 9, 18), "Bãi bỏ một số điều của Quy định định mức dự toán nhiệm vụ khoa "
         "học và công nghệ", "Quyết định bãi bỏ Điều 5 và Điều 7 của Quy định ban hành kèm theo "
         "Quyết định số 21/2022/QĐ-UBND về định mức xây dựng dự toán nhiệm vụ khoa học và công "
         "nghệ.", effective=date(2025, 10, 1), full_text=True),
    Spec("quyet-dinh-34-qd-ubnd-ho-tro-doi-moi-cong-nghe", "quyet-dinh", "34/{year}/QĐ-UBND", UB,
         "tran-duc-khang", KHCN, -6, "Chính sách hỗ trợ doanh nghiệp đổi mới công nghệ",
         "Quyết định quy định chính sách hỗ trợ doanh nghiệp đổi mới công nghệ, chuyển giao công "
         "nghệ trên địa bàn thành phố Hải Phòng.", effective=15, full_text=True),
    Spec("quyet-dinh-2456-qd-ubnd", "quyet-dinh", "2456/QĐ-UBND", UB, "hoang-minh-cuong", KHCN,
         date(2024, 9, 20), "Danh mục nhiệm vụ khoa học và công nghệ cấp thành phố từ năm 2025",
         "Quyết định phê duyệt danh mục nhiệm vụ khoa học và công nghệ cấp thành phố đặt hàng để "
         "tuyển chọn, giao trực tiếp thực hiện từ năm 2025."),
    Spec("chi-thi-05-ct-ubnd", "chi-thi", "05/CT-UBND", UB, "tran-duc-khang", TD,
         date(2023, 2, 14), "Tăng cường công tác thi đua, khen thưởng năm 2023", "Chỉ thị về việc "
         "tăng cường công tác thi đua, khen thưởng, phát động phong trào thi đua năm 2023.",
         expiry=date(2024, 1, 1)),
    Spec("ke-hoach-120-kh-ubnd", "ke-hoach", "120/KH-UBND", UB, "hoang-minh-cuong",
         "so-huu-tri-tue", date(2024, 5, 20), "Phát triển tài sản trí tuệ giai đoạn 2024-2030",
         "Kế hoạch triển khai Chương trình phát triển tài sản trí tuệ thành phố Hải Phòng giai "
         "đoạn 2024-2030."),
    Spec("cong-van-3456-ubnd-vx", "cong-van", "3456/UBND-VX", UB, "hoang-minh-cuong",
         "tieu-chuan-do-luong-chat-luong", date(2025, 7, 2), "Kiểm tra chất lượng hàng hóa, đo "
         "lường cuối năm", "V/v tăng cường kiểm tra nhà nước về chất lượng sản phẩm, hàng hóa và "
         "đo lường trên địa bàn thành phố dịp cuối năm 2025."),
    Spec("thong-bao-215-tb-ubnd", "thong-bao", "215/TB-UBND", UB, "hoang-minh-cuong", KHCN,
         date(2025, 6, 12), "Kết luận buổi làm việc với Sở Khoa học và Công nghệ", "Thông báo kết "
         "luận của Phó Chủ tịch UBND thành phố Hoàng Minh Cường tại buổi làm việc với Sở Khoa học "
         "và Công nghệ về tình hình thực hiện nhiệm vụ năm 2025."),
    Spec("quyet-dinh-30-2023-qd-ubnd", "quyet-dinh", "30/2023/QĐ-UBND", UB, "tran-duc-khang", TD,
         date(2023, 11, 2), "Quy định về công tác thi đua, khen thưởng", "Quyết định ban hành Quy "
         "định về công tác thi đua, khen thưởng trên địa bàn thành phố Hải Phòng.",
         effective=date(2023, 11, 15)),
    Spec("chi-thi-12-ct-ubnd", "chi-thi", "12/CT-UBND", UB, "tran-duc-khang", "chuyen-doi-so",
         date(2025, 10, 8), "Đẩy mạnh chuyển đổi số trong cơ quan nhà nước", "Chỉ thị về việc đẩy "
         "mạnh chuyển đổi số, phát triển chính quyền số trong các cơ quan nhà nước của thành "
         "phố."),
    Spec("quyet-dinh-18-2024-qd-ubnd", "quyet-dinh", "18/2024/QĐ-UBND", UB, "hoang-minh-cuong",
         "giao-duc", date(2024, 8, 20), "Mức thu học phí năm học 2024-2025", "Quyết định quy định "
         "mức thu học phí năm học 2024-2025 đối với cơ sở giáo dục mầm non, giáo dục phổ thông "
         "công lập trên địa bàn thành phố.", effective=date(2024, 9, 1),
         expiry=date(2025, 9, 1)),
    Spec("ke-hoach-245-kh-ubnd", "ke-hoach", "245/KH-UBND", UB, "hoang-minh-cuong", "y-te",
         date(2025, 11, 20), "Phòng, chống dịch bệnh truyền nhiễm năm 2026", "Kế hoạch phòng, "
         "chống dịch bệnh truyền nhiễm trên địa bàn thành phố Hải Phòng năm 2026.",
         effective=date(2026, 1, 1)),
    Spec("quyet-dinh-25-2025-qd-ubnd", "quyet-dinh", "25/2025/QĐ-UBND", UB, "tran-duc-khang",
         "noi-vu", date(2025, 8, 15), "Chức năng, nhiệm vụ của Sở Khoa học và Công nghệ",
         "Quyết định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Khoa học và "
         "Công nghệ thành phố Hải Phòng.", effective=date(2025, 9, 1)),
    Spec("huong-dan-05-hd-skhcn", "huong-dan", "05/HD-SKHCN", SO, "nguyen-thi-minh-ha", KHCN,
         date(2024, 4, 15), "Hướng dẫn thực hiện Quy chế quản lý nhiệm vụ khoa học và công nghệ",
         "Hướng dẫn thực hiện Quy chế quản lý nhiệm vụ khoa học và công nghệ cấp thành phố ban "
         "hành kèm theo Quyết định số 15/2024/QĐ-UBND.", full_text=True),
    Spec("ke-hoach-45-kh-skhcn", "ke-hoach", "45/KH-SKHCN", SO, "bui-van-toan", KHCN,
         date(2025, 2, 10), "Hưởng ứng Ngày Khoa học và Công nghệ Việt Nam năm 2025", "Kế hoạch tổ "
         "chức các hoạt động hưởng ứng Ngày Khoa học và Công nghệ Việt Nam 18/5 năm 2025.",
         docx=True),
    Spec("bao-cao-210-bc-skhcn", "bao-cao", "210/BC-SKHCN", SO, "nguyen-thi-minh-ha", KHCN,
         date(2024, 12, 10), "Tổng kết công tác khoa học và công nghệ năm 2024", "Báo cáo tổng kết "
         "công tác khoa học và công nghệ năm 2024, phương hướng, nhiệm vụ năm 2025."),
    Spec("cong-van-1234-skhcn-vp", "cong-van", "1234/SKHCN-VP", SO, "bui-van-toan", KHCN,
         date(2025, 8, 26), "Đề xuất đặt hàng nhiệm vụ khoa học và công nghệ năm 2026", "V/v đề "
         "xuất đặt hàng nhiệm vụ khoa học và công nghệ cấp thành phố thực hiện từ năm 2026."),
    Spec("cong-van-987-skhcn-qlcn", "cong-van", "987/SKHCN-QLCN", SO, "bui-van-toan", KHCN,
         date(2024, 7, 3), "Hướng dẫn đăng ký chuyển giao công nghệ", "V/v hướng dẫn hồ sơ, thủ "
         "tục đăng ký hợp đồng chuyển giao công nghệ trên địa bàn thành phố."),
    Spec("quyet-dinh-88-qd-skhcn", "quyet-dinh", "88/QĐ-SKHCN", SO, "nguyen-thi-minh-ha",
         "noi-vu", date(2021, 4, 12), "Quy chế làm việc của Sở Khoa học và Công nghệ (năm 2021)",
         "Quyết định ban hành Quy chế làm việc của Sở Khoa học và Công nghệ."),
    Spec("quyet-dinh-156-qd-skhcn", "quyet-dinh", "156/QĐ-SKHCN", SO, "nguyen-thi-minh-ha",
         "noi-vu", date(2025, 3, 1), "Quy chế làm việc của Sở Khoa học và Công nghệ",
         "Quyết định ban hành Quy chế làm việc của Sở Khoa học và Công nghệ, thay thế Quyết định "
         "số 88/QĐ-SKHCN.", full_text=True),
    Spec("thong-bao-78-tb-skhcn", "thong-bao", "78/TB-SKHCN", SO, "bui-van-toan", KHCN,
         date(2025, 10, 20), "Tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ năm 2026", "Thông báo "
         "tuyển chọn tổ chức, cá nhân chủ trì thực hiện nhiệm vụ khoa học và công nghệ cấp thành "
         "phố năm 2026."),
    Spec("ke-hoach-12-kh-skhcn", "ke-hoach", "12/KH-SKHCN", SO, "nguyen-thi-minh-ha", TD,
         date(2024, 1, 20), "Công tác thi đua, khen thưởng năm 2024", "Kế hoạch công tác thi đua, "
         "khen thưởng năm 2024 của Sở Khoa học và Công nghệ.", expiry=date(2025, 1, 1)),
    Spec("bao-cao-98-bc-skhcn", "bao-cao", "98/BC-SKHCN", SO, "bui-van-toan",
         "cai-cach-hanh-chinh", date(2025, 6, 20), "Cải cách hành chính 6 tháng đầu năm 2025",
         "Báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2025."),
    Spec("huong-dan-11-hd-skhcn", "huong-dan", "11/HD-SKHCN", SO, "bui-van-toan",
         "tieu-chuan-do-luong-chat-luong", date(2025, 5, 6), "Áp dụng TCVN ISO 9001:2015 trong "
         "cơ quan hành chính", "Hướng dẫn xây dựng, áp dụng, duy trì và cải tiến hệ thống quản lý "
         "chất lượng theo TCVN ISO 9001:2015 tại các cơ quan hành chính."),
    Spec("quyet-dinh-402-qd-skhcn", "quyet-dinh", "402/QĐ-SKHCN", SO, "nguyen-thi-minh-ha",
         "chuyen-doi-so", -3, "Quy định quản lý, sử dụng hệ thống thông tin của Sở",
         "Quyết định ban hành Quy định về quản lý, vận hành và sử dụng các hệ thống thông tin của "
         "Sở Khoa học và Công nghệ.", effective=12),
    Spec("cong-van-456-skhcn-tdc", "cong-van", "456/SKHCN-TĐC", SO, "bui-van-toan",
         "tieu-chuan-do-luong-chat-luong", date(2025, 12, 15), "Kiểm tra đo lường, chất lượng "
         "hàng hóa dịp Tết Bính Ngọ", "V/v kiểm tra nhà nước về đo lường, chất lượng hàng hóa "
         "lưu thông trên thị trường dịp Tết Nguyên đán Bính Ngọ 2026."),
    Spec("quyet-dinh-210-qd-skhcn", "quyet-dinh", "210/QĐ-SKHCN", SO, "nguyen-thi-minh-ha", TC,
         date(2024, 11, 5), "Giao dự toán ngân sách năm 2025 cho các đơn vị trực thuộc",
         "Quyết định giao dự toán thu, chi ngân sách nhà nước năm 2025 cho các đơn vị trực thuộc "
         "Sở Khoa học và Công nghệ.", expiry=date(2026, 1, 1)),
]  # fmt: skip

# (source, kind, target): what a document does to another (legal_documents.status).
RELATIONS = [
    ("quyet-dinh-15-2024-qd-ubnd", "replaces", "quyet-dinh-12-2020-qd-ubnd"),
    ("quyet-dinh-08-2025-qd-ubnd", "amends", "quyet-dinh-15-2024-qd-ubnd"),
    ("quyet-dinh-27-2025-qd-ubnd", "partially_repeals", "quyet-dinh-21-2022-qd-ubnd"),
    ("huong-dan-05-hd-skhcn", "guides", "quyet-dinh-15-2024-qd-ubnd"),
    ("quyet-dinh-156-qd-skhcn", "replaces", "quyet-dinh-88-qd-skhcn"),
]


@dataclass(frozen=True)
class DraftSpec:
    """A draft for comment: its comment window opens and closes `opens`, `closes` days from
    today."""

    slug: str
    type: str
    issuer: str
    area: str
    title: str
    abstract: str
    opens: int
    closes: int


DRAFTS = [
    DraftSpec("du-thao-chinh-sach-ho-tro-khoi-nghiep-doi-moi-sang-tao", "quyet-dinh", UB, KHCN,
              "Dự thảo Quyết định quy định chính sách hỗ trợ khởi nghiệp đổi mới sáng tạo",
              "Dự thảo Quyết định quy định chính sách hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng "
              "tạo trên địa bàn thành phố Hải Phòng, do Sở Khoa học và Công nghệ chủ trì soạn "
              "thảo, lấy ý kiến nhân dân, tổ chức, doanh nghiệp.", opens=-10, closes=20),
    DraftSpec("du-thao-quy-che-quan-ly-nhiem-vu-cap-co-so", "quyet-dinh", SO, KHCN,
              "Dự thảo Quy chế quản lý nhiệm vụ khoa học và công nghệ cấp cơ sở",
              "Dự thảo Quyết định ban hành Quy chế quản lý nhiệm vụ khoa học và công nghệ cấp "
              "cơ sở của Sở Khoa học và Công nghệ.", opens=-60, closes=-30),
]  # fmt: skip

# (draft, name, organisation, e-mail, article, comment, show identity, status, days ago).
COMMENTS = [
    ("du-thao-chinh-sach-ho-tro-khoi-nghiep-doi-moi-sang-tao", "Nguyễn Văn Hải",
     "Công ty Cổ phần Công nghệ Biển Xanh", "hai.nguyen@example.com", "Điều 5, khoản 2",
     "Đề nghị nâng mức hỗ trợ thuê văn phòng làm việc chung cho doanh nghiệp khởi nghiệp từ "
     "12 tháng lên 24 tháng, vì thời gian thương mại hóa sản phẩm thường kéo dài.", True,
     "approved", 8),
    ("du-thao-chinh-sach-ho-tro-khoi-nghiep-doi-moi-sang-tao", "Trần Thị Lan", "",
     "lan.tran@example.com", "Điều 3",
     "Nên làm rõ tiêu chí xác định dự án khởi nghiệp đổi mới sáng tạo, tránh trùng lặp với "
     "chính sách hỗ trợ doanh nghiệp nhỏ và vừa.", False, "approved", 6),
    ("du-thao-chinh-sach-ho-tro-khoi-nghiep-doi-moi-sang-tao", "Phạm Quốc Việt",
     "Trường Đại học Hàng hải Việt Nam", "viet.pham@example.com", "Điều 8",
     "Đề nghị bổ sung đối tượng là nhóm nghiên cứu của sinh viên trong các trường đại học.",
     True, "pending", 1),
    ("du-thao-quy-che-quan-ly-nhiem-vu-cap-co-so", "Lê Minh Tuấn",
     "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ", "tuan.le@example.com", "Điều 12",
     "Thời hạn nộp báo cáo tổng kết nên là 30 ngày kể từ ngày kết thúc nhiệm vụ.", True,
     "approved", 45),
]  # fmt: skip

# Documents translated into English: slug -> (English slug, title, abstract).
ENGLISH = {
    "quyet-dinh-15-2024-qd-ubnd": ("decision-15-2024-qd-ubnd", "Regulation on the management "
        "of city-level science and technology tasks", "Decision issuing the Regulation on the "
        "management of Hai Phong's city-level science and technology tasks, replacing Decision "
        "No. 12/2020/QĐ-UBND."),
    "quyet-dinh-08-2025-qd-ubnd": ("decision-08-2025-qd-ubnd", "Amendments to the Regulation "
        "on the management of city-level science and technology tasks", "Decision amending and "
        "supplementing some articles of the Regulation issued with Decision No. "
        "15/2024/QĐ-UBND."),
    "quyet-dinh-21-2022-qd-ubnd": ("decision-21-2022-qd-ubnd", "Norms for estimating the "
        "budgets of science and technology tasks", "Decision setting the norms for drawing up "
        "and allocating the budgets of science and technology tasks funded by the state."),
    "quyet-dinh-27-2025-qd-ubnd": ("decision-27-2025-qd-ubnd", "Repeal of some articles of the "
        "norms for science and technology task budgets", "Decision repealing Articles 5 and 7 "
        "of the Regulation issued with Decision No. 21/2022/QĐ-UBND."),
}  # fmt: skip

INDEX_TITLE, INDEX_SLUG = "Văn bản", "van-ban"
INDEX_INTRO = (
    "<p>Văn bản quy phạm pháp luật, văn bản chỉ đạo điều hành của Ủy ban nhân dân thành phố và "
    "Sở Khoa học và Công nghệ; dự thảo văn bản lấy ý kiến nhân dân.</p>"
)
# What the English index page says (demo.english's tables, for wagtail-localize).
INDEX_STRINGS = {
    INDEX_TITLE: "Legal documents",
    INDEX_SLUG: "legal-documents",
    INDEX_INTRO[3:-4]: "Legal documents and directives of the city People's Committee and the "
    "Department of Science and Technology; draft documents open for public comment.",
}
# Signers' titles at signing, in English.
TITLES_EN = {
    "Chủ tịch": "Chairman",
    "Phó Chủ tịch": "Vice Chairman",
    "Giám đốc": "Director",
    "Phó Giám đốc": "Deputy Director",
}
