"""The demo portal: the seed page's world (an event report of the Culture and Society
emulation bloc, its agencies, officials and awards) plus the department's news and
announcements (demo.news).

Everything is looked up by a stable key (slug or title) before it is created, so
loading twice creates no duplicates and keeps whatever an editor changed. The seed's words
are in `demo.data`, the building blocks (images drawn with Pillow, snippets, pages) in
`demo.ensure`.
"""

from datetime import date, datetime

from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from articles.models import (
    AnnouncementIndexPage,
    ArticleAgency,
    ArticleIndexPage,
    ArticlePerson,
    EventAgency,
    EventAward,
    EventOfficial,
    EventReportPage,
)
from blocs.models import (
    BlocIndexPage,
    BlocMembership,
    BlocPage,
    BlocYear,
    BlocYearAward,
    BlocYearExceededTarget,
)
from core import origin
from home.models import HomePage, PortalSettings
from snippets.models import Agency, Award, AwardRecipient, Banner, Person

from . import data
from .ensure import ensure_child_page, ensure_image, ensure_snippet, publish
from .news import NewsDemo
from .news_data import SCENE_ALT


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
        NewsDemo(self.news_index, self.announcement_index, self.agencies).load()
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
            for slug, name, short_name, abbreviation, kind in data.AGENCIES
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
            for slug, name, position, agency_slug in data.PEOPLE
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
        for order, (name, url, colour) in enumerate(data.SIDEBAR_BANNERS, start=1):
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
        existing = self.news_index.get_children().filter(slug=data.SEED_SLUG).first()
        if existing:
            return existing.specific
        photos = [
            ensure_image(
                f"Ảnh minh họa {index}: {caption}",
                SCENE_ALT[scene][0],
                seed=100 + index,
                scene=scene,
            )
            for index, (caption, scene) in enumerate(
                zip(data.SEED_CAPTIONS, data.SEED_SCENES, strict=True), start=1
            )
        ]
        images = [
            ("image", {"image": self.image_value(photo), "caption": caption, "credit": ""})
            for photo, caption in zip(photos, data.SEED_CAPTIONS, strict=True)
        ]
        paragraphs = [
            ("paragraph", RichText(f"<p>{escape(text)}</p>")) for text in data.SEED_PARAGRAPHS
        ]
        body = [images[0], paragraphs[0], images[1], *paragraphs[1:]]
        event_start = timezone.make_aware(datetime(2024, 1, 26, 8, 0))
        report = EventReportPage(
            slug=data.SEED_SLUG,
            locale=self.news_index.locale,
            title=data.SEED_TITLE,
            lead=data.SEED_LEAD,
            author=data.SEED_AUTHOR,
            date=event_start,
            event_start=event_start,
            venue=data.SEED_VENUE,
            venue_address=data.SEED_VENUE_ADDRESS,
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
            EventAgency(agency=self.agencies[slug]) for slug in data.BLOC_MEMBER_SLUGS
        ]
        report.awards_conferred = [EventAward(award=award) for award in self.awards]
        self.news_index.add_child(instance=report)
        return publish(report)

    @staticmethod
    def image_value(image):
        return {"image": image, "alt_text": image.description, "decorative": False}

    def ensure_bloc(self):
        """The seed's emulation bloc: its 2023 members and review, its 2024 head and covenant.

        Only what the seed says: nobody is recorded as head in 2023, and the 2024 members are
        not listed beyond the head (the year is marked as incomplete).
        """
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
        self.ensure_bloc_year(
            bloc,
            2023,
            [(slug, BlocMembership.Role.MEMBER) for slug in data.BLOC_MEMBER_SLUGS],
            members_complete=True,
            leading_unit=self.agencies["so-khcn"],
            exceeded_targets=["so-khcn", "so-ldtbxh", "so-tttt"],
            awards=[award for award in self.awards if award.year == 2023],
        )
        year_2024 = self.ensure_bloc_year(
            bloc,
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

    def ensure_bloc_year(self, bloc, year, members, **fields):
        """The bloc's year with its members [(agency slug, role)], unless it already exists."""
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
