"""With media on object storage (MEDIA_S3_BUCKET), pages and the API cost the same queries
and read the same, but for where images load from: links to the bucket are made without
asking it. tests/core/test_object_storage_live.py runs the portal against a real S3 server."""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from articles.models import EventReportPage, NewsArticlePage
from demo.data import SEED_SLUG

# Nothing listens there: a page that asked the store anything would fail.
PUBLIC_URL = "http://127.0.0.1:9/portal-media"
S3 = {
    "BACKEND": "storages.backends.s3.S3Storage",
    "OPTIONS": {
        "bucket_name": "portal-media",
        "endpoint_url": "http://127.0.0.1:9",
        "access_key": "unused",
        "secret_key": "unused",
        "querystring_auth": False,
        "custom_domain": "127.0.0.1:9/portal-media",
        "url_protocol": "http:",
        "file_overwrite": False,
    },
}


def cold_page(client, url):
    """The page's HTML and its queries, with Django's caches empty."""
    for cache in caches.all():
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), len(queries)


@pytest.mark.django_db
@freeze_time("2026-12-06 08:00:00")  # the header's clock
def test_pages_read_the_same_with_media_in_a_bucket(client, demo_content, settings):
    article = NewsArticlePage.objects.exact_type(NewsArticlePage).order_by("pk").first()
    urls = [
        article.url,
        f"/api/v2/pages/{article.pk}/?fields=*",
        EventReportPage.objects.get(slug=SEED_SLUG).url,
        "/",
        "/tin-tuc-su-kien/",
    ]
    for url in urls:
        client.get(url)  # what one process makes once
    local = {url: cold_page(client, url) for url in urls}
    settings.STORAGES = {**settings.STORAGES, "default": S3}
    in_bucket = {url: cold_page(client, url) for url in urls}
    for url in urls:
        (local_html, local_queries), (bucket_html, bucket_queries) = local[url], in_bucket[url]
        assert bucket_queries == local_queries, url
        assert f"{PUBLIC_URL}/images/" in bucket_html, url
        # Absolute links (og:image, feeds) too, not the site's origin before the bucket's.
        expected = re.sub(r'https?://[^"\s/]+/media/', f"{PUBLIC_URL}/", local_html)
        assert bucket_html == expected.replace(settings.MEDIA_URL, f"{PUBLIC_URL}/"), url
