"""Where each SQL query of one request comes from, in the project's code and in Wagtail's.

    .venv/bin/python bench/query_sources.py PATH [--warm] [--host HOST] [--flush-redis]

Runs with the settings of DJANGO_SETTINGS_MODULE (default the development settings and their
database, so after `make run` the demo's pages) and requests PATH with Django's test client:
once to warm the process (content types, site root paths), then with every cache of
`django.core.cache.caches` emptied (unless `--warm`), and lists each query of that request
with the innermost line of the project that led to it (and of Wagtail, when the query was
made there). The count per source is printed last: what to cut first on the cold path
(issue 21).
"""

import argparse
import collections
import os
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "site"))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")


def source_of(stack):
    """`file:line function` of the innermost frame of the project, followed by the innermost
    frame of Wagtail when the query was made inside Wagtail (routing, settings, images)."""
    ours = wagtail = None
    for frame in reversed(stack):
        path = Path(frame.filename)
        if wagtail is None and "site-packages" in path.parts and "/wagtail/" in frame.filename:
            wagtail = frame.filename.split("site-packages/")[-1] + f":{frame.lineno}"
        if "site-packages" not in path.parts and ROOT in path.parents and path != Path(__file__):
            ours = f"{path.relative_to(ROOT)}:{frame.lineno} {frame.name}"
            break
    inside = f" > {wagtail}" if wagtail else ""
    return f"{ours or '?'}{inside}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--warm", action="store_true", help="keep Django's caches")
    parser.add_argument("--host", default="127.0.0.1:8000")
    parser.add_argument(
        "--flush-redis",
        action="store_true",
        help="allow emptying a Redis cache (its whole database, every key prefix)",
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST=args.host)
    client.get(args.path)
    if not args.warm:
        for alias, config in settings.CACHES.items():
            if "redis" in config["BACKEND"].lower() and not args.flush_redis:
                sys.exit(
                    f"Cache {alias!r} is Redis: clearing it empties its database; "
                    "pass --flush-redis if that is what you want."
                )
            caches[alias].clear()
    found = []

    def note(execute, sql, params, many, context):
        found.append((source_of(traceback.extract_stack()), sql[:80]))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(note):
        response = client.get(args.path)
    print(f"{response.status_code} {args.path}: {len(found)} queries")
    for source, sql in found:
        print(f"  {source:64} {sql}")
    print("by source:")
    for source, count in collections.Counter(s for s, _sql in found).most_common():
        print(f"  {count:3} {source}")


if __name__ == "__main__":
    main()
