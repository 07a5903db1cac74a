"""The seed page's words and the demo world's fixed lists (agencies, people, banners):
what `demo.content` builds, kept apart from how. The news and announcements are in
`demo.news_innovation`, `demo.news_management` and `demo.announcement_data`.
"""

from snippets.models import Agency

SEED_TITLE = (
    "Khối các cơ quan Quản lý nhà nước về Văn hóa - xã hội Ký giao ước thi đua và triển khai "
    "công tác năm 2024"
)
SEED_SLUG = "khoi-van-hoa-xa-hoi-ky-giao-uoc-thi-dua-nam-2024"
SEED_LEAD = (
    "Sáng 26/01, Khối các cơ quan Quản lý nhà nước về Văn hóa - xã hội thành phố tổ chức Hội "
    "nghị Ký kết giao ước thi đua và triển khai công tác năm 2024. Tới dự Hội nghị có đồng chí "
    "Hoàng Minh Cường - Phó Chủ tịch Ủy ban nhân dân (UBND) thành phố."
)
SEED_CAPTIONS = [
    "Đại diện các đơn vị trong Khối ký kết giao ước thi đua.",
    "Phó Chủ tịch UBND Hoàng Minh Cường tặng bằng khen cho 07 tập thể có thành tích xuất sắc "
    "trong năm 2023.",
]
SEED_PARAGRAPHS = [
    "Thực hiện Giao ước thi đua năm 2023, Khối thi đua các cơ quan Quản lý nhà nước về Văn hóa - "
    "xã hội gồm các Sở, ngành: KH&CN; Y tế; Lao động Thương binh và Xã hội; Giáo dục và Đào tạo; "
    "Văn hóa và Thể thao; Thông tin và Truyền thông; Bảo hiểm xã hội thành phố Hải Phòng và Nhà "
    "xuất bản Hải Phòng đã bám sát nhiệm vụ chính trị của ngành, tập trung tham mưu, chỉ đạo điều "
    "hành, triển khai tổ chức thực hiện phong trào thi đua, hoàn thành tốt các nhiệm vụ được giao "
    "với những kết quả cụ thể như: Công tác xây dựng Đảng, chính quyền, đoàn thể được chú trọng; "
    "Các hoạt động văn hóa, xã hội ngày càng được đẩy mạnh; Công tác đảm bảo an ninh trật tự và an "
    "toàn xã hội của các đơn vị trong khối thi đua ngày một nâng cao; Tổ chức tốt các phong trào "
    "thi đua, phát huy sáng kiến, nghiên cứu khoa học, nâng cao hiệu quả công tác… Các đơn vị đã "
    "hoàn thành các nhiệm vụ được UBND thành phố giao, trong đó một số đơn vị hoàn thành vượt chỉ "
    "tiêu như: Sở KH&CN, Sở Lao động Thương binh và Xã hội, Sở Thông tin và Truyền thông.",
    "Năm 2024, Khối trưởng khối thi đua sẽ được bàn giao cho Sở Giáo dục và Đào tạo, phát biểu "
    "nhận nhiệm vụ đồng chí Đỗ Văn Lợi - Phó Giám đốc Sở Giáo dục và Đào nhấn mạnh: Năm 2024 là "
    "năm bứt phá, có ý nghĩa quyết định để hoàn thành Kế hoạch phát triển kinh tế - xã hội 05 năm "
    "(2021-2025), Nghị quyết Đại hội Đảng bộ thành phố lần thứ XVI. Hưởng ứng phong trào thi đua "
    "do UBND thành phố, các Bộ, ngành phát động, Khối thi đua quyết tâm phấn đấu hoàn thành và "
    "hoàn thành vượt mức các tiêu chí kế hoạch năm 2024, lập thành tích chào mừng các ngày lễ lớn "
    "của đất nước, của thành phố và của ngành; Khối phát động phong trào thi đua với chủ đề “Khối "
    "thi đua các cơ quan Quản lý nhà nước về Văn hóa -xã hội đoàn kết, sáng tạo, tăng tốc và hiệu "
    "quả”.",
    "Cũng tại Hội nghị, đồng chí Hoàng Minh Cường - Phó Chủ tịch UBND thành phố trao tặng Cờ “Đơn "
    "vị dẫn đầu khối thi đua” cho Sở KH&CN; tặng bằng khen cho 07 tập thể đã có thành tích tiêu "
    "biểu, xuất sắc trong phong trào thi đua năm 2023./.",
]
# What the seed's two photos show: demo.scenes draws them (nothing is downloaded).
SEED_SCENES = ["signing", "award"]
SEED_AUTHOR = "Chiêu Minh"
# The seed names no hall: the city where the bloc met (search engines need an event's place).
SEED_VENUE = "Thành phố Hải Phòng"
SEED_VENUE_ADDRESS = "Hải Phòng, Việt Nam"

