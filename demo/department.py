"""The demo department's people and units, shared by the organisation and the work calendar
demos (each creates what is missing by these slugs, so either may run first).
"""

# The operating agency (demo.data.AGENCIES) whose units and leaders these are.
DEPARTMENT_SLUG = "so-khcn"

# (slug, name, Vietnamese position, English position, role): the director first.
LEADERS = [
    ("nguyen-thi-minh-ha", "Nguyễn Thị Minh Hà", "Giám đốc Sở Khoa học và Công nghệ",
     "Director of the Department of Science and Technology", "director"),
    ("bui-van-toan", "Bùi Văn Toàn", "Phó Giám đốc Sở Khoa học và Công nghệ",
     "Deputy Director of the Department of Science and Technology", "deputy"),
    ("pham-duc-long", "Phạm Đức Long", "Phó Giám đốc Sở Khoa học và Công nghệ",
     "Deputy Director of the Department of Science and Technology", "deputy"),
    ("le-thu-trang", "Lê Thu Trang", "Phó Giám đốc Sở Khoa học và Công nghệ",
     "Deputy Director of the Department of Science and Technology", "deputy"),
]  # fmt: skip

# (slug, Vietnamese name, English name, kind): the department's units, in the chart's order.
UNITS = [
    ("van-phong-so", "Văn phòng Sở", "Department Office", "division"),
    ("thanh-tra-so", "Thanh tra Sở", "Department Inspectorate", "division"),
    ("phong-ke-hoach-tai-chinh", "Phòng Kế hoạch - Tài chính",
     "Planning and Finance Division", "division"),
    ("phong-quan-ly-khoa-hoc", "Phòng Quản lý khoa học",
     "Science Management Division", "division"),
    ("phong-quan-ly-cong-nghe", "Phòng Quản lý công nghệ và Thị trường công nghệ",
     "Technology and Technology Market Management Division", "division"),
    ("phong-quan-ly-chuyen-nganh", "Phòng Quản lý chuyên ngành",
     "Specialised Management Division", "division"),
    ("chi-cuc-tieu-chuan-do-luong-chat-luong", "Chi cục Tiêu chuẩn Đo lường Chất lượng",
     "Sub-department of Standards, Metrology and Quality", "sub_department"),
    ("trung-tam-ung-dung-khcn", "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
     "Centre for the Application of Scientific and Technological Advances",
     "public_service_unit"),
]  # fmt: skip
