"""SQL queries of a page rendered with Django's caches empty (issue 21's cold origin).

After a change, or with a new cache, every site-wide part of a page is computed again: these
ceilings keep the cold path from growing back. They are today's counts on the demo, not the
issue's targets (an article at most 12, an event report at most 15); docs/performance.md says
where the rest come from (bench/query_sources.py lists them).
"""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import EventReportPage, NewsArticlePage
from demo.data import SEED_SLUG

# Before routing by URL path, the chrome's joined fragments and routed breadcrumbs (2b0ab28):
# article 47, event report 59, home 40, news listing 38. Before routed pages' view restrictions
# came from the restricted paths (core.visibility.RoutedRestrictionsMixin), hero images were
# joined, a bloc year read with its bloc, award recipients with their agencies and the visitor
# figures' old days with the starting total: 34, 46, 32, 28. Before the event report's bloc
# box read its head with the year: event report 40.
CEILINGS = {"article": 31, "event report": 39, "home": 29, "news listing": 25}


def cold_queries(client, url):
    client.get(url)  # What one process makes once (content types, renditions' files).
    for cache in caches.all():
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.django_db
def test_a_cold_page_stays_within_its_query_ceiling(client, demo_content):
    urls = {
        "article": NewsArticlePage.objects.exact_type(NewsArticlePage).order_by("pk").first().url,
        "event report": EventReportPage.objects.get(slug=SEED_SLUG).url,
        "home": "/",
        "news listing": "/tin-tuc-su-kien/",
    }
    counts = {name: cold_queries(client, url) for name, url in urls.items()}
    assert all(counts[name] <= CEILINGS[name] for name in CEILINGS), counts
