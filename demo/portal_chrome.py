"""What makes the demo read as an official department portal: the settings' names, contacts
and logo, the links to other portals, the contact page, the accessibility statement, the
HTML sitemap (Vietnamese and English), and the main menu in the order readers look for.

Loaded last by `load_demo_content`, after every section exists. Idempotent: a setting is
filled only while empty, pages and links are looked up by slug or address, so an editor's
changes stay. The logos are drawn here with Pillow: nothing is downloaded.
"""

import io
import math
from decimal import Decimal

from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Site

from editorial.uploads import checked_image_file
from home.models import (
    ContactPage,
    ContentPage,
    HomePage,
    PortalSettings,
    PublicServiceLink,
    SitemapPage,
)

from . import organisation_data
from .english import translate
from .ensure import ensure_child_page, publish

RED, GOLD = (200, 16, 46), (255, 205, 0)

SETTINGS = {
    "governing_body": "Ủy ban nhân dân thành phố Hải Phòng",
    "governing_body_en": "Hai Phong City People's Committee",
    "agency_name": "Sở Khoa học và Công nghệ",
    "agency_name_en": "Department of Science and Technology",
    "footer_address": organisation_data.ADDRESS,
    "footer_address_en": organisation_data.ADDRESS_EN,
    **organisation_data.DEPARTMENT_CONTACT,
    "working_hours": "Thứ Hai - Thứ Sáu: sáng 7h30 - 11h30, chiều 13h30 - 17h00",
    "working_hours_en": "Monday to Friday: 7:30 to 11:30 and 13:30 to 17:00",
    "licence_line": (
        "Giấy phép số 21/GP-TTĐT do Sở Thông tin và Truyền thông Hải Phòng cấp ngày 15/03/2019"
    ),
    "licence_line_en": (
        "Licence No. 21/GP-TTĐT issued by the Hai Phong Department of Information and "
        "Communications on 15 March 2019"
    ),
    # The director of the demo's organisation (demo.department.LEADERS).
    "responsible_person": "Bà Nguyễn Thị Minh Hà, Giám đốc Sở Khoa học và Công nghệ",
    "responsible_person_en": "Ms Nguyen Thi Minh Ha, Director of the Department",
    "latitude": Decimal("20.861900"),
    "longitude": Decimal("106.682400"),
}
HOTLINE = {"label": "Đường dây nóng", "label_en": "Hotline", "number": "0936 123 456"}

BLUE, GREEN = (11, 79, 156), (20, 110, 60)
# (name, English name, URL, group, slug and colour of its drawn logo)
LINKS = [
    ("Cổng Dịch vụ công quốc gia", "National Public Service Portal", "https://dichvucong.gov.vn/",
     PublicServiceLink.Group.PUBLIC_SERVICES, "dvc-quoc-gia", BLUE),
    ("Cổng Dịch vụ công thành phố Hải Phòng", "Hai Phong City Public Service Portal",
     "https://dichvucong.haiphong.gov.vn/", PublicServiceLink.Group.PUBLIC_SERVICES,
     "dvc-hai-phong", GREEN),
    ("Cổng thông tin điện tử Chính phủ", "Government portal", "https://chinhphu.vn/",
     PublicServiceLink.Group.AGENCIES, "chinh-phu", RED),
    ("Cổng thông tin điện tử thành phố Hải Phòng", "Hai Phong City portal",
     "https://haiphong.gov.vn/", PublicServiceLink.Group.AGENCIES, "hai-phong", GREEN),
    ("Bộ Khoa học và Công nghệ", "Ministry of Science and Technology", "https://mst.gov.vn/",
     PublicServiceLink.Group.AGENCIES, "bo-khcn", BLUE),
]  # fmt: skip

CONTACT = ("lien-he", "contact", "Liên hệ", "Contact")
CONTACT_INTRO = (
    "Tổ chức, công dân liên hệ với Sở qua địa chỉ, điện thoại và thư điện tử dưới đây, "
    "trong giờ làm việc."
)
CONTACT_INTRO_EN = (
    "Organisations and citizens may contact the Department at the address, phones and "
    "e-mail below, during working hours."
)
STATEMENT = (
    "tuyen-bo-ve-kha-nang-tiep-can",
    "accessibility-statement",
    "Tuyên bố về khả năng tiếp cận",
    "Accessibility statement",
)
STATEMENT_PARAGRAPHS = [
    (
        "Cổng thông tin điện tử được xây dựng để mọi người đều sử dụng được, kể cả người "
        "khiếm thị, người dùng bàn phím và điện thoại, theo Tiêu chuẩn WCAG 2.1 mức AA.",
        "This portal is built so that everyone can use it, including blind readers, "
        "keyboard users and phone users, to the WCAG 2.1 level AA standard.",
    ),
    (
        "Bạn có thể phóng to, thu nhỏ chữ (A-, A, A+) và bật chế độ tương phản cao ở đầu "
        "trang; lựa chọn được ghi nhớ trên trình duyệt của bạn.",
        "You can make the text smaller or larger (A-, A, A+) and turn on high contrast at "
        "the top of every page; your browser remembers your choice.",
    ),
    (
        "Nếu gặp khó khăn khi truy cập nội dung, xin báo cho chúng tôi qua trang Liên hệ.",
        "If you find content hard to reach, please tell us through the Contact page.",
    ),
]
SITEMAP = ("so-do-cong-thong-tin", "sitemap", "Sơ đồ cổng thông tin", "Sitemap")

