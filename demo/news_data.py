"""The demo's news and announcements as the department's communication office writes them,
in Vietnamese and English: what `demo.news` builds, kept apart from how.

Dates are days before the day the demo is loaded, so the portal always reads as current;
"{year}" in a text is the year of the item's own date.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """One language's words of an article: title, lead (sapo), paragraphs, photo caption."""

    title: str
    lead: str
    paragraphs: tuple[str, ...]
    caption: str = ""


@dataclass(frozen=True)
class NewsItem:
    slug: str
    slug_en: str
    days_ago: int
    scene: str  # a key of demo.scenes.SCENES: the drawing of its hero image
    vi: Text
    en: Text
    tags: tuple[str, ...] = ()
    # The other agencies it concerns (slugs of demo.data.AGENCIES), not the department itself.
    agencies: tuple[str, ...] = ()
    author: str = "Thu Hà"
    featured: bool = False


@dataclass(frozen=True)
class AnnouncementItem:
    slug: str
    slug_en: str
    days_ago: int
    valid_days: int | None  # days after its date it stays in the box (None: always)
    vi: Text  # the lead is its summary; it has no photo
    en: Text
    attachment: bool = False


# Tags of the news, Vietnamese -> English.
TAGS = {
    "Đổi mới sáng tạo": "Innovation",
    "Khởi nghiệp": "Start-ups",
    "Nhiệm vụ khoa học và công nghệ": "Science and technology tasks",
    "Tiêu chuẩn - Đo lường - Chất lượng": "Standards, metrology and quality",
    "Sở hữu trí tuệ": "Intellectual property",
    "Chuyển đổi số": "Digital transformation",
    "Thị trường công nghệ": "Technology market",
    "An toàn bức xạ": "Radiation safety",
    "Nông nghiệp công nghệ cao": "High-tech agriculture",
    "Giải thưởng": "Awards",
    "Hợp tác": "Cooperation",
}

# What each drawing of demo.scenes shows (its alternative text), Vietnamese and English.
SCENE_ALT = {
    "conference": (
        "Hình vẽ minh họa hội trường: băng rôn đỏ trên sân khấu, đoàn chủ tọa và các đại biểu",
        "Drawing of a conference hall: a red banner over the stage, the presidium and the "
        "delegates",
    ),
    "laboratory": (
        "Hình vẽ minh họa phòng thí nghiệm: giá ống nghiệm, bình thủy tinh và cán bộ kỹ thuật",
        "Drawing of a laboratory: shelves of test tubes, glass flasks and a technician",
    ),
    "signing": (
        "Hình vẽ minh họa lễ ký kết: hai đại diện ngồi ký tại bàn phủ khăn đỏ",
        "Drawing of a signing ceremony: two representatives sign at a red-draped table",
    ),
    "award": (
        "Hình vẽ minh họa lễ trao thưởng: bằng khen khung vàng và các đại biểu",
        "Drawing of an award ceremony: a certificate in a gold frame and the delegates",
    ),
    "digital": (
        "Hình vẽ minh họa chuyển đổi số: vi mạch và các đường dữ liệu",
        "Drawing of digital transformation: a microchip and lines of data",
    ),
    "metrology": (
        "Hình vẽ minh họa đo lường: đồng hồ đo, cân và quả cân chuẩn",
        "Drawing of metrology: a gauge, a scale and reference weights",
    ),
    "fair": (
        "Hình vẽ minh họa hội chợ công nghệ: các gian hàng và khách tham quan",
        "Drawing of a technology fair: stands and visitors",
    ),
    "training": (
        "Hình vẽ minh họa lớp tập huấn: giảng viên bên màn chiếu và học viên",
        "Drawing of a training course: a trainer beside the screen and the participants",
    ),
}
