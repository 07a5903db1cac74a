"""The words of the demo's "Giới thiệu" section, in Vietnamese and English: the department's
functions and history, its units' functions and contacts, its leaders' areas and its focal
points (the people and units themselves are listed in `demo.department`)."""

PAGE_SLUG, PAGE_SLUG_EN = "gioi-thieu", "about"
PAGE_TITLE, PAGE_TITLE_EN = "Giới thiệu", "About the department"
# The department's contacts: the portal's settings (footer, contact page, JSON-LD) and the
# department's own Agency record (its page among the blocs' agencies) both take them from here.
ADDRESS = "Số 16 Lý Tự Trọng, phường Hồng Bàng, thành phố Hải Phòng"
ADDRESS_EN = "16 Ly Tu Trong Street, Hong Bang Ward, Hai Phong City"
DEPARTMENT_CONTACT = {"phone": "0225 3842 585", "email": "sokhcn@haiphong.gov.vn"}

# (Vietnamese, English) paragraphs or list items: the page's rich text is built from them.
FUNCTIONS = [
    ("p", "Sở Khoa học và Công nghệ là cơ quan chuyên môn thuộc Ủy ban nhân dân thành phố Hải "
     "Phòng, tham mưu, giúp Ủy ban nhân dân thành phố quản lý nhà nước về khoa học, công nghệ, "
     "đổi mới sáng tạo, chuyển đổi số, tiêu chuẩn, đo lường, chất lượng, sở hữu trí tuệ, năng "
     "lượng nguyên tử, an toàn bức xạ và hạt nhân trên địa bàn thành phố.",
     "The Department of Science and Technology is a specialised agency of the Hai Phong City "
     "People's Committee. It advises and assists the Committee in the state management of "
     "science, technology, innovation, digital transformation, standards, metrology, quality, "
     "intellectual property, atomic energy and radiation and nuclear safety in the city."),
    ("li", "Trình Ủy ban nhân dân thành phố dự thảo quyết định, kế hoạch, chương trình phát triển "
     "khoa học, công nghệ và đổi mới sáng tạo của thành phố.",
     "Submitting to the City People's Committee draft decisions, plans and programmes for the "
     "development of science, technology and innovation in the city."),
    ("li", "Tổ chức quản lý các nhiệm vụ khoa học và công nghệ cấp thành phố; thẩm định, đánh giá "
     "và chuyển giao kết quả nghiên cứu.",
     "Managing city-level science and technology tasks; appraising, evaluating and transferring "
     "research results."),
    ("li", "Quản lý nhà nước về tiêu chuẩn, đo lường, chất lượng sản phẩm, hàng hóa; sở hữu trí "
     "tuệ; an toàn bức xạ và hạt nhân.",
     "State management of standards, metrology and the quality of products and goods; "
     "intellectual property; radiation and nuclear safety."),
    ("li", "Thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo và phòng, chống tham nhũng trong "
     "lĩnh vực được giao.",
     "Inspecting, checking, settling complaints and denunciations and preventing corruption in "
     "its fields."),
]  # fmt: skip
HISTORY = [
    ("p", "Tiền thân của Sở là Ban Khoa học và Kỹ thuật thành phố Hải Phòng, thành lập năm 1976. "
     "Năm 1993 Ban được đổi tên thành Sở Khoa học, Công nghệ và Môi trường, và từ năm 2003 là "
     "Sở Khoa học và Công nghệ.",
     "The department began as the Hai Phong Science and Technology Board, founded in 1976. In "
     "1993 the board became the Department of Science, Technology and Environment, and in 2003 "
     "the Department of Science and Technology."),
    ("p", "Năm 2025, Sở tiếp nhận thêm chức năng quản lý nhà nước về thông tin và truyền thông, "
     "chuyển đổi số khi hợp nhất với Sở Thông tin và Truyền thông.",
     "In 2025 it took over the state management of information, communications and digital "
     "transformation when it merged with the Department of Information and Communications."),
]  # fmt: skip

