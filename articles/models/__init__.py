"""The article section: an index, news articles, event reports and announcements.

An event report *is* a news article with event facts (multi-table inheritance), so
one query over `NewsArticlePage` lists both, with their dates, leads and images.

- `news`: the article index (with its feeds) and news articles;
- `events`: event reports and their officials, agencies and awards;
- `announcements`: the announcement index and announcements;
- `common`: what they share (listing images, pagination, body images, publication date).
"""

from .announcements import AnnouncementAttachment, AnnouncementIndexPage, AnnouncementPage
from .common import body_images, with_listing_images
from .events import EventAgency, EventAward, EventOfficial, EventReportPage
from .news import ArticleAgency, ArticleIndexPage, ArticlePerson, NewsArticlePage, NewsArticleTag

__all__ = [
    "AnnouncementAttachment",
    "AnnouncementIndexPage",
    "AnnouncementPage",
    "ArticleAgency",
    "ArticleIndexPage",
    "ArticlePerson",
    "EventAgency",
    "EventAward",
    "EventOfficial",
    "EventReportPage",
    "NewsArticlePage",
    "NewsArticleTag",
    "body_images",
    "with_listing_images",
]
