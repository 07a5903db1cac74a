"""Time the search page's query over growing numbers of generated articles.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_bench \\
        manage.py search_benchmark --sizes 1000,10000

Loads the demo content, then for each size generates articles (demo.generator) until the
news section holds that many, and times what the search page runs for each query of the set
(the count and the first page of ten results, through the default search backend): median
and p95 in milliseconds. Meant for an empty database of its own: it adds thousands of pages.
"""

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection

from articles.models import NewsArticlePage
from demo.content import DemoContent
from demo.generator import generate_articles
from search.views import searchable_pages

QUERIES = [
    "thi dua",
    "thi đua",
    "hai phong",
    "Hải Phòng",
    "giao duc",
    "do van loi",
    "KH&CN",
    "chuyen doi so",
    "cải cách thủ tục hành chính",
    "an toan giao thong",
    "du lịch biển",
    "quan le chan",
    "huyện Thủy Nguyên",
    "so y te",
    "phong chay chua chay",
    "nông thôn mới",
    "bảo hiểm y tế học sinh",
    "ky ket giao uoc",
    "nguyen van an",
    "sở hữu trí tuệ",
]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


class Command(BaseCommand):
    help = "Time searches over 1,000 to 10,000 generated articles (median and p95)."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="1000,10000")
        parser.add_argument("--repeat", type=int, default=5)

    def handle(self, *args, sizes, repeat, **options):
        demo = DemoContent().load()
        locale = demo.news_index.locale
        rows = []
        for size in [int(size) for size in sizes.split(",")]:
            existing = NewsArticlePage.objects.child_of(demo.news_index).count()
            if existing < size:
                started = time.perf_counter()
                generate_articles(
                    demo.news_index, size - existing, seed=size, start_number=existing + 1
                )
                self.stderr.write(
                    f"generated {size - existing} articles in {time.perf_counter() - started:.0f}s"
                )
            timings = []
            for _ in range(repeat):
                for query in QUERIES:
                    started = time.perf_counter()
                    results = searchable_pages(locale).specific().search(query, operator="and")
                    results.count()
                    list(results[:10])
                    timings.append((time.perf_counter() - started) * 1000)
            total = NewsArticlePage.objects.live().count()
            rows.append((total, statistics.median(timings), percentile(timings, 0.95)))
        self.stdout.write(f"database: {connection.vendor}, queries: {len(QUERIES)} x {repeat}")
        self.stdout.write("| articles | median (ms) | p95 (ms) |")
        self.stdout.write("|---:|---:|---:|")
        for total, median, p95 in rows:
            self.stdout.write(f"| {total:,} | {median:.1f} | {p95:.1f} |")
        if len(rows) > 1:
            first, last = rows[0], rows[-1]
            self.stdout.write(
                f"growth {first[0]:,} -> {last[0]:,} articles: median x{last[1] / first[1]:.2f}, "
                f"p95 x{last[2] / first[2]:.2f}"
            )
