"""The demo's announcements (Thông báo), in Vietnamese and English."""

from .news_data import AnnouncementItem, Text

# The form attached to the call for proposals, and its English title.
ATTACHMENT_TITLE = "Mẫu hồ sơ đăng ký tuyển chọn nhiệm vụ khoa học và công nghệ"
ATTACHMENT_TITLE_EN = "Application form for the selection of science and technology tasks"

ANNOUNCEMENTS = [
    AnnouncementItem(
        slug="thong-bao-tuyen-chon-nhiem-vu",
        slug_en="call-for-science-and-technology-tasks",
        days_ago=2,
        valid_days=45,
        attachment=True,
        vi=Text(
            "Thông báo tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ khoa học và công nghệ cấp "
            "thành phố năm {year}",
            "Sở Khoa học và Công nghệ thông báo tuyển chọn tổ chức, cá nhân chủ trì thực hiện "
            "các nhiệm vụ khoa học và công nghệ cấp thành phố đặt hàng.",
            (
                "Danh mục nhiệm vụ đã được Ủy ban nhân dân thành phố phê duyệt, gồm 28 nhiệm vụ "
                "trong các lĩnh vực y tế, nông nghiệp, môi trường, kinh tế biển và quản lý đô "
                "thị.",
                "Hồ sơ đăng ký nộp trực tuyến qua Cổng Dịch vụ công hoặc trực tiếp tại Bộ phận "
                "một cửa của Sở trong thời hạn 45 ngày kể từ ngày đăng thông báo.",
                "Mẫu hồ sơ được đính kèm thông báo này; mọi thắc mắc xin liên hệ Phòng Quản lý "
                "khoa học của Sở.",
            ),
        ),
        en=Text(
            "Call for institutions and researchers to lead city-level science and technology "
            "tasks in {year}",
            "The Department of Science and Technology calls for institutions and researchers "
            "to lead the city's commissioned science and technology tasks.",
            (
                "The list of tasks approved by the City People's Committee holds 28 tasks in "
                "health, agriculture, the environment, the marine economy and urban "
                "management.",
                "Applications are filed online on the Public Service Portal or in person at the "
                "Department's one-stop desk within 45 days of this announcement.",
                "The application form is attached to this announcement; for any question, "
                "please contact the Department's Science Management Division.",
            ),
        ),
    ),
    AnnouncementItem(
        slug="thong-bao-lich-tiep-cong-dan",
        slug_en="citizen-reception-schedule",
        days_ago=5,
        valid_days=None,
        vi=Text(
            "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Sở",
            "Giám đốc Sở Khoa học và Công nghệ tiếp công dân định kỳ vào ngày 15 hằng tháng "
            "tại Phòng tiếp công dân của Sở.",
            (
                "Trường hợp ngày 15 trùng ngày nghỉ, lễ, Tết, việc tiếp công dân được chuyển sang "
                "ngày làm việc liền kề tiếp theo.",
                "Ngoài lịch định kỳ, Thanh tra Sở tiếp công dân vào tất cả các ngày làm việc "
                "trong tuần, buổi sáng từ 7 giờ 30 đến 11 giờ 30, buổi chiều từ 13 giờ 30 đến 17 "
                "giờ.",
                "Công dân đến liên hệ mang theo giấy tờ tùy thân và các tài liệu liên quan đến "
                "nội dung khiếu nại, tố cáo, kiến nghị, phản ánh.",
            ),
        ),
        en=Text(
            "Schedule of the Department leaders' regular reception of citizens",
            "The Director of the Department of Science and Technology receives citizens on the "
            "15th of every month in the Department's reception room.",
            (
                "When the 15th falls on a weekend or public holiday, the reception moves to the "
                "next working day.",
                "Beside this regular schedule, the Department's Inspectorate receives citizens "
                "on every working day, from 7:30 to 11:30 in the morning and from 13:30 to 17:00 "
                "in the afternoon.",
                "Citizens should bring an identity document and the papers concerning their "
                "complaint, denunciation, petition or feedback.",
            ),
        ),
    ),
    AnnouncementItem(
        slug="thong-bao-tuyen-dung-vien-chuc",
        slug_en="recruitment-of-public-employees",
        days_ago=9,
        valid_days=30,
        vi=Text(
            "Thông báo tuyển dụng viên chức Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
            "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ trực thuộc Sở thông báo tuyển "
            "dụng 06 viên chức theo hình thức xét tuyển.",
            (
                "Vị trí cần tuyển gồm 04 kỹ sư công nghệ sinh học, 01 kỹ sư công nghệ thông tin "
                "và 01 kế toán viên, trình độ đại học trở lên, chuyên ngành phù hợp.",
                "Thời gian nhận phiếu đăng ký dự tuyển là 30 ngày kể từ ngày thông báo, trong "
                "giờ hành chính các ngày làm việc.",
                "Danh sách thí sinh đủ điều kiện và lịch phỏng vấn sẽ được đăng trên Cổng thông "
                "tin điện tử của Sở.",
            ),
        ),
        en=Text(
            "Recruitment of public employees at the Centre for Applied Science and Technology",
            "The Centre for Applied Science and Technology, a unit of the Department, is "
            "recruiting 06 public employees by selection.",
            (
                "The posts are 04 biotechnology engineers, 01 information technology engineer "
                "and 01 accountant, with at least a university degree in a relevant field.",
                "Application forms are received for 30 days from this announcement, during "
                "office hours on working days.",
                "The list of eligible candidates and the interview schedule will be published "
                "on the Department's portal.",
            ),
        ),
    ),
    AnnouncementItem(
        slug="thong-bao-de-xuat-dat-hang-nhiem-vu",
        slug_en="proposals-for-commissioned-tasks",
        days_ago=20,
        valid_days=60,
        vi=Text(
            "Thông báo đề xuất đặt hàng nhiệm vụ khoa học và công nghệ cấp thành phố",
            "Sở Khoa học và Công nghệ đề nghị các sở, ngành, địa phương, tổ chức và doanh nghiệp "
            "đề xuất đặt hàng nhiệm vụ khoa học và công nghệ cấp thành phố.",
            (
                "Đề xuất cần nêu rõ vấn đề thực tiễn cần giải quyết, mục tiêu, kết quả dự kiến và "
                "địa chỉ ứng dụng kết quả.",
                "Hồ sơ đề xuất gửi về Sở bằng văn bản và qua thư điện tử trước ngày 30 của tháng "
                "thứ hai kể từ ngày thông báo.",
            ),
        ),
        en=Text(
            "Call for proposals of city-level science and technology tasks",
            "The Department of Science and Technology invites departments, districts, "
            "organisations and businesses to propose city-level science and technology tasks "
            "for commissioning.",
            (
                "A proposal should state the practical problem to solve, its objectives, the "
                "expected results and who will use them.",
                "Proposals are sent to the Department in writing and by e-mail before the 30th "
                "of the second month after this announcement.",
            ),
        ),
    ),
    AnnouncementItem(
        slug="thong-bao-ke-hoach-kiem-tra-do-luong",
        slug_en="inspection-plan-for-measurement-and-quality",
        days_ago=27,
        valid_days=90,
        vi=Text(
            "Thông báo kế hoạch kiểm tra nhà nước về đo lường, chất lượng sản phẩm, hàng hóa",
            "Sở Khoa học và Công nghệ thông báo kế hoạch kiểm tra nhà nước về đo lường, chất "
            "lượng sản phẩm, hàng hóa trong lưu thông trên địa bàn thành phố.",
            (
                "Đối tượng kiểm tra gồm các cửa hàng xăng dầu, cơ sở kinh doanh khí dầu mỏ hóa "
                "lỏng, vàng trang sức và các cơ sở sử dụng phương tiện đo nhóm 2.",
                "Các cơ sở chuẩn bị hồ sơ về phương tiện đo, giấy chứng nhận kiểm định và hồ sơ "
                "công bố hợp quy để xuất trình khi đoàn kiểm tra làm việc.",
            ),
        ),
        en=Text(
            "Plan of state inspections of measurement and of the quality of products and goods",
            "The Department of Science and Technology announces its plan of state inspections "
            "of measurement and of the quality of products and goods on sale in the city.",
            (
                "The inspections cover filling stations, liquefied petroleum gas dealers, "
                "jewellers and businesses using group 2 measuring instruments.",
                "Businesses should keep ready the records of their measuring instruments, their "
                "verification certificates and their declarations of conformity for the "
                "inspectors.",
            ),
        ),
    ),
    AnnouncementItem(
        slug="thong-bao-nghi-le",
        slug_en="working-schedule-during-the-holidays",
        days_ago=35,
        valid_days=120,
        vi=Text(
            "Thông báo lịch làm việc và phân công trực dịp nghỉ lễ",
            "Sở Khoa học và Công nghệ thông báo lịch nghỉ lễ và phân công cán bộ trực để bảo "
            "đảm giải quyết công việc thường xuyên, kịp thời.",
            (
                "Trong thời gian nghỉ lễ, Văn phòng Sở bố trí lãnh đạo và cán bộ trực theo lịch; "
                "Bộ phận một cửa vẫn tiếp nhận hồ sơ trực tuyến trên Cổng Dịch vụ công.",
                "Các tổ chức, cá nhân cần liên hệ công việc khẩn xin gọi số điện thoại trực của "
                "Văn phòng Sở.",
            ),
        ),
        en=Text(
            "Working schedule and duty roster during the public holidays",
            "The Department of Science and Technology announces its holiday schedule and the "
            "staff on duty, so that its regular work is handled without delay.",
            (
                "During the holidays, the Department's Office keeps a leader and staff on duty; "
                "the one-stop desk still receives files online through the Public Service "
                "Portal.",
                "For urgent matters, please call the duty phone number of the Department's Office.",
            ),
        ),
    ),
    AnnouncementItem(
        slug="thong-bao-dang-ky-cho-cong-nghe",
        slug_en="registration-for-the-technology-market",
        days_ago=50,
        valid_days=20,
        vi=Text(
            "Thông báo mời đăng ký tham gia Chợ Công nghệ và Thiết bị thành phố năm {year}",
            "Sở Khoa học và Công nghệ mời các viện, trường, doanh nghiệp đăng ký gian hàng "
            "giới thiệu công nghệ, thiết bị tại Chợ Công nghệ và Thiết bị thành phố.",
            (
                "Đơn vị tham gia được hỗ trợ miễn phí gian hàng tiêu chuẩn và được giới thiệu "
                "trên các phương tiện thông tin của Ban tổ chức.",
                "Phiếu đăng ký gửi về Trung tâm Ứng dụng tiến bộ khoa học và công nghệ trước "
                "ngày khai mạc 15 ngày.",
            ),
        ),
        en=Text(
            "Registration open for the {year} City Technology and Equipment Market",
            "The Department of Science and Technology invites institutes, universities and "
            "businesses to book stands presenting their technologies and equipment at the City "
            "Technology and Equipment Market.",
            (
                "Participants receive a standard stand free of charge and are presented in the "
                "organisers' publications.",
                "Registration forms are sent to the Centre for Applied Science and Technology "
                "at least 15 days before the opening.",
            ),
        ),
    ),
]
