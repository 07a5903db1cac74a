from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.images.tests.utils import get_test_image_file

from articles.models import AnnouncementIndexPage, ArticleIndexPage, NewsArticlePage


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def news_index(home):
    index = home.add_child(instance=ArticleIndexPage(title="Tin tức - Sự kiện", slug="tin-tuc"))
    return publish(index)


@pytest.fixture
def announcement_index(home):
    index = home.add_child(instance=AnnouncementIndexPage(title="Thông báo", slug="thong-bao"))
    return publish(index)


@pytest.fixture
def image_factory(db):
    from wagtail.images import get_image_model

    def make(title="Ảnh"):
        return get_image_model().objects.create(title=title, file=get_test_image_file())

    return make


@pytest.fixture
def article_factory(news_index, image_factory):
    counter = {"n": 0}

    def make(publish_it=True, with_image=True, parent=None, **fields):
        counter["n"] += 1
        number = counter["n"]
        defaults = {
            "title": f"Bài viết {number}",
            "slug": f"bai-viet-{number}",
            "lead": f"Tóm tắt bài viết {number}",
            "date": timezone.now() - timedelta(days=number),
            "hero_image": image_factory(f"Ảnh {number}") if with_image else None,
        }
        defaults.update(fields)
        page = (parent or news_index).add_child(
            instance=NewsArticlePage(live=publish_it, **defaults)
        )
        if publish_it:
            publish(page)
        else:
            page.save_revision()
        return page

    return make
