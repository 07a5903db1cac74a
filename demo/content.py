"""The demo portal: the seed page's world (an event report of the Culture and Society
emulation bloc, its agencies, officials and awards) plus clearly marked sample news.

Everything is looked up by a stable key (slug or title) before it is created, so
loading twice creates no duplicates and keeps whatever an editor changed.
Images are drawn with Pillow: nothing is downloaded.
"""

import io
import math
import random
from datetime import datetime, timedelta
from functools import lru_cache

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from articles.models import (
    AnnouncementAttachment,
    AnnouncementIndexPage,
    AnnouncementPage,
    ArticleAgency,
    ArticleIndexPage,
    ArticlePerson,
    EventAgency,
    EventAward,
    EventOfficial,
    EventReportPage,
    NewsArticlePage,
)
from core import origin
from editorial.uploads import check_document_file, checked_image_file
from home.models import HomePage, PortalSettings
from snippets.models import Agency, Award, AwardRecipient, Banner, Person

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

SAMPLE_TOPICS = [
    "Hội thảo ứng dụng công nghệ số trong quản lý nhà nước",
    "Tập huấn sở hữu trí tuệ cho doanh nghiệp nhỏ và vừa",
    "Kết quả thẩm định nhiệm vụ khoa học và công nghệ cấp thành phố",
    "Hướng dẫn đăng ký tham gia chương trình đổi mới sáng tạo",
    "Kiểm tra đo lường, chất lượng hàng hóa dịp cuối năm",
    "Tọa đàm phát triển hệ sinh thái khởi nghiệp",
    "Công bố danh mục thủ tục hành chính trực tuyến toàn trình",
    "Tổng kết công tác an toàn bức xạ",
    "Triển khai kế hoạch chuyển đổi số năm mới",
    "Hội nghị sơ kết công tác thông tin khoa học",
    "Giới thiệu kết quả nghiên cứu ứng dụng trong nông nghiệp",
    "Phổ biến quy định mới về tiêu chuẩn và quy chuẩn kỹ thuật",
    "Tuần lễ khoa học và công nghệ dành cho học sinh",
    "Hướng dẫn quy trình tiếp nhận hồ sơ trực tuyến",
]

SAMPLE_BODY = (
    "<p>Đây là nội dung minh họa của cổng thông tin, dùng để trình bày giao diện danh sách và "
    "trang chi tiết bài viết. Biên tập viên thay thế bằng tin thật trong trang quản trị.</p>"
)

ANNOUNCEMENTS = [
    (
        "thong-bao-lich-tiep-cong-dan",
        "Thông báo minh họa: Lịch tiếp công dân định kỳ",
        "Nội dung minh họa cho hộp Thông báo: lịch tiếp công dân định kỳ của cơ quan.",
    ),
    (
        "thong-bao-tuyen-chon-nhiem-vu",
        "Thông báo minh họa: Tuyển chọn nhiệm vụ khoa học",
        "Nội dung minh họa: đề xuất đặt hàng nhiệm vụ khoa học và công nghệ.",
    ),
    (
        "thong-bao-nghi-le",
        "Thông báo minh họa: Lịch làm việc dịp nghỉ lễ",
        "Nội dung minh họa: lịch trực và lịch làm việc của cơ quan dịp nghỉ lễ.",
    ),
]


@lru_cache(maxsize=64)
def draw_image(seed: int, size=(1200, 800), colour=(165, 14, 14), label_bars=3) -> bytes:
    """An abstract illustration: a gradient with shapes, deterministic for a seed.

    Cached: the test suite loads the demo many times in one process.
    """
    rng = random.Random(seed)
    width, height = size
    image = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        shade = 0.55 + 0.45 * (y / height)
        draw.line([(0, y), (width, y)], fill=tuple(int(c * shade) for c in colour))
    for _ in range(12):
        radius = rng.randint(height // 12, height // 4)
        x, y = rng.randint(0, width), rng.randint(0, height)
        tint = tuple(min(255, c + rng.randint(40, 120)) for c in colour)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], outline=tint, width=6)
    for index in range(label_bars):
        top = height - (index + 1) * height // 10
        draw.rectangle(
            [width // 16, top, width // 16 + width // (2 + index), top + height // 30],
            fill=(255, 221, 120),
        )
    angle = rng.random() * math.tau
    draw.line(
        [
            (width / 2, height / 2),
            (width / 2 + math.cos(angle) * width / 3, height / 2 + math.sin(angle) * height / 3),
        ],
        fill=(255, 255, 255),
        width=4,
    )
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def ensure_image(title, alt, seed, **kwargs):
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).first()
    if image is None:
        image = image_model(title=title, description=alt)
        # The admin's upload rules; the renditions are drawn once the save commits.
        image.file = checked_image_file(draw_image(seed, **kwargs), name=f"demo-{seed}.jpg")
        image.save()
    return image


