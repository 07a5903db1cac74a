"""Generated Vietnamese news articles, for the relevance set and the search benchmark.

Deterministic for a seed: titles, leads and bodies are built from the vocabulary of a city
department's news (agencies, districts of Hải Phòng, topics, actions, officials' names),
so that the index holds realistic Vietnamese text with every diacritic in use.
"""

import random
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backends
from wagtail.search.signal_handlers import post_save_signal_handler

from articles.models import NewsArticlePage

ACTIONS = [
    "Hội nghị triển khai",
    "Tổng kết",
    "Sơ kết sáu tháng",
    "Tập huấn",
    "Kiểm tra",
    "Hội thảo về",
    "Tọa đàm về",
    "Ra quân",
    "Phát động",
    "Đánh giá kết quả",
    "Công bố kế hoạch",
    "Hướng dẫn thực hiện",
]
TOPICS = [
    "chuyển đổi số trong cơ quan nhà nước",
    "cải cách thủ tục hành chính",
    "phòng, chống dịch bệnh mùa mưa",
    "an toàn vệ sinh thực phẩm",
    "tuyển sinh vào lớp 10",
    "bảo hiểm y tế học sinh",
    "phát triển du lịch biển",
    "xây dựng nông thôn mới",
    "đổi mới sáng tạo trong doanh nghiệp",
    "quản lý chất lượng hàng hóa",
    "bảo tồn di tích lịch sử",
    "phòng cháy, chữa cháy",
    "ứng dụng công nghệ thông tin",
    "giải quyết việc làm cho người lao động",
    "chăm sóc người có công",
    "phổ biến giáo dục pháp luật",
    "an toàn giao thông",
    "bảo vệ môi trường đô thị",
    "thể dục thể thao quần chúng",
    "sở hữu trí tuệ",
]
PLACES = [
    "quận Lê Chân",
    "quận Ngô Quyền",
    "quận Hồng Bàng",
    "quận Kiến An",
    "quận Đồ Sơn",
    "quận Dương Kinh",
    "huyện Thủy Nguyên",
    "huyện An Dương",
    "huyện Cát Hải",
    "huyện Tiên Lãng",
    "huyện Vĩnh Bảo",
    "huyện Kiến Thụy",
    "huyện An Lão",
    "huyện Bạch Long Vĩ",
]
AGENCIES = [
    "Sở Y tế",
    "Sở Tài chính",
    "Sở Xây dựng",
    "Sở Tư pháp",
    "Sở Nội vụ",
    "Sở Công Thương",
    "Sở Du lịch",
    "Sở Tài nguyên và Môi trường",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Giao thông vận tải",
    "Công an thành phố",
    "Liên đoàn Lao động thành phố",
]
FAMILY_NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
MIDDLE_NAMES = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Ngọc", "Hữu"]
GIVEN_NAMES = ["An", "Bình", "Cường", "Dũng", "Hằng", "Hương", "Khánh", "Long", "Phúc", "Thảo"]
SENTENCES = [
    "Đồng chí {person}, lãnh đạo {agency}, chủ trì {action_lower} tại {place}.",
    "Theo báo cáo, trong năm qua {agency} đã phối hợp với các đơn vị liên quan triển khai "
    "nhiều giải pháp về {topic}.",
    "Các đại biểu đã thảo luận, đóng góp ý kiến nhằm nâng cao hiệu quả công tác {topic} "
    "trên địa bàn {place}.",
    "Hội nghị thống nhất các chỉ tiêu trọng tâm, phân công nhiệm vụ cụ thể cho từng phòng, "
    "ban và đơn vị trực thuộc.",
    "Kết quả bước đầu cho thấy người dân và doanh nghiệp đánh giá cao sự chủ động của {agency}.",
    "Phát biểu tại buổi làm việc, đồng chí {person} đề nghị các đơn vị tiếp tục quan tâm "
    "đến {topic}, bảo đảm tiến độ và chất lượng.",
    "Dịp này, {count:02d} tập thể và cá nhân có thành tích xuất sắc đã được khen thưởng.",
]


def person_name(rng):
    return f"{rng.choice(FAMILY_NAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"


def article_text(rng, number):
    """(title, lead, paragraphs, author) of generated article `number`."""
    action, topic = rng.choice(ACTIONS), rng.choice(TOPICS)
    place, agency = rng.choice(PLACES), rng.choice(AGENCIES)
    values = {
        "action_lower": action[0].lower() + action[1:],
        "topic": topic,
        "place": place,
        "agency": agency,
        "person": person_name(rng),
        "count": rng.randint(2, 30),
    }
    title = f"{agency}: {action} {topic} tại {place} (số {number})"
    lead = (
        f"Ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}, {agency} tổ chức "
        f"{values['action_lower']} {topic} tại {place}."
    )
    paragraphs = [
        " ".join(sentence.format(**values) for sentence in rng.sample(SENTENCES, 3))
        for _ in range(rng.randint(2, 4))
    ]
    return title, lead, paragraphs, person_name(rng)


INDEX_BATCH = 500


def generate_articles(parent, count, seed=2024, start_number=1):
    """Publish `count` generated articles under the article index `parent`, indexed in
    batches (not one by one as each is saved)."""
    post_save.disconnect(post_save_signal_handler, sender=NewsArticlePage)
    try:
        with transaction.atomic():
            pages = _create_articles(parent, count, seed, start_number)
    finally:
        post_save.connect(post_save_signal_handler, sender=NewsArticlePage)
    for backend in get_search_backends(with_auto_update=True):
        for offset in range(0, len(pages), INDEX_BATCH):
            backend.add_bulk(NewsArticlePage, pages[offset : offset + INDEX_BATCH])
    return pages


def _create_articles(parent, count, seed, start_number):
    rng = random.Random(seed)
    start = timezone.make_aware(datetime(2020, 1, 1, 8, 0))
    pages = []
    for number in range(start_number, start_number + count):
        title, lead, paragraphs, author = article_text(rng, number)
        moment = start + timedelta(hours=rng.randint(0, 5 * 365 * 24))
        page = NewsArticlePage(
            title=title,
            slug=f"bai-tong-hop-{number}",
            locale_id=parent.locale_id,
            lead=lead,
            author=author,
            date=moment,
            first_published_at=moment,
            last_published_at=moment,
            live=True,
            body=[("paragraph", RichText(f"<p>{paragraph}</p>")) for paragraph in paragraphs],
        )
        pages.append(parent.add_child(instance=page))
    return pages
