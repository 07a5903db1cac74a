"""`make bench`: the production stack on loopback, loaded with wrk; writes docs/performance.md.

For each size in ARTICLES (default "1000 100000": as many articles and as many legal
documents), in a PostgreSQL database of its own that later runs reuse
(`generate_load_content` adds what is missing):

1. gunicorn (BENCH_WORKERS workers, production settings, Redis cache) on BENCH_APP_PORT,
   nginx with deploy/nginx/portal.conf in front on BENCH_NGINX_PORT;
2. wrk on every URL of bench/urls.txt, through nginx's cache (cached) and straight to
   gunicorn (uncached origin), and on a static file served by nginx, the yardstick: each
   figure is also given as a share of the static file's requests per second;
3. searches and API syncs that no cache can answer (each request a new URL), at the
   origin: the search p95 across sizes and the sync p99 against issue 21's targets;
4. a publish checked through the cache: seconds until the cached page shows it;
5. on the largest size, origin throughput with one and two application nodes behind nginx
   (bench/nodes.py).

6. the stock Wagtail equivalent side by side, on the largest size's database:
   wagtail/bakerydemo (from BAKERYDEMO_DIR, a git directory or a work tree; skipped, with a
   line in the report, when absent), unpacked to BENCH_DIR/bakerydemo outside this
   repository with a venv of its own on this Python and our lock file's Django, Wagtail and
   shared libraries, its own PostgreSQL database (BENCH_BAKERY_DATABASE_URL) and demo data
   (`load_initial_data`), served by gunicorn with the same number of workers on
   BENCH_BAKERY_PORT (8110). bench/compare.py interleaves the two sites (CPU per request
   in-process, cold and warm, beside wrk's requests per second).

Run as root on a machine without nginx, wrk, PostgreSQL or Redis, it installs them from
Debian's packages. Settings (environment): ARTICLES, BENCH_DURATION (seconds per run, 10),
BENCH_CONNECTIONS (32), BENCH_ORIGIN_CONNECTIONS (one per worker), BENCH_THREADS (2),
BENCH_WORKERS (4), BENCH_DATABASE_URL
(postgres://postgres@127.0.0.1:5432/perf_bench: suffixed with the size), BENCH_REDIS_URL (redis://127.0.0.1:6379/10),
BENCH_DIR (/var/tmp/portal-bench: media, static files, nginx's cache and logs),
BENCH_NGINX_PORT (8107), BENCH_APP_PORT (8108), BENCH_PURGE_PORT (8109: nginx's purge
endpoint), BENCH_OUTPUT (docs/performance.md), BAKERYDEMO_DIR (no default: unset skips
the comparison), BENCH_BAKERY_DATABASE_URL
(postgres://postgres@127.0.0.1:5432/perf_bench_bakerydemo), BENCH_BAKERY_PORT (8110).

The stack and its settings are in bench/stack.py, bakerydemo in bench/bakery.py and
bench/compare.py (COMPARE_ROUNDS, COMPARE_ITERATIONS, COMPARE_DURATION), wrk in
bench/measuring.py, the report's tables in bench/report.py.
"""

import argparse

import stack
from compare import compare
from measuring import WRK_P95_SCRIPT, measure, publish_visibility, stampede, unique_requests
from nodes import measure_nodes, nodes_section
from report import (
    comparison_section,
    registry_section,
    table,
    unique_section,
    write_report,
)
from stack import (
    BENCH_DIR,
    DATABASE_BASE_URL,
    SIZES,
    Processes,
    ensure_database,
    ensure_packages,
    ensure_services,
    grow_to,
    read_urls,
    sample_urls,
)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.parse_args()
    ensure_packages()
    ensure_services()
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    (BENCH_DIR / "static").mkdir(exist_ok=True)
    (BENCH_DIR / "p95.lua").write_text(WRK_P95_SCRIPT)
    sections = []
    unique = {}
    origin_p50 = {}
    for size in sorted(SIZES):
        stack.DATABASE_URL = f"{DATABASE_BASE_URL}_{size}"
        ensure_database()
        generation_seconds = grow_to(size)
        values = sample_urls()
        processes = Processes()
        try:
            processes.gunicorn()
            processes.nginx()
            static, rows = measure(read_urls(values))
            unique[size] = unique_requests()
            visibility = publish_visibility(values["article_url"])
            rush = stampede(values["article_url"])
        finally:
            processes.stop()
        sections.append(table(size, static, rows, generation_seconds, visibility, rush))
        origin_p50[size] = {
            row["name"]: row["uncached"]["p50"] for row in rows if "uncached" in row
        }
    sections.append(unique_section(unique))
    sections.append(registry_section(origin_p50))
    stack.DATABASE_URL = f"{DATABASE_BASE_URL}_{max(SIZES)}"
    sections.append(nodes_section(measure_nodes()))
    sections.append(comparison_section(compare(sample_urls())))
    write_report(sections)


if __name__ == "__main__":
    main()