def ensure_document(title, filename):
    document_model = get_document_model()
    document = document_model.objects.filter(title=title).first()
    if document is None:
        buffer = io.BytesIO()
        PILImage.open(io.BytesIO(draw_image(7, size=(595, 842), colour=(240, 240, 240)))).save(
            buffer, format="PDF"
        )
        document = document_model(title=title)
        document.file = ContentFile(buffer.getvalue(), name=filename)
        check_document_file(document.file)
        document.save()
    return document


def publish(obj):
    obj.save_revision().publish()
    return obj


def ensure_snippet(model, locale, slug, **fields):
    obj = model.objects.filter(locale=locale, slug=slug).first()
    if obj is None:
        obj = model(locale=locale, slug=slug, **fields)
        obj.save()
        publish(obj)
    return obj


def ensure_child_page(parent, page_class, slug, **fields):
    page = parent.get_children().filter(slug=slug).first()
    if page is not None:
        return page.specific
    page = parent.add_child(instance=page_class(slug=slug, locale=parent.locale, **fields))
    return publish(page)


class DemoContent:
    """Builds the demo portal into the database; `load()` is idempotent."""

    def load(self):
        self.locale_vi, _ = Locale.objects.get_or_create(language_code="vi")
        Locale.objects.get_or_create(language_code="en")
        self.home = self.ensure_home_page()
        self.ensure_site()
        self.agencies = self.ensure_agencies()
        self.people = self.ensure_people()
        self.awards = self.ensure_awards()
        self.ensure_banners()
        self.ensure_settings()
        self.news_index = ensure_child_page(
            self.home,
            ArticleIndexPage,
            "tin-tuc-su-kien",
            title="Tin tức - Sự kiện",
            show_in_menus=True,
        )
        self.announcement_index = ensure_child_page(
            self.home,
            AnnouncementIndexPage,
            "thong-bao",
            title="Thông báo",
            show_in_menus=True,
        )
        self.seed_report = self.ensure_seed_report()
        self.ensure_sample_news()
        self.ensure_announcements()
        self.ensure_bloc()
        return self

    def ensure_home_page(self):
        home = HomePage.objects.filter(locale=self.locale_vi).first()
        if home:
            return home
        root = Page.get_first_root_node()
        # Wagtail's initial migration leaves a plain "Welcome" page; ours replaces it.
        for page in root.get_children().filter(
            content_type__app_label="wagtailcore", content_type__model="page"
        ):
            page.delete()
        home = root.add_child(
            instance=HomePage(title="Trang chủ", slug="trang-chu", locale=self.locale_vi)
        )
        return publish(home)

    def ensure_site(self):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            hostname, port = origin.site_address()
            Site.objects.create(
                hostname=hostname,
                port=port,
                root_page=self.home,
                is_default_site=True,
                site_name="Cổng thông tin điện tử Sở Khoa học và Công nghệ",
            )
        elif not isinstance(site.root_page.specific, HomePage):
            site.root_page = self.home
            site.save()

    def ensure_agencies(self):
        return {
            slug: ensure_snippet(
                Agency,
                self.locale_vi,
                slug,
                name=name,
                short_name=short_name,
                abbreviation=abbreviation,
                kind=kind,
            )
            for slug, name, short_name, abbreviation, kind in AGENCIES
        }

    def ensure_people(self):
        return {
            slug: ensure_snippet(
                Person,
                self.locale_vi,
                slug,
                name=name,
                position=position,
                agency=self.agencies[agency_slug],
            )
            for slug, name, position, agency_slug in PEOPLE
        }

    def ensure_awards(self):
        committee = self.agencies["ubnd-thanh-pho"]
        conferrer = self.people["hoang-minh-cuong"]
        specs = [
            dict(
                kind=Award.Kind.LEADING_UNIT_FLAG,
                title="Cờ “Đơn vị dẫn đầu khối thi đua”",
                recipients=[self.agencies["so-khcn"]],
            ),
            dict(
                kind=Award.Kind.CERTIFICATE_OF_MERIT,
                title="Bằng khen",
                recipient_count=7,
                recipient_description="tập thể có thành tích tiêu biểu, xuất sắc trong phong "
                "trào thi đua năm 2023",
                recipients=[],
            ),
        ]
        awards = []
        for spec in specs:
            recipients = spec.pop("recipients")
            award = Award.objects.filter(
                locale=self.locale_vi, kind=spec["kind"], year=2023, title=spec["title"]
            ).first()
            if award is None:
                award = Award(
                    locale=self.locale_vi,
                    year=2023,
                    conferred_by_agency=committee,
                    conferred_by_person=conferrer,
                    **spec,
                )
                award.recipients = [AwardRecipient(agency=agency) for agency in recipients]
                award.save()
                publish(award)
            awards.append(award)
        return awards

    def ensure_settings(self):
        """Name the portal after the agency that runs it; the seed gives no address or phone."""
        settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
        if settings.operating_agency_id is None and not settings.portal_name_en:
            settings.portal_name = "Cổng thông tin điện tử Sở Khoa học và Công nghệ Hải Phòng"
            settings.portal_name_en = "Hai Phong Department of Science and Technology portal"
            settings.operating_agency = self.agencies["so-khcn"]
            settings.save()

    def ensure_banners(self):
        header_image = ensure_image(
            "Ảnh biểu ngữ đầu trang (minh họa)",
            "Biểu ngữ Cổng thông tin điện tử Sở Khoa học và Công nghệ",
            seed=1,
            size=(1600, 260),
            label_bars=1,
        )
        specs = [
            (
                "Biểu ngữ đầu trang",
                header_image,
                Banner.Placement.HEADER,
                "",
                0,
                "Cổng thông tin điện tử Sở Khoa học và Công nghệ",
            )
        ]
        for order, (name, url, colour) in enumerate(SIDEBAR_BANNERS, start=1):
            image = ensure_image(
                f"Biểu ngữ liên kết: {name}",
                name,
                seed=10 + order,
                size=(600, 200),
                colour=colour,
                label_bars=1,
            )
            specs.append((name, image, Banner.Placement.SIDEBAR, url, order, name))
        for title, image, placement, url, order, alt in specs:
            if not Banner.objects.filter(locale=self.locale_vi, title=title).exists():
                publish(
                    Banner.objects.create(
                        locale=self.locale_vi,
                        title=title,
                        image=image,
                        alt_text=alt,
                        placement=placement,
                        link_url=url,
                        sort_order=order,
                    )
                )

    def ensure_seed_report(self):
        existing = self.news_index.get_children().filter(slug=SEED_SLUG).first()
        if existing:
            return existing.specific
        photos = [
            ensure_image(
                f"Ảnh minh họa {index}: {caption}",
                f"Ảnh minh họa do hệ thống tạo: {caption}",
                seed=100 + index,
            )
            for index, caption in enumerate(SEED_CAPTIONS, start=1)
        ]
        body = [
            (
                "image",
                {"image": self.image_value(photos[0]), "caption": SEED_CAPTIONS[0], "credit": ""},
            ),
            ("paragraph", RichText(f"<p>{escape(SEED_PARAGRAPHS[0])}</p>")),
            (
                "image",
                {"image": self.image_value(photos[1]), "caption": SEED_CAPTIONS[1], "credit": ""},
            ),
            ("paragraph", RichText(f"<p>{escape(SEED_PARAGRAPHS[1])}</p>")),
            ("paragraph", RichText(f"<p>{escape(SEED_PARAGRAPHS[2])}</p>")),
        ]
        event_start = timezone.make_aware(datetime(2024, 1, 26, 8, 0))
        report = EventReportPage(
            slug=SEED_SLUG,
            locale=self.news_index.locale,
            title=SEED_TITLE,
            lead=SEED_LEAD,
            author=SEED_AUTHOR,
            date=event_start,
            event_start=event_start,
            venue=SEED_VENUE,
            venue_address=SEED_VENUE_ADDRESS,
            featured=True,
        )
        report.body = body
        report.tags.add("Thi đua - Khen thưởng", "Văn hóa - xã hội")
        report.related_agencies = [ArticleAgency(agency=a) for a in self.agencies.values()]
        report.related_people = [ArticlePerson(person=p) for p in self.people.values()]
        report.officials = [
            EventOfficial(person=self.people["hoang-minh-cuong"], role="dự Hội nghị"),
            EventOfficial(person=self.people["do-van-loi"], role="phát biểu nhận nhiệm vụ"),
        ]
        report.participating_agencies = [
            EventAgency(agency=self.agencies[slug]) for slug in BLOC_MEMBER_SLUGS
        ]
        report.awards_conferred = [EventAward(award=award) for award in self.awards]
        self.news_index.add_child(instance=report)
        return publish(report)

    @staticmethod
    def image_value(image):
        return {"image": image, "alt_text": image.description, "decorative": False}

    def ensure_sample_news(self):
        start = timezone.make_aware(datetime(2024, 1, 2, 9, 0))
        for number, topic in enumerate(SAMPLE_TOPICS, start=1):
            slug = f"bai-viet-minh-hoa-{number}"
            if self.news_index.get_children().filter(slug=slug).exists():
                continue
            image = ensure_image(
                f"Ảnh minh họa bài viết {number}",
                f"Ảnh minh họa do hệ thống tạo cho bài viết mẫu số {number}",
                seed=200 + number,
                colour=(11, 79, 156),
            )
            page = NewsArticlePage(
                slug=slug,
                locale=self.news_index.locale,
                title=f"Bài viết minh họa {number}: {topic}",
                lead=f"Bài viết mẫu để minh họa trang danh sách tin: {topic.lower()}.",
                author="Ban biên tập",
                hero_image=image,
                date=start + timedelta(days=7 * number),
                featured=number in (13, 14),
                body=[
                    (
                        "paragraph",
                        RichText(SAMPLE_BODY),
                    )
                ],
            )
            page.tags.add("Khoa học - Công nghệ")
            self.news_index.add_child(instance=page)
            publish(page)

    def ensure_announcements(self):
        document = ensure_document("Tài liệu minh họa kèm thông báo", "tai-lieu-minh-hoa.pdf")
        for order, (slug, title, summary) in enumerate(ANNOUNCEMENTS):
            if self.announcement_index.get_children().filter(slug=slug).exists():
                continue
            page = AnnouncementPage(
                slug=slug,
                locale=self.announcement_index.locale,
                title=title,
                summary=summary,
                body=f"<p>{escape(summary)}</p>",
                date=timezone.make_aware(datetime(2024, 2, 1, 8, 0)) + timedelta(days=order),
            )
            page.attachments = [AnnouncementAttachment(document=document)] if order == 0 else []
            self.announcement_index.add_child(instance=page)
            publish(page)

    def ensure_bloc(self):
        """The seed's emulation bloc: its 2023 members and review, its 2024 head and covenant.

        Only what the seed says: nobody is recorded as head in 2023, and the 2024 members are
        not listed beyond the head (the year is marked as incomplete).
        """
        from datetime import date

        from blocs.models import (
            BlocIndexPage,
            BlocMembership,
            BlocPage,
            BlocYear,
            BlocYearAward,
            BlocYearExceededTarget,
        )

        index = ensure_child_page(
            self.home, BlocIndexPage, "khoi-thi-dua", title="Khối thi đua", show_in_menus=True
        )
        bloc = ensure_child_page(
            index,
            BlocPage,
            "khoi-van-hoa-xa-hoi",
            title="Khối các cơ quan Quản lý nhà nước về Văn hóa - xã hội thành phố",
            short_name="Khối Văn hóa - xã hội",
        )

        def ensure_year(year, members, **fields):
            bloc_year = BlocYear.objects.filter(bloc=bloc, year=year, locale=bloc.locale).first()
            if bloc_year is not None:
                return bloc_year
            exceeded = fields.pop("exceeded_targets", [])
            awards = fields.pop("awards", [])
            bloc_year = BlocYear(bloc=bloc, year=year, locale=bloc.locale, **fields)
            bloc_year.memberships = [
                BlocMembership(agency=self.agencies[slug], role=role, sort_order=order)
                for order, (slug, role) in enumerate(members)
            ]
            bloc_year.exceeded_targets = [
                BlocYearExceededTarget(agency=self.agencies[slug], sort_order=order)
                for order, slug in enumerate(exceeded)
            ]
            bloc_year.awards = [
                BlocYearAward(award=award, sort_order=order) for order, award in enumerate(awards)
            ]
            bloc_year.save()
            return publish(bloc_year)

        ensure_year(
            2023,
            [(slug, BlocMembership.Role.MEMBER) for slug in BLOC_MEMBER_SLUGS],
            members_complete=True,
            leading_unit=self.agencies["so-khcn"],
            exceeded_targets=["so-khcn", "so-ldtbxh", "so-tttt"],
            awards=[award for award in self.awards if award.year == 2023],
        )
        year_2024 = ensure_year(
            2024,
            [("so-gddt", BlocMembership.Role.HEAD)],
            members_complete=False,
            motto="đoàn kết, sáng tạo, tăng tốc và hiệu quả",
            covenant_signed_on=date(2024, 1, 26),
            signing_report=self.seed_report,
        )
        # Fresh from the database: the object in hand may predate its own publication.
        report = EventReportPage.objects.get(pk=self.seed_report.pk)
        if report.bloc_term_id is None and not report.has_unpublished_changes:
            report.bloc_term = year_2024
            self.seed_report = publish(report)
