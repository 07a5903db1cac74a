"""Pages, banners and settings built in code for the home page and site template tests."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction, Site

from articles.models import (
    AnnouncementIndexPage,
    AnnouncementPage,
    ArticleIndexPage,
    NewsArticlePage,
)
from home.models import PortalSettings
from snippets.models import Agency, Banner


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def news_section(home):
    return publish(
        home.add_child(instance=ArticleIndexPage(title="Tin tức - Sự kiện", slug="tin-tuc"))
    )


@pytest.fixture
def announcement_section(home):
    return publish(
        home.add_child(instance=AnnouncementIndexPage(title="Thông báo", slug="thong-bao"))
    )


@pytest.fixture
def make_image(db):
    def make(title="Ảnh", description=""):
        return get_image_model().objects.create(
            title=title, description=description, file=get_test_image_file()
        )

    return make


@pytest.fixture
def make_article(news_section, make_image):
    """News articles, newest first by number: article 1 is a day old, article 2 two days..."""
    counter = {"n": 0}

    def make(live=True, private=False, with_image=True, parent=None, **fields):
        counter["n"] += 1
        number = counter["n"]
        values = {
            "title": f"Bài viết số {number}",
            "slug": f"bai-viet-so-{number}",
            "lead": f"Tóm tắt của bài viết số {number}",
            "date": timezone.now() - timedelta(days=number),
            "hero_image": make_image(f"Ảnh {number}") if with_image else None,
        }
        values.update(fields)
        page = (parent or news_section).add_child(instance=NewsArticlePage(live=live, **values))
        if live:
            publish(page)
        else:
            page.save_revision()
        if private:
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.PASSWORD, password="bí-mật"
            )
        return page

    return make


@pytest.fixture
def make_announcement(announcement_section):
    counter = {"n": 0}

    def make(live=True, **fields):
        counter["n"] += 1
        number = counter["n"]
        values = {
            "title": f"Thông báo số {number}",
            "slug": f"thong-bao-so-{number}",
            "date": timezone.now() - timedelta(hours=number),
        }
        values.update(fields)
        page = announcement_section.add_child(instance=AnnouncementPage(live=live, **values))
        if live:
            publish(page)
        else:
            page.save_revision()
        return page

    return make


@pytest.fixture
def make_banner(locale_vi, make_image):
    counter = {"n": 0}

    def make(placement=Banner.Placement.SIDEBAR, live=True, locale=None, **fields):
        counter["n"] += 1
        number = counter["n"]
        values = {
            "title": f"Banner {number}",
            "alt_text": f"Liên kết số {number}",
            "image": make_image(f"Banner {number}"),
            "link_url": f"https://portal-{number}.example.gov.vn/",
            "sort_order": number,
        }
        values.update(fields)
        return Banner.objects.create(
            placement=placement, live=live, locale=locale or locale_vi, **values
        )

    return make


@pytest.fixture
def portal_settings(home, locale_vi):
    agency = Agency.objects.create(
        name="Sở Khoa học và Công nghệ thành phố Hải Phòng",
        abbreviation="Sở KH&CN",
        slug="so-khcn",
        locale=locale_vi,
        website="https://dost.haiphong.gov.vn/",
    )
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.portal_name = "Cổng thông tin điện tử Sở KH&CN Hải Phòng"
    settings.portal_name_en = "Hai Phong Department of Science and Technology portal"
    settings.operating_agency = agency
    settings.footer_address = "Số 16 Lý Tự Trọng, Hồng Bàng, Hải Phòng"
    settings.phone = "0225 3842 585"
    settings.email = "sokhcn@haiphong.gov.vn"
    settings.licence_line = "Giấy phép số 21/GP-TTĐT cấp ngày 15/03/2019"
    settings.licence_line_en = "Licence No. 21/GP-TTĐT of 15 March 2019"
    settings.responsible_person = "Ông Nguyễn Văn An - Giám đốc Sở"
    settings.save()
    return settings
