"""CPU time per uncached request, in this process: repeatable on a loaded machine, unlike wrk.

    .venv/bin/python bench/request_cpu.py [--iterations 30] [--cold] [--profile NAME] [names...]

Runs the production settings against PostgreSQL (PROFILE_DATABASE_URL, default the bench's
perf_bench_100000) and Redis (PROFILE_REDIS_URL, default db 4), requests every URL of
bench/urls.txt with Django's test client `--iterations` times after two warm-up requests,
and prints the median and 90th percentile of the process's CPU time per request (the
database's own work is in another process: the wall time is printed beside it) and the
number of SQL queries. Whole answers are not kept (RESPONSE_CACHE_SECONDS=0): every request
renders, with the fragments in Django's cache warm, or with every cache emptied before each
request (`--cold`, outside the timing). `--profile NAME` prints cProfile's top functions for
that URL.
Nothing is written: a page view's visit count goes to the cache only.
"""

import argparse
import cProfile
import functools
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "site"))
sys.path.insert(0, str(ROOT))

os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": "profile-only-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "localhost,testserver",
        "WAGTAILADMIN_BASE_URL": "http://localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_HSTS_SECONDS": "0",
        "DATABASE_URL": os.environ.get(
            "PROFILE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/perf_bench_100000"
        ),
        "REDIS_URL": os.environ.get("PROFILE_REDIS_URL", "redis://127.0.0.1:6379/4"),
        "CACHE_KEY_PREFIX": "profile",
        "DJANGO_STATIC_ROOT": os.environ.get("PROFILE_STATIC_ROOT", "/var/tmp/portal-profile"),
        "DJANGO_MEDIA_ROOT": os.environ.get("PROFILE_MEDIA_ROOT", "/var/tmp/portal-bench/media"),
        "WAGTAILFRONTENDCACHE_URL": "",
        "VISITS_FOLD_INTERVAL": "0",
        # Each request renders: whole answers kept by Django (core.response_cache) would
        # measure a cache hit from the third request on.
        "RESPONSE_CACHE_SECONDS": "0",
        "DJANGO_LOG_LEVEL": "ERROR",
    }
)


def profile(request, before_each, args):
    """cProfile's top functions over `args.iterations` calls of `request`."""
    profiler = cProfile.Profile()
    for _ in range(args.iterations):
        before_each()
        profiler.enable()
        request()
        profiler.disable()
    pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.filter or "", 45)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="URL names of bench/urls.txt (default: all)")
    parser.add_argument("--iterations", type=int, default=30)
    parser.add_argument("--profile", help="print cProfile's top functions for this URL name")
    parser.add_argument("--sort", default="cumulative", help="cProfile's sort order")
    parser.add_argument(
        "--filter", help="print only functions whose file matches this regular expression"
    )
    parser.add_argument(
        "--cold", action="store_true", help="empty Django's caches before each request"
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.cache import caches
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from stack import SAMPLE_URLS_CODE, read_urls

    if not Path(os.environ["DJANGO_STATIC_ROOT"], "staticfiles.json").exists():
        call_command("collectstatic", "--noinput", verbosity=0)
    namespace = {}
    exec(SAMPLE_URLS_CODE, namespace)
    urls = read_urls(namespace["values"])
    client = Client(HTTP_HOST="localhost")

    def empty_caches():
        if args.cold:
            for cache in caches.all():
                cache.clear()

    print(f"{'URL':<24} {'status':>6} {'CPU p50':>8} {'CPU p90':>8} {'wall p50':>9} {'queries':>8}")
    for name, path in urls:
        if args.names and name not in args.names:
            continue
        for _ in range(2):
            response = client.get(path)
        cpu, wall = [], []
        for _ in range(args.iterations):
            empty_caches()
            started_cpu, started = time.process_time(), time.perf_counter()
            response = client.get(path)
            cpu.append(1000 * (time.process_time() - started_cpu))
            wall.append(1000 * (time.perf_counter() - started))
        empty_caches()
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        print(
            f"{name:<24} {response.status_code:>6} {statistics.median(cpu):>8.1f} "
            f"{statistics.quantiles(cpu, n=10)[-1]:>8.1f} {statistics.median(wall):>9.1f} "
            f"{len(queries):>8}"
        )
        if name == args.profile:
            profile(functools.partial(client.get, path), empty_caches, args)


if __name__ == "__main__":
    main()
