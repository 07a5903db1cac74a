"""CPU time per request in this process, for any Django site: ours or bakerydemo.

Run by bench/compare.py with the site's own Python, settings (DJANGO_SETTINGS_MODULE) and
working directory; it imports nothing of this repository, so bakerydemo's venv runs it too.

    python cpu_probe.py --mode cold|warm --iterations N --host HOST < urls.json

`urls.json` is a list of [name, path]. Each path is requested with Django's test client:
`warm` after two warm-up requests (Django's caches hold what the site keeps there), `cold`
with every cache of `django.core.cache.caches` emptied before each request (outside the
timing). Prints JSON: for each name, the status, the CPU and wall milliseconds of each
request, the number of SQL queries, the size of the body and, for a JSON listing, its
number of items.
"""

import argparse
import json
import os
import sys
import time


def items(response):
    """The number of items of a JSON listing (an API answer), else None."""
    if not response.get("Content-Type", "").startswith("application/json"):
        return None
    return len(json.loads(response.content).get("items", [])) or None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=["cold", "warm"], required=True)
    parser.add_argument("--iterations", type=int, default=20)
    parser.add_argument("--host", default="localhost")
    args = parser.parse_args()
    urls = json.load(sys.stdin)
    sys.path.insert(0, os.getcwd())

    import django

    django.setup()
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    def clear_caches():
        for cache in caches.all():
            cache.clear()

    client = Client(HTTP_HOST=args.host)
    results = {}
    for name, path in urls:
        for _ in range(2):
            client.get(path)
        cpu, wall = [], []
        for _ in range(args.iterations):
            if args.mode == "cold":
                clear_caches()
            started_cpu, started = time.process_time(), time.perf_counter()
            response = client.get(path)
            cpu.append(1000 * (time.process_time() - started_cpu))
            wall.append(1000 * (time.perf_counter() - started))
        if args.mode == "cold":
            clear_caches()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        results[name] = {
            "status": response.status_code,
            "items": items(response),
            "cpu": cpu,
            "wall": wall,
            "queries": len(queries),
            "bytes": len(response.content),
        }
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