# The main menu's order, as (Vietnamese slug, English slug); missing pages are skipped.
MENU_ORDER = [
    ("gioi-thieu", "about"),
    ("tin-tuc-su-kien", "news-and-events"),
    ("van-ban", "legal-documents"),
    ("lich-cong-tac", "work-calendar"),
    ("thong-bao", "announcements"),
    ("khoi-thi-dua", "emulation-blocs"),
    ("lien-he", "contact"),
]


def draw_logo(colour=RED, size=320):
    """An emblem-like mark: a disc in a gold ring with a gold star (transparent PNG)."""
    image = PILImage.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse([4, 4, size - 4, size - 4], fill=GOLD)
    draw.ellipse([size // 14, size // 14, size - size // 14, size - size // 14], fill=colour)
    centre, outer, inner = size / 2, size * 0.3, size * 0.12
    points = [
        (
            centre + math.cos(math.pi / 2 + k * math.pi / 5) * (outer if k % 2 == 0 else inner),
            centre - math.sin(math.pi / 2 + k * math.pi / 5) * (outer if k % 2 == 0 else inner),
        )
        for k in range(10)
    ]
    draw.polygon(points, fill=GOLD)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def ensure_logo(title, slug, colour=RED):
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).first()
    if image is None:
        image = image_model(title=title, description="")
        image.file = checked_image_file(draw_logo(colour), name=f"logo-{slug}.png")
        image.save()
    return image


class PortalChromeDemo:
    """Fills the settings, the links, the contact, statement and sitemap pages."""

    def __init__(self, demo):
        self.demo = demo
        self.locale_en = Locale.objects.get(language_code="en")

    def load(self):
        self.ensure_settings()
        self.ensure_links()
        self.ensure_pages()
        self.order_menus()
        return self

    def ensure_settings(self):
        settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
        for name, value in SETTINGS.items():
            if getattr(settings, name) in ("", None):
                setattr(settings, name, value)
        if settings.logo is None:
            settings.logo = ensure_logo("Biểu trưng Sở Khoa học và Công nghệ (minh họa)", "so-khcn")
        if not settings.other_phones:
            settings.other_phones = [("phone", HOTLINE)]
        settings.save()

    def ensure_links(self):
        locale = self.demo.locale_vi
        for order, (name, english, url, group, slug, colour) in enumerate(LINKS):
            link = PublicServiceLink.objects.filter(locale=locale, url=url).first()
            if link is None:
                link = PublicServiceLink(
                    locale=locale,
                    name=name,
                    url=url,
                    group=group,
                    sort_order=order,
                    logo=ensure_logo(f"Biểu trưng {name} (minh họa)", slug, colour),
                )
                link.save()
                publish(link)
            translate(link, self.locale_en, strings={name: english})

    def ensure_pages(self):
        home = self.demo.home
        contact = ensure_child_page(
            home,
            ContactPage,
            CONTACT[0],
            title=CONTACT[2],
            intro=f"<p>{CONTACT_INTRO}</p>",
            show_in_menus=True,
        )
        translate(contact, self.locale_en, strings=self.strings(CONTACT, CONTACT_INTRO_EN))
        body = "".join(f"<p>{vi}</p>" for vi, _en in STATEMENT_PARAGRAPHS)
        statement = ensure_child_page(
            home, ContentPage, STATEMENT[0], title=STATEMENT[2], body=body, show_in_footer=True
        )
        paragraphs = dict(STATEMENT_PARAGRAPHS)
        translate(statement, self.locale_en, strings={**self.strings(STATEMENT), **paragraphs})
        sitemap = ensure_child_page(home, SitemapPage, SITEMAP[0], title=SITEMAP[2])
        translate(sitemap, self.locale_en, strings=self.strings(SITEMAP))

    @staticmethod
    def strings(spec, intro_en=None):
        slug, slug_en, title, title_en = spec
        strings = {slug: slug_en, title: title_en}
        if intro_en:
            strings[CONTACT_INTRO] = intro_en
        return strings

    def order_menus(self):
        """The home pages' children in the menu's order, in both languages."""
        for home in HomePage.objects.all():
            order_children(home)


def order_children(home):
    """Move the pages of MENU_ORDER found under `home` to its end, in that order; nothing
    moves when they already are."""
    slugs = [slug for pair in MENU_ORDER for slug in pair]
    children = {page.slug: page for page in home.get_children().filter(slug__in=slugs)}
    wanted = [children[slug] for pair in MENU_ORDER for slug in pair if slug in children]
    tail = list(home.get_children().order_by("-path")[: len(wanted)])[::-1]
    if [page.pk for page in tail] == [page.pk for page in wanted]:
        return
    for page in wanted:
        page.refresh_from_db()
        home.refresh_from_db()
        page.move(home, pos="last-child")
