"""The vocabulary of the load data (`manage.py generate_load_content`): agencies, people,
blocs, and the words its Vietnamese titles, leads and bodies are drawn from (deterministic
for the random generator given).
"""

import json
import unicodedata
import uuid

AGENCY_NAMES = [
    ("Sở Tài chính", "TC"),
    ("Sở Xây dựng", "XD"),
    ("Sở Công Thương", "CT"),
    ("Sở Nội vụ", "NV"),
    ("Sở Tư pháp", "TP"),
    ("Sở Ngoại vụ", "NgV"),
    ("Sở Nông nghiệp và Môi trường", "NN&MT"),
    ("Sở Du lịch", "DL"),
    ("Sở Dân tộc và Tôn giáo", "DT&TG"),
    ("Thanh tra thành phố", "TTTP"),
    ("Ban Quản lý Khu kinh tế", "BQLKKT"),
    ("Đài Phát thanh và Truyền hình", "PT-TH"),
    ("Trường Đại học Hải Phòng", "ĐHHP"),
    ("Bảo hiểm xã hội thành phố", "BHXH"),
    ("Cục Thuế thành phố", "CT-Thuế"),
    ("Kho bạc Nhà nước khu vực", "KBNN"),
    ("Ủy ban nhân dân quận Hồng Bàng", "UBND-HB"),
    ("Ủy ban nhân dân quận Lê Chân", "UBND-LC"),
    ("Ủy ban nhân dân quận Ngô Quyền", "UBND-NQ"),
    ("Ủy ban nhân dân quận Hải An", "UBND-HA"),
    ("Ủy ban nhân dân quận Kiến An", "UBND-KA"),
    ("Ủy ban nhân dân quận Dương Kinh", "UBND-DK"),
    ("Ủy ban nhân dân huyện An Dương", "UBND-AD"),
    ("Ủy ban nhân dân huyện Tiên Lãng", "UBND-TL"),
    ("Ủy ban nhân dân huyện Vĩnh Bảo", "UBND-VB"),
    ("Ủy ban nhân dân huyện Cát Hải", "UBND-CH"),
    ("Ủy ban nhân dân thành phố Thủy Nguyên", "UBND-TN"),
    ("Trung tâm Phục vụ hành chính công", "TTHCC"),
    ("Trung tâm Xúc tiến đầu tư, thương mại và du lịch", "XTĐT"),
    ("Liên đoàn Lao động thành phố", "LĐLĐ"),
]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô"]
MIDDLE_NAMES = ["Văn", "Thị", "Minh", "Đức", "Thanh", "Quốc", "Thu", "Hải"]
GIVEN_NAMES = ["An", "Bình", "Cường", "Dũng", "Hà", "Hùng", "Lan", "Long", "Mai", "Nam", "Trang"]
POSITIONS = ["Giám đốc", "Phó Giám đốc", "Chánh Văn phòng", "Trưởng phòng", "Phó Chủ tịch UBND"]
BLOC_NAMES = [
    "Khối các cơ quan Tổng hợp",
    "Khối các cơ quan Kinh tế",
    "Khối các cơ quan Nội chính",
    "Khối các quận",
    "Khối các huyện",
    "Khối các cơ quan Trung ương đóng trên địa bàn",
    "Khối các doanh nghiệp nhà nước",
    "Khối các trường đại học, cao đẳng",
]
MOTTOS = [
    "Đoàn kết, sáng tạo, tăng tốc và hiệu quả",
    "Kỷ cương, trách nhiệm, hành động, sáng tạo",
    "Đổi mới, hội nhập, phát triển bền vững",
]
ACTIONS = [
    "tổ chức hội nghị",
    "triển khai kế hoạch",
    "sơ kết 6 tháng thực hiện",
    "tổng kết công tác",
    "ký kết giao ước thi đua về",
    "khai mạc hội thảo",
    "kiểm tra tiến độ",
    "trao Bằng khen cho các tập thể có thành tích trong",
    "phát động phong trào thi đua",
    "tập huấn nghiệp vụ",
]
TOPICS = [
    "chuyển đổi số trong cơ quan nhà nước",
    "cải cách hành chính",
    "ứng dụng khoa học và công nghệ vào sản xuất nông nghiệp",
    "phát triển doanh nghiệp khởi nghiệp đổi mới sáng tạo",
    "bảo vệ môi trường và ứng phó với biến đổi khí hậu",
    "xây dựng chính quyền điện tử",
    "đo lường, tiêu chuẩn và chất lượng sản phẩm",
    "sở hữu trí tuệ và chuyển giao công nghệ",
    "an toàn thông tin mạng",
    "phòng, chống thiên tai và tìm kiếm cứu nạn",
    "công tác thi đua, khen thưởng",
    "nâng cao chỉ số năng lực cạnh tranh cấp tỉnh",
]
SENTENCES = [
    "Hội nghị đã đánh giá kết quả đạt được, chỉ ra những tồn tại, hạn chế và nguyên nhân.",
    "Các đại biểu tập trung thảo luận, đề xuất nhiều giải pháp thiết thực, khả thi.",
    "Lãnh đạo đơn vị đề nghị các phòng, ban bám sát nhiệm vụ được giao, bảo đảm tiến độ.",
    "Năm qua, đơn vị đã hoàn thành và vượt nhiều chỉ tiêu quan trọng được giao.",
    "Công tác phối hợp giữa các cơ quan được duy trì thường xuyên, chặt chẽ và hiệu quả.",
    "Việc ứng dụng công nghệ thông tin giúp rút ngắn thời gian giải quyết thủ tục hành chính.",
    "Người dân và doanh nghiệp đánh giá cao chất lượng phục vụ của cán bộ, công chức.",
    "Trong thời gian tới, đơn vị sẽ tiếp tục đẩy mạnh tuyên truyền, phổ biến kiến thức.",
    "Nhiều mô hình hay, cách làm sáng tạo đã được nhân rộng trên địa bàn thành phố.",
    "Kết thúc hội nghị, các tập thể và cá nhân có thành tích xuất sắc đã được khen thưởng.",
]
VENUES = [
    "Hội trường Ủy ban nhân dân thành phố",
    "Trung tâm Hội nghị thành phố",
    "Nhà văn hóa Lao động",
    "Hội trường Sở Khoa học và Công nghệ",
]
AUTHORS = ["Chiêu Minh", "Thu Hà", "Minh Đức", "Hải Nam", "Phương Thảo", "Văn Long"]
TAGS = [
    "chuyển đổi số",
    "cải cách hành chính",
    "thi đua khen thưởng",
    "khoa học công nghệ",
    "đổi mới sáng tạo",
    "môi trường",
    "khởi nghiệp",
    "an toàn thông tin",
    "sở hữu trí tuệ",
    "tiêu chuẩn đo lường",
    "nông nghiệp công nghệ cao",
    "giáo dục",
]
IMAGE_TITLE = "Ảnh dữ liệu tải thử {}"


