"""The words of the demo work calendar, in Vietnamese and English (demo.work_calendar)."""

# (weekday 0-6, start "HH:MM", end "HH:MM" or "", presider slug, unit slugs,
#  (Vietnamese content, English content), (Vietnamese venue, English venue),
#  (Vietnamese other participants, English), (Vietnamese preparer, English))
ACTIVITIES = [
    (0, "08:00", "10:00", "nguyen-thi-minh-ha", ["van-phong-so", "phong-ke-hoach-tai-chinh"],
     ("Họp giao ban Ban Giám đốc Sở", "Weekly meeting of the Department's leadership"),
     ("Phòng họp tầng 3", "Meeting room, 3rd floor"),
     ("Trưởng các phòng, đơn vị", "Heads of divisions and units"),
     ("Văn phòng Sở", "Department Office")),
    (0, "14:00", "16:30", "bui-van-toan", ["phong-quan-ly-khoa-hoc"],
     ("Hội đồng tư vấn xác định nhiệm vụ khoa học và công nghệ cấp thành phố",
      "Advisory council selecting city-level science and technology tasks"),
     ("Phòng họp số 2", "Meeting room 2"), ("Các thành viên Hội đồng", "Council members"),
     ("Phòng Quản lý khoa học", "Science Management Division")),
    (1, "08:30", "11:00", "pham-duc-long", ["chi-cuc-tieu-chuan-do-luong-chat-luong"],
     ("Kiểm tra đo lường xăng dầu tại các cửa hàng trên địa bàn",
      "Metrology inspection at the city's fuel stations"),
     ("Các cửa hàng xăng dầu", "Fuel stations"), ("", ""),
     ("Chi cục Tiêu chuẩn Đo lường Chất lượng",
      "Sub-department of Standards, Metrology and Quality")),
    (2, "08:00", "11:30", "nguyen-thi-minh-ha", ["phong-quan-ly-cong-nghe"],
     ("Làm việc với doanh nghiệp khởi nghiệp đổi mới sáng tạo",
      "Working session with innovative start-ups"),
     ("Trung tâm Đổi mới sáng tạo thành phố", "City Innovation Centre"),
     ("Đại diện các doanh nghiệp", "Company representatives"),
     ("Phòng Quản lý công nghệ và Thị trường công nghệ",
      "Technology and Technology Market Management Division")),
    (2, "14:00", "", "le-thu-trang", ["thanh-tra-so"],
     ("Tiếp công dân định kỳ", "Regular reception of citizens"),
     ("Phòng tiếp công dân", "Citizens' reception room"), ("", ""),
     ("Thanh tra Sở", "Department Inspectorate")),
    (3, "08:00", "17:00", "bui-van-toan", ["trung-tam-ung-dung-khcn"],
     ("Nghiệm thu mô hình ứng dụng tiến bộ kỹ thuật trong nông nghiệp",
      "Acceptance of a pilot applying technical advances in agriculture"),
     ("Huyện Thủy Nguyên", "Thuy Nguyen district"), ("", ""),
     ("Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
      "Centre for the Application of Scientific and Technological Advances")),
    (4, "09:00", "11:00", "nguyen-thi-minh-ha", ["phong-ke-hoach-tai-chinh"],
     ("Họp Ủy ban nhân dân thành phố về kế hoạch ngân sách khoa học",
      "City People's Committee meeting on the science budget plan"),
     ("Trụ sở Ủy ban nhân dân thành phố", "City People's Committee"), ("", ""),
     ("Phòng Kế hoạch - Tài chính", "Planning and Finance Division")),
    (4, "14:00", "16:00", "pham-duc-long", ["phong-quan-ly-chuyen-nganh"],
     ("Thẩm định hồ sơ cấp phép tiến hành công việc bức xạ",
      "Review of applications for radiation work licences"),
     ("Phòng họp số 1", "Meeting room 1"), ("", ""),
     ("Phòng Quản lý chuyên ngành", "Specialised Management Division")),
]  # fmt: skip

# The activities of each week, by offset from this week: a different mix each week.
WEEKS = {-2: [0, 1, 2, 4, 6], -1: [0, 3, 5, 7], 0: [0, 1, 3, 4, 6, 7], 1: [0, 2, 5, 6]}

# What changed after approval, in the weeks that had changes: the first entry moved, and
# one added (lịch bổ sung).
MOVED = {
    "start": "09:00",
    "end": "11:00",
    "venue": ("Hội trường tầng 1", "Main hall, ground floor"),
}
ADDED = (3, "15:00", "16:30", "le-thu-trang", ["van-phong-so"],
         ("Làm việc với Đoàn kiểm tra công tác cải cách hành chính",
          "Working session with the administrative reform inspection team"),
         ("Phòng họp tầng 3", "Meeting room, 3rd floor"), ("", ""),
         ("Văn phòng Sở", "Department Office"))  # fmt: skip
CHANGED_WEEKS = (-1, 0)

PAGE = {"vi": ("Lịch công tác", "lich-cong-tac"), "en": ("Work calendar", "work-calendar")}
INTRO = {
    "vi": "<p>Lịch công tác tuần của Ban Giám đốc Sở, đã được phê duyệt.</p>",
    "en": "<p>The approved weekly work calendar of the Department's leadership.</p>",
}
