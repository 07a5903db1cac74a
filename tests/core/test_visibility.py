"""One rule for "may a reader see this page": no reference, box or API item names a page that
is live but private (login, password or group restriction), as an anonymous reader sees it."""

import pytest
from wagtail.models import PageViewRestriction

from blocs.models import BlocPage
from demo.data import SEED_SLUG
from snippets.models import Banner
from tests.restrictions import KINDS, restrict

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_report(demo_content):
    return demo_content.seed_report


@pytest.fixture
def bloc(seed_report):
    return seed_report.specific.bloc_term.bloc


@pytest.mark.parametrize("kind", KINDS)
def test_a_private_bloc_is_named_neither_in_the_box_nor_in_the_api(client, seed_report, bloc, kind):
    link = f'<a href="{bloc.url}">{bloc.title}</a>'
    assert link in client.get(seed_report.url).content.decode()
    restrict(bloc, kind)

    html = client.get(seed_report.url).content.decode()
    assert 'class="bloc-term"' not in html
    assert f'href="{bloc.url}"' not in html
    item = client.get(f"/api/v2/pages/{seed_report.pk}/").json()
    assert item["bloc_term"] is None
    assert bloc.url not in str(item)


def test_a_bloc_under_a_private_section_is_private_too(client, seed_report, bloc):
    """A restriction applies to the page's descendants: the bloc index's restriction hides it."""
    restrict(bloc.get_parent(), PageViewRestriction.LOGIN)
    assert f'href="{bloc.url}"' not in client.get(seed_report.url).content.decode()
    assert client.get(f"/api/v2/pages/{seed_report.pk}/").json()["bloc_term"] is None


def test_a_banner_does_not_name_a_private_page(client, demo_content, bloc):
    banner = Banner.objects.filter(live=True, placement=Banner.Placement.SIDEBAR).first()
    banner.link_page = bloc
    banner.link_url = ""
    banner.save()
    listing = client.get("/api/v2/banners/", {"fields": "link_page,link"}).json()
    item = next(item for item in listing["items"] if item["id"] == banner.pk)
    assert item["link_page"]["title"] == bloc.title

    restrict(bloc, PageViewRestriction.PASSWORD)
    listing = client.get("/api/v2/banners/", {"fields": "link_page,link"}).json()
    item = next(item for item in listing["items"] if item["id"] == banner.pk)
    assert item["link_page"] is None
    assert item["link"] is None
    detail = client.get(f"/api/v2/banners/{banner.pk}/").json()
    assert detail["link_page"] is None
    assert bloc.title not in str(detail)
    assert f'href="{bloc.url}"' not in client.get("/").content.decode()


def test_an_english_bloc_does_not_link_a_private_english_report(client, demo_content_en):
    bloc = BlocPage.objects.get(locale__language_code="en")
    report_vi = demo_content_en.seed_report
    report_en = report_vi.get_translation(bloc.locale)
    restrict(report_en, PageViewRestriction.LOGIN)

    html = client.get(bloc.url).content.decode()
    assert report_en.title not in html
    assert report_en.url not in html
    # The Vietnamese report, public, is linked in its own language instead.
    assert f'<a href="{report_vi.url}" lang="vi">{report_vi.title}</a>' in html

    restrict(report_vi, PageViewRestriction.LOGIN)
    html = client.get(bloc.url).content.decode()
    assert report_vi.url not in html
    assert report_en.url not in html


def test_private_pages_are_left_out_of_feeds_sitemap_and_search(client, demo_content):
    article = demo_content.seed_report
    assert article.slug == SEED_SLUG
    restrict(article, PageViewRestriction.LOGIN)
    for url in ["/tin-tuc-su-kien/rss/", "/sitemap-pages.xml", "/tin-tuc-su-kien/"]:
        assert article.url not in client.get(url).content.decode(), url
    assert article.url not in client.get("/tim-kiem/", {"q": article.title}).content.decode()