# (slug, full name, short name, abbreviation, kind): the agencies the seed names.
AGENCIES = [
    (
        "ubnd-thanh-pho",
        "Ủy ban nhân dân thành phố Hải Phòng",
        "UBND thành phố",
        "UBND TP",
        Agency.Kind.PEOPLES_COMMITTEE,
    ),
    (
        "so-khcn",
        "Sở Khoa học và Công nghệ",
        "Sở Khoa học và Công nghệ",
        "Sở KH&CN",
        Agency.Kind.DEPARTMENT,
    ),
    ("so-y-te", "Sở Y tế", "Sở Y tế", "Sở Y tế", Agency.Kind.DEPARTMENT),
    (
        "so-ldtbxh",
        "Sở Lao động - Thương binh và Xã hội",
        "Sở Lao động - Thương binh và Xã hội",
        "Sở LĐTB&XH",
        Agency.Kind.DEPARTMENT,
    ),
    (
        "so-gddt",
        "Sở Giáo dục và Đào tạo",
        "Sở Giáo dục và Đào tạo",
        "Sở GD&ĐT",
        Agency.Kind.DEPARTMENT,
    ),
    (
        "so-vhtt",
        "Sở Văn hóa và Thể thao",
        "Sở Văn hóa và Thể thao",
        "Sở VH&TT",
        Agency.Kind.DEPARTMENT,
    ),
    (
        "so-tttt",
        "Sở Thông tin và Truyền thông",
        "Sở Thông tin và Truyền thông",
        "Sở TT&TT",
        Agency.Kind.DEPARTMENT,
    ),
    (
        "bhxh-hai-phong",
        "Bảo hiểm xã hội thành phố Hải Phòng",
        "Bảo hiểm xã hội thành phố",
        "BHXH thành phố",
        Agency.Kind.SOCIAL_INSURANCE,
    ),
    (
        "nxb-hai-phong",
        "Nhà xuất bản Hải Phòng",
        "Nhà xuất bản Hải Phòng",
        "NXB Hải Phòng",
        Agency.Kind.PUBLISHER,
    ),
]
BLOC_MEMBER_SLUGS = [slug for slug, *_ in AGENCIES[1:]]

PEOPLE = [
    ("hoang-minh-cuong", "Hoàng Minh Cường", "Phó Chủ tịch UBND thành phố", "ubnd-thanh-pho"),
    ("do-van-loi", "Đỗ Văn Lợi", "Phó Giám đốc Sở Giáo dục và Đào tạo", "so-gddt"),
]

SIDEBAR_BANNERS = [
    ("Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn/", (165, 14, 14)),
    ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn/", (11, 79, 156)),
    ("Cổng thông tin điện tử thành phố Hải Phòng", "https://haiphong.gov.vn/", (20, 110, 60)),
    ("Bộ Khoa học và Công nghệ", "https://most.gov.vn/", (120, 60, 10)),
]
