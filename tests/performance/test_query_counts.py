"""SQL query counts of the HTML pages, feeds and sitemap do not grow with the content.

Each URL is measured after 3 and after 30 load-test articles were added (with the demo
world underneath); the listing shows every article on one page, so the number of items
shown grows tenfold while the count of queries must not grow.
"""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticleIndexPage, EventReportPage, NewsArticlePage
from blocs.models import BlocPage
from demo.data import SEED_SLUG
from snippets.models import Agency


def add_articles(count):
    call_command(
        "generate_load_content",
        articles=count,
        agencies=6,
        blocs=2,
        images=6,
        skip_index=True,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )


def count_queries(client, url):
    client.get(url)  # Warms what is made once (renditions, site root paths).
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def urls():
    first_article = NewsArticlePage.objects.exact_type(NewsArticlePage).order_by("pk")
    generated_report = EventReportPage.objects.exclude(slug=SEED_SLUG).order_by("pk").first()
    bloc = BlocPage.objects.live().order_by("pk").last()
    agency = Agency.objects.get(slug="so-khcn")
    return {
        "home": "/",
        "article listing": "/tin-tuc-su-kien/",
        "listing by tag": "/tin-tuc-su-kien/?tag=chuyển đổi số",
        "announcements": "/thong-bao/",
        "article": first_article.first().url,
        "seed event report": EventReportPage.objects.get(slug=SEED_SLUG).url,
        "event report": generated_report.url,
        "bloc index": "/khoi-thi-dua/",
        "bloc": bloc.url,
        "agency profile": f"/khoi-thi-dua/don-vi/{agency.slug}/",
        "rss": "/tin-tuc-su-kien/rss/",
        "atom": "/tin-tuc-su-kien/atom/",
        "sitemap": "/sitemap.xml",
        "sitemap section": "/sitemap-pages.xml",
        "search": "/tim-kiem/?q=chuyển đổi số",
        "API listing, fields=*": "/api/v2/pages/?type=articles.NewsArticlePage&fields=*",
    }


def measure(client):
    ArticleIndexPage.objects.update(per_page=100)
    counts = {name: count_queries(client, url) for name, url in urls().items()}
    # A later page of a listing: ten pages of five items with 30 more articles.
    ArticleIndexPage.objects.update(per_page=5)
    counts["article listing, page 3"] = count_queries(client, "/tin-tuc-su-kien/?page=3")
    return counts


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_content(client, demo_content):
    add_articles(3)
    few = measure(client)
    add_articles(27)
    many = measure(client)
    assert NewsArticlePage.objects.count() >= 30
    # None grows; a generated event report's related list needs one query fewer once three
    # articles share its tags or agencies: the newest fill a shorter one.
    assert {name: (few[name], count) for name, count in many.items() if count > few[name]} == {}
    fewer = {name: few[name] - count for name, count in many.items() if count < few[name]}
    assert fewer in ({}, {"event report": 1}), fewer
