"""A demo-like portal for the clients' tests: the Vietnamese demo (pages, agencies, people,
awards, banners, a bloc), English translations of some of it, two legal documents and a
published week of the work calendar. Editors' actions are Wagtail's own calls."""

from datetime import date, time, timedelta
from itertools import count

from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from articles.models import ArticleIndexPage, NewsArticlePage
from blocs.models import BlocIndexPage, BlocPage
from demo.content import DemoContent
from demo.ensure import ensure_image
from legal_documents.models import DocumentType, LegalDocumentIndexPage, LegalDocumentPage
from snippets.models import Agency, Banner
from work_calendar.models import WorkCalendarPage, WorkEntry, WorkWeek
from work_calendar.weeks import monday_of

_serial = count(1)


def publish(obj):
    obj.save_revision().publish()
    obj.refresh_from_db()
    return obj


def publish_snippet(instance):
    instance.live = False
    instance.save()
    instance.save_revision().publish()
    instance.refresh_from_db()
    return instance


class World:
    def load(self):
        # The demo's home page, site, agencies, people and awards (its news, drawn images
        # and English translation would take a minute).
        self.demo = demo = DemoContent()
        demo.locale_vi, _ = Locale.objects.get_or_create(language_code="vi")
        self.english, _ = Locale.objects.get_or_create(language_code="en")
        demo.home = demo.ensure_home_page()
        demo.ensure_site()
        demo.agencies = demo.ensure_agencies()
        demo.people = demo.ensure_people()
        demo.awards = demo.ensure_awards()
        image = ensure_image("Biểu ngữ", "Biểu ngữ", seed=1, size=(60, 20))
        banner = dict(locale=demo.locale_vi, title="Biểu ngữ", image=image, alt_text="Biểu ngữ")
        publish(Banner.objects.create(**banner))
        blocs = publish(demo.home.add_child(instance=BlocIndexPage(title="Khối thi đua", slug="k")))
        publish(blocs.add_child(instance=BlocPage(title="Khối Văn hóa - xã hội", slug="vhxh")))
        self.news_index = publish(
            demo.home.add_child(instance=ArticleIndexPage(title="Tin tức", slug="tin-tuc"))
        )
        self.articles = [self.article() for _ in range(8)]
        for article in self.articles[:2]:
            self.translate(article)
        agency = Agency.objects.filter(live=True, locale__language_code="vi").first()
        english = agency.copy_for_translation(self.english)
        english.name, english.slug = f"{agency.name} (EN)", f"{agency.slug}-en"
        publish_snippet(english)
        self.legal_index = publish(
            self.demo.home.add_child(instance=LegalDocumentIndexPage(title="Văn bản", slug="vb"))
        )
        self.decision = DocumentType.objects.create(name="Quyết định", slug="quyet-dinh")
        self.documents = [self.legal_document() for _ in range(2)]
        self.calendar = publish(
            self.demo.home.add_child(instance=WorkCalendarPage(title="Lịch công tác", slug="lct"))
        )
        self.week = self.work_week(monday_of(timezone.localdate()))
        return self

    def translate(self, page):
        english = page.copy_for_translation(self.english, copy_parents=True)
        english.slug = f"{page.slug}-en"
        english.title = f"{page.title} (EN)"
        english.save()
        for ancestor in english.get_ancestors().filter(depth__gt=1, live=False):
            publish(ancestor.specific)
        return publish(english)

    def article(self, parent=None, title=None):
        number = next(_serial)
        page = (parent or self.news_index).add_child(
            instance=NewsArticlePage(
                title=title or f"Tin mới số {number}",
                slug=f"tin-moi-{number}",
                lead=f"Tóm tắt {number}",
                date=timezone.now() - timedelta(days=number),
            )
        )
        return publish(page)

    def legal_document(self):
        number = next(_serial)
        page = LegalDocumentPage(
            title=f"Quyết định số {number}/2026/QĐ-UBND",
            slug=f"quyet-dinh-{number}",
            number=f"{number}/2026/QĐ-UBND",
            document_type=self.decision,
            issuer=Agency.objects.filter(live=True).first(),
            issue_date=date(2026, 1, 1) + timedelta(days=number),
            abstract=f"Quy chế số {number}",
        )
        return publish(self.legal_index.add_child(instance=page))

    def work_week(self, monday):
        week = WorkWeek(week_start=monday, live=False)
        for day, hour, content in ((0, 8, "Họp giao ban Sở"), (2, 14, "Kiểm tra phòng thí nghiệm")):
            week.entries.add(
                WorkEntry(date=monday + timedelta(days=day), start_time=time(hour), content=content)
            )
        week.save()
        week.save_revision().publish()
        week.refresh_from_db()
        return week

    def private_section(self):
        """A news section behind a password: nothing in it may reach the mirror."""
        section = publish(
            self.demo.home.add_child(instance=ArticleIndexPage(title="Nội bộ", slug="noi-bo"))
        )
        PageViewRestriction.objects.create(
            page=section, restriction_type=PageViewRestriction.PASSWORD, password="mật khẩu"
        )
        return section