def ascii_slug(text, limit=60):
    """A URL slug without diacritics ("đ" has no decomposition: it is mapped by hand)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = "".join(c if c.isalnum() else " " for c in text).split()
    return "-".join(words)[:limit].strip("-")


def article_texts(rng, agencies):
    """(agency, title, lead) of an article about one of `agencies`."""
    agency = rng.choice(agencies)
    action = rng.choice(ACTIONS)
    topic = rng.choice(TOPICS)
    title = f"{agency.short_name or agency.name} {action} {topic}"
    title = title[0].upper() + title[1:]
    lead = (
        f"({agency.abbreviation or agency.short_name}) - {rng.choice(SENTENCES)} "
        f"{rng.choice(SENTENCES)}"
    )
    return agency, title, lead


def body_json(rng, image):
    """A StreamField body as JSON: paragraphs of sentences, `image` (if any) after the second."""
    paragraphs = [" ".join(rng.sample(SENTENCES, 3)) for _ in range(rng.randint(3, 6))]
    blocks = [
        {"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())}
        for text in paragraphs
    ]
    if image is not None:
        blocks.insert(
            2,
            {
                "type": "image",
                # ImageBlock's own format, as the editor saves it, with the alt text.
                "value": {
                    "image": {
                        "image": image.pk,
                        "alt_text": image.description,
                        "decorative": False,
                    },
                    "caption": image.description,
                    "credit": "",
                },
                "id": str(uuid.uuid4()),
            },
        )
    return json.dumps(blocks, ensure_ascii=False)
