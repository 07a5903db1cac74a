"""What counting adds to a page view: the time of an article page served alone (counting
off) against the same page plus its beacon (counting on), interleaved in one run.

    .venv/bin/python manage.py benchmark_visits [--views 300] [--page <id>]

Runs against the configured database and cache (after `make run`'s migrate and demo content;
with REDIS_URL to measure Redis). Each beacon comes from a different reader address.
"""

import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.test import Client, override_settings

from articles.models import NewsArticlePage


class Command(BaseCommand):
    help = "Measure the cost of counting a page view, as a ratio with counting off."

    def add_arguments(self, parser):
        parser.add_argument("--views", type=int, default=300)
        parser.add_argument("--page", type=int, help="id of the article page to view")

    def handle(self, *args, views, page, **options):
        articles = NewsArticlePage.objects.live().public()
        article = articles.filter(pk=page).first() if page else articles.first()
        if article is None:
            raise CommandError("No live article: run `manage.py load_demo_content` first.")
        url = article.url
        off, on = [], []
        with override_settings(ALLOWED_HOSTS=["*"], VISITS_FOLD_INTERVAL=0):
            client = Client()
            self.view(client, url, 0, False)
            self.view(client, url, 0, True)  # warm up both
            # Interleaved, so that the machine's load weighs on both alike.
            for n in range(views):
                off.append(self.view(client, url, n, counting=False))
                on.append(self.view(client, url, n, counting=True))
        off_ms, on_ms = statistics.median(off), statistics.median(on)
        self.stdout.write(f"page: {url} ({views} views each way, medians)")
        self.stdout.write(f"counting off: {off_ms:.2f} ms per page view")
        self.stdout.write(f"counting on:  {on_ms:.2f} ms per page view (page + beacon)")
        self.stdout.write(f"cost of counting: {(on_ms / off_ms - 1) * 100:+.1f}%")

    def view(self, client, url, n, counting):
        """Milliseconds to serve the page, plus its beacon when counting."""
        with override_settings(VISITS_ENABLED=counting):
            start = time.perf_counter()
            response = client.get(url)
            assert response.status_code == 200, response.status_code
            if counting:
                token = response.content.split(b'data-visits-page="', 1)[1].split(b'"')[0]
                beacon = client.post(
                    "/visits/beacon/",
                    {"page": token.decode()},
                    REMOTE_ADDR=f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}",
                    HTTP_USER_AGENT="Mozilla/5.0 (benchmark) Firefox/128.0",
                )
                assert beacon.status_code == 200, beacon.status_code
            return (time.perf_counter() - start) * 1000