# Unit slug -> (head slug, head name, head title vi, en, supervisor slug, room, phone, e-mail,
# functions vi, functions en).
UNITS = {
    "van-phong-so": ("do-thi-lan", "Đỗ Thị Lan", "Chánh Văn phòng", "Chief of Office",
        "bui-van-toan", "Tầng 1", "0225 3842 601", "vanphong.skhcn@haiphong.gov.vn",
        "Tham mưu tổng hợp, hành chính, văn thư, lưu trữ, tổ chức cán bộ, thi đua khen thưởng.",
        "General advice, administration, records, staffing and emulation and rewards."),
    "thanh-tra-so": ("vu-quoc-khanh", "Vũ Quốc Khánh", "Chánh Thanh tra", "Chief Inspector",
        "nguyen-thi-minh-ha", "Tầng 2", "0225 3842 602", "thanhtra.skhcn@haiphong.gov.vn",
        "Thanh tra hành chính và thanh tra chuyên ngành khoa học và công nghệ.",
        "Administrative and specialised inspection of science and technology."),
    "phong-ke-hoach-tai-chinh": ("hoang-thi-mai", "Hoàng Thị Mai", "Trưởng phòng",
        "Head of Division", "bui-van-toan", "Tầng 2", "0225 3842 603",
        "khtc.skhcn@haiphong.gov.vn",
        "Xây dựng kế hoạch, dự toán ngân sách khoa học và công nghệ; quản lý tài chính, tài sản.",
        "Planning and budgeting for science and technology; managing finances and assets."),
    "phong-quan-ly-khoa-hoc": ("ngo-van-duc", "Ngô Văn Đức", "Trưởng phòng", "Head of Division",
        "pham-duc-long", "Tầng 3", "0225 3842 604", "qlkh.skhcn@haiphong.gov.vn",
        "Quản lý các nhiệm vụ khoa học và công nghệ cấp thành phố, từ đề xuất đến nghiệm thu.",
        "Managing city-level research tasks, from proposal to acceptance."),
    "phong-quan-ly-cong-nghe": ("dang-minh-tuan", "Đặng Minh Tuấn", "Trưởng phòng",
        "Head of Division", "pham-duc-long", "Tầng 3", "0225 3842 605",
        "qlcn.skhcn@haiphong.gov.vn",
        "Quản lý công nghệ, chuyển giao công nghệ, thị trường công nghệ và đổi mới sáng tạo.",
        "Managing technology, technology transfer, the technology market and innovation."),
    "phong-quan-ly-chuyen-nganh": ("tran-thi-hoa", "Trần Thị Hoa", "Trưởng phòng",
        "Head of Division", "le-thu-trang", "Tầng 4", "0225 3842 606",
        "qlcnganh.skhcn@haiphong.gov.vn",
        "Quản lý sở hữu trí tuệ, năng lượng nguyên tử, an toàn bức xạ và hạt nhân.",
        "Managing intellectual property, atomic energy and radiation and nuclear safety."),
    "chi-cuc-tieu-chuan-do-luong-chat-luong": ("pham-van-hai", "Phạm Văn Hải", "Chi cục trưởng",
        "Director of the Sub-department", "le-thu-trang", "Số 5 Lý Tự Trọng", "0225 3842 607",
        "chicuctdc@haiphong.gov.vn",
        "Quản lý tiêu chuẩn, đo lường, chất lượng sản phẩm, hàng hóa; mã số, mã vạch.",
        "Managing standards, metrology and product quality; bar codes."),
    "trung-tam-ung-dung-khcn": ("le-van-nam", "Lê Văn Nam", "Giám đốc Trung tâm",
        "Director of the Centre", "pham-duc-long", "Số 2 Lê Đại Hành", "0225 3842 608",
        "ttud.skhcn@haiphong.gov.vn",
        "Ứng dụng, chuyển giao tiến bộ khoa học và công nghệ; dịch vụ kiểm định, thử nghiệm.",
        "Applying and transferring scientific advances; testing and calibration services."),
}  # fmt: skip

# Leader slug -> (official e-mail, phone, [areas vi], [areas en]).
LEADERS = {
    "nguyen-thi-minh-ha": ("ntmha@haiphong.gov.vn", "0225 3842 610",
        ["Lãnh đạo, điều hành chung mọi hoạt động của Sở", "Tổ chức cán bộ, thanh tra"],
        ["Overall leadership of the department", "Staffing and inspection"]),
    "bui-van-toan": ("bvtoan@haiphong.gov.vn", "0225 3842 611",
        ["Kế hoạch, tài chính, hành chính", "Cải cách hành chính"],
        ["Planning, finance and administration", "Administrative reform"]),
    "pham-duc-long": ("pdlong@haiphong.gov.vn", "0225 3842 612",
        ["Quản lý khoa học", "Công nghệ và đổi mới sáng tạo"],
        ["Science management", "Technology and innovation"]),
    "le-thu-trang": ("lttrang@haiphong.gov.vn", "0225 3842 613",
        ["Tiêu chuẩn, đo lường, chất lượng", "Sở hữu trí tuệ, an toàn bức xạ"],
        ["Standards, metrology and quality", "Intellectual property and radiation safety"]),
}  # fmt: skip

# (person slug, role vi, role en, phone, e-mail): the focal points for information provision.
FOCAL_POINTS = [
    ("bui-van-toan", "Người phát ngôn của Sở", "Spokesperson of the department",
     "0225 3842 611", "phatngon.skhcn@haiphong.gov.vn"),
    ("do-thi-lan", "Đầu mối cung cấp thông tin theo Luật Tiếp cận thông tin",
     "Focal point for access to information", "0225 3842 601", "vanphong.skhcn@haiphong.gov.vn"),
]  # fmt: skip

# When each leader took up their present post (their former posts come before).
POSTS_FROM = {"nguyen-thi-minh-ha": (2019, 2023), "bui-van-toan": (2015, 2021),
              "pham-duc-long": (2016, 2022), "le-thu-trang": (2018, 2024)}  # fmt: skip
FORMER_POST = ("Trưởng phòng Quản lý khoa học", "Head of the Science Management Division")


def rich_text(rows, english=False):
    """HTML from (tag, vi, en) rows: paragraphs, and consecutive items in one list."""
    html, in_list = [], False
    for tag, vietnamese, english_text in rows:
        text = english_text if english else vietnamese
        if tag == "li" and not in_list:
            html.append("<ul>")
        if tag != "li" and in_list:
            html.append("</ul>")
        in_list = tag == "li"
        html.append(f"<{tag}>{text}</{tag}>")
    return "".join(html) + ("</ul>" if in_list else "")


def items(texts):
    return "<ul>" + "".join(f"<li>{text}</li>" for text in texts) + "</ul>"
