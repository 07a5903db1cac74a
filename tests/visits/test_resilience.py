"""Concurrent counting is exact; a Redis outage keeps pages up."""

import os
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import connection

from visits.counting import current_figures, fold, record_visit
from visits.models import DailyVisits, PageViews

THREADS = 8
VISITORS = 50  # per thread, each viewing the page twice


@pytest.fixture
def own_page(transactional_db):
    """A page of its own: an earlier transactional test may have emptied the database."""
    from wagtail.models import Locale, Page

    Locale.objects.get_or_create(language_code="vi")
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))


def count_concurrently(page_id, fold_while_counting):
    barrier = threading.Barrier(THREADS)

    def worker(n):
        barrier.wait()
        for v in range(VISITORS):
            for _ in range(2):
                record_visit(f"10.{n}.0.{v}", "Mozilla/5.0 Firefox/128.0", page_id)
            if fold_while_counting and v % 10 == 0:
                fold()  # folds run while others count

    try:
        with ThreadPoolExecutor(THREADS) as pool:
            list(pool.map(worker, range(THREADS)))
    finally:
        connection.close()


def assert_exact(page_id):
    expected_visitors = THREADS * VISITORS
    figures = current_figures(page_id)
    assert figures.today == figures.this_week == figures.total == expected_visitors
    assert figures.online == expected_visitors
    assert figures.page_views == 2 * expected_visitors
    fold()
    row = DailyVisits.objects.get()
    assert (row.visitors, row.views) == (expected_visitors, 2 * expected_visitors)
    assert PageViews.objects.get(page_id=page_id).views == 2 * expected_visitors
    assert current_figures(page_id).page_views == 2 * expected_visitors


@pytest.mark.django_db(transaction=True)
def test_concurrent_threads_in_the_local_memory_cache(own_page):
    if isinstance(caches["default"], RedisCache):
        pytest.skip("the default cache is Redis: test_concurrent_counting_on_postgresql_and_redis")
    # SQLite's in-memory test database cannot take writes from several threads, nor reads
    # beside a write ("table is locked"): the database parts of the figures are cached
    # first, as any earlier page view leaves them, and the fold runs after.
    current_figures(own_page.pk)
    count_concurrently(own_page.pk, fold_while_counting=False)
    assert_exact(own_page.pk)


@pytest.mark.skipif(
    not os.environ.get("REDIS_URL")
    or not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs REDIS_URL and a PostgreSQL DATABASE_URL (CI's second run sets both)",
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_counting_on_postgresql_and_redis(own_page):
    assert isinstance(caches["default"], RedisCache)
    count_concurrently(own_page.pk, fold_while_counting=True)
    assert_exact(own_page.pk)


@pytest.mark.django_db
def test_redis_down_keeps_pages_up(client, demo_content, beacon, admin_client, redis_down):
    with redis_down:
        for url in ("/", demo_content.seed_report.url):
            response = client.get(url)
            assert response.status_code == 200
            assert "Đang online" in response.content.decode()
        assert beacon().status_code == 503
        assert client.get("/api/v2/visits/").status_code == 503
        assert client.get("/visits/pixel.gif").status_code == 200
        assert client.get(f"/api/v2/pages/{demo_content.seed_report.pk}/").status_code == 200
    # Back up: counting resumes.
    assert beacon().json()["today"] == 1
