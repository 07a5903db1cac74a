"""The demo's news articles and announcements (their words in demo.news_innovation,
demo.news_management and demo.announcement_data) as published pages, and the strings of
their English translation.

Each page is looked up by its slug before it is created: loading twice creates nothing
new and keeps what an editor changed. Dates count back from the day of loading.
"""

from dataclasses import replace
from datetime import datetime, time, timedelta

from django.utils import timezone
from django.utils.html import escape
from wagtail.rich_text import RichText

from articles.models import AnnouncementAttachment, AnnouncementPage, ArticleAgency, NewsArticlePage

from .announcement_data import ANNOUNCEMENTS, ATTACHMENT_TITLE, ATTACHMENT_TITLE_EN
from .ensure import ensure_document, ensure_image, publish
from .news_data import SCENE_ALT, TAGS
from .news_innovation import INNOVATION_NEWS
from .news_management import MANAGEMENT_NEWS

NEWS = sorted([*INNOVATION_NEWS, *MANAGEMENT_NEWS], key=lambda item: item.days_ago)
IMAGE_SEED = 300


def days_before_today(days, hour):
    """The local `hour` of the day `days` before today, as an aware datetime."""
    day = timezone.localdate() - timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour)))


def filled(text, year):
    """The Text with "{year}" replaced in every string."""
    return replace(
        text,
        title=text.title.format(year=year),
        lead=text.lead.format(year=year),
        paragraphs=tuple(paragraph.format(year=year) for paragraph in text.paragraphs),
    )


def article_image(number, item):
    """The article's drawing (cached by demo.ensure.draw_image), described by its scene."""
    return ensure_image(
        f"Ảnh bài viết: {item.slug}",
        SCENE_ALT[item.scene][0],
        seed=IMAGE_SEED + number,
        scene=item.scene,
    )


class NewsDemo:
    """Builds the demo news under `news_index` and announcements under
    `announcement_index`; `load()` is idempotent."""

    def __init__(self, news_index, announcement_index, agencies):
        self.news_index = news_index
        self.announcement_index = announcement_index
        self.agencies = agencies

    def load(self):
        existing = set(self.news_index.get_children().values_list("slug", flat=True))
        for number, item in enumerate(NEWS, start=1):
            if item.slug not in existing:
                self.add_article(number, item)
        existing = set(self.announcement_index.get_children().values_list("slug", flat=True))
        for item in ANNOUNCEMENTS:
            if item.slug not in existing:
                self.add_announcement(item)
        return self

    def add_article(self, number, item):
        date = days_before_today(item.days_ago, 8 + number % 8)
        text = filled(item.vi, date.year)
        image = article_image(number, item)
        picture = {
            "image": {"image": image, "alt_text": image.description, "decorative": False},
            "caption": text.caption,
            "credit": "",
        }
        page = NewsArticlePage(
            slug=item.slug,
            locale=self.news_index.locale,
            title=text.title,
            lead=text.lead,
            author=item.author,
            date=date,
            featured=item.featured,
            body=[
                ("image", picture),
                *(("paragraph", RichText(f"<p>{escape(p)}</p>")) for p in text.paragraphs),
            ],
        )
        page.tags.add(*item.tags)
        page.related_agencies = [ArticleAgency(agency=self.agencies[s]) for s in item.agencies]
        self.news_index.add_child(instance=page)
        publish(page)

    def add_announcement(self, item):
        date = days_before_today(item.days_ago, 8)
        text = filled(item.vi, date.year)
        page = AnnouncementPage(
            slug=item.slug,
            locale=self.announcement_index.locale,
            title=text.title,
            summary=text.lead,
            body="".join(f"<p>{escape(paragraph)}</p>" for paragraph in text.paragraphs),
            date=date,
            valid_until=date.date() + timedelta(days=item.valid_days) if item.valid_days else None,
        )
        if item.attachment:
            document = ensure_document(ATTACHMENT_TITLE, "mau-ho-so-tuyen-chon-nhiem-vu.pdf")
            page.attachments = [AnnouncementAttachment(document=document, title=ATTACHMENT_TITLE)]
        self.announcement_index.add_child(instance=page)
        publish(page)

    def english_strings(self):
        """[(page, {Vietnamese source string: English})] for every demo page that exists."""
        items = {item.slug: item for item in [*NEWS, *ANNOUNCEMENTS]}
        pages = [
            *NewsArticlePage.objects.child_of(self.news_index),
            *AnnouncementPage.objects.child_of(self.announcement_index),
        ]
        return [
            (page, item_strings(items[page.slug], page.date.year))
            for page in pages
            if page.slug in items
        ]


def item_strings(item, year):
    """The Vietnamese -> English strings of one news item or announcement."""
    vi, en = filled(item.vi, year), filled(item.en, year)
    strings = {
        item.slug: item.slug_en,
        vi.title: en.title,
        vi.lead: en.lead,
        **dict(zip(vi.paragraphs, en.paragraphs, strict=True)),
        ATTACHMENT_TITLE: ATTACHMENT_TITLE_EN,
        **TAGS,
    }
    if vi.caption:
        strings[vi.caption] = en.caption
    if getattr(item, "scene", None):
        strings[SCENE_ALT[item.scene][0]] = SCENE_ALT[item.scene][1]
    return strings
