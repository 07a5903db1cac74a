"""The demo's news and announcements (demo.news): a department's own news, with drawn
pictures that fit them, complete in English, the seed report's photo on its cards."""

import re

import pytest
from wagtail.models import Locale

from articles.models import AnnouncementPage, NewsArticlePage
from demo.announcement_data import ANNOUNCEMENTS
from demo.ensure import draw_image
from demo.news import NEWS, NewsDemo
from demo.news_data import SCENE_ALT, TAGS
from demo.scenes import SCENES

pytestmark = pytest.mark.django_db
VIETNAMESE = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệọỏốồổỗộớờởỡợụủứừửữự]", re.IGNORECASE)


def news_pages(language):
    return NewsArticlePage.objects.filter(locale__language_code=language).exact_type(
        NewsArticlePage
    )


def test_the_demo_publishes_a_departments_news_and_announcements(client, demo_content):
    assert len(NEWS) >= 12 and len(ANNOUNCEMENTS) >= 6
    titles = set(news_pages("vi").live().values_list("title", flat=True))
    assert len(titles) == len(NEWS)
    assert not [title for title in titles if "minh họa" in title.lower()]
    html = client.get("/tin-tuc-su-kien/").content.decode()
    assert "Nghiệm thu đề tài ứng dụng chế phẩm sinh học trong nuôi trồng thủy sản" in html
    assert "Bài viết minh họa" not in html
    box = client.get("/thong-bao/").content.decode()
    assert "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Sở" in box


def test_every_article_has_a_drawing_described_in_its_alt_text(client, demo_content):
    article = NewsArticlePage.objects.get(slug="kiem-tra-do-luong-chat-luong-xang-dau")
    assert article.picture.description == SCENE_ALT["metrology"][0]
    html = client.get(article.url).content.decode()
    assert f'alt="{SCENE_ALT["metrology"][0]}"' in html
    for page in news_pages("vi"):
        assert page.picture is not None, page.slug


def test_each_scene_is_its_own_drawing():
    drawings = {draw_image(1, scene=scene) for scene in SCENES}
    assert len(drawings) == len(SCENES)
    assert draw_image(1, scene="fair") == draw_image(1, scene="fair")


def test_loading_twice_adds_nothing(demo_content):
    counts = NewsArticlePage.objects.count(), AnnouncementPage.objects.count()
    NewsDemo(demo_content.news_index, demo_content.announcement_index, demo_content.agencies).load()
    assert (NewsArticlePage.objects.count(), AnnouncementPage.objects.count()) == counts


def test_the_news_and_announcements_are_complete_in_english(client, demo_content_en):
    english = {item.slug_en: item for item in NEWS}
    pages = list(news_pages("en"))
    assert sorted(page.slug for page in pages) == sorted(english)
    for page in pages:
        item = english[page.slug]
        assert page.title == item.en.title.format(year=page.date.year)
        assert [tag.name for tag in page.tags.all()] == [TAGS[tag] for tag in item.tags]
        assert page.body.raw_data[0]["value"]["image"]["alt_text"] == SCENE_ALT[item.scene][1]
    announcements = AnnouncementPage.objects.filter(locale__language_code="en")
    assert announcements.count() == len(ANNOUNCEMENTS)
    for page in announcements:
        assert not VIETNAMESE.search(page.title + page.summary + page.body), page.slug
    html = client.get("/en/announcements/call-for-science-and-technology-tasks/").content.decode()
    assert "Application form for the selection of science and technology tasks" in html


def card(html, href_part):
    """The article card whose title links to a URL containing `href_part`."""
    for match in re.finditer(r'<article class="article-card[^"]*">.*?</article>', html, re.S):
        if href_part in match.group(0):
            return match.group(0)
    raise AssertionError(f"no card for {href_part}")


def seed_listing_html(client, index_url, href_part):
    """The listing page that holds the seed report's card (it is the oldest article)."""
    for number in range(1, 10):
        html = client.get(f"{index_url}?page={number}").content.decode()
        if href_part in html:
            return html
    raise AssertionError("the seed report is in no listing page")


def test_the_seed_reports_cards_show_its_first_photo(client, demo_content_en):
    """Its picture is its body's first photo (it has no hero image), at home and in the
    listing, in both languages."""
    photo = re.compile(r"<picture>.*?/media/images/demo-101[._][^\"]*\.jpg", re.S)
    for language, home, index in [
        ("vi", "/", "/tin-tuc-su-kien/"),
        ("en", "/en/", "/en/news-and-events/"),
    ]:
        locale = Locale.objects.get(language_code=language)
        report = demo_content_en.seed_report.get_translation(locale)
        assert photo.search(card(client.get(home).content.decode(), report.url)), language
        listing = seed_listing_html(client, index, report.url)
        assert photo.search(card(listing, report.url)), language
