"""`python -m portal_sync --base-url https://portal.example.gov.vn --db mirror.sqlite3`

One sync run (see `portal_sync.sync`), then a line of counts; exit status 0, or 1 when the
portal could not be read (the mirror keeps what the run had stored: the next run resumes).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import timedelta

from .api import APIError, PortalAPI
from .mirror import Mirror
from .sync import ENDPOINTS, Syncer


def arguments(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m portal_sync",
        description="Mirror a portal's public API into a SQLite database, deletions included.",
    )
    parser.add_argument("--base-url", required=True, help="the portal, e.g. https://so.gov.vn")
    parser.add_argument("--db", required=True, help="the SQLite file (created when missing)")
    parser.add_argument(
        "--limit", type=int, default=50, help="items per request, 1 to 100 (default 50)"
    )
    parser.add_argument(
        "--endpoints",
        default=",".join(ENDPOINTS),
        help=f"comma-separated, among: {','.join(ENDPOINTS)} (default: all)",
    )
    parser.add_argument(
        "--full", action="store_true", help="re-read every listing and check what it lacks"
    )
    parser.add_argument("--timeout", type=float, default=30, help="seconds per request")
    parser.add_argument(
        "--since-margin",
        type=int,
        default=600,
        help="first run: read the change stream from this many seconds before it (600)",
    )
    parser.add_argument("--quiet", action="store_true", help="warnings only")
    options = parser.parse_args(argv)
    endpoints = [name.strip() for name in options.endpoints.split(",") if name.strip()]
    unknown = set(endpoints) - set(ENDPOINTS)
    if unknown or not endpoints:
        parser.error(f"unknown endpoints: {', '.join(sorted(unknown)) or '(none given)'}")
    if not 1 <= options.limit <= 100:
        parser.error("--limit must be between 1 and 100")
    options.endpoints = endpoints
    return options


def main(argv=None) -> int:
    options = arguments(argv)
    logging.basicConfig(
        level=logging.WARNING if options.quiet else logging.INFO,
        format="%(asctime)s %(levelname)s %(message)s",
    )
    mirror = Mirror(options.db)
    syncer = Syncer(
        PortalAPI(options.base_url, timeout=options.timeout),
        mirror,
        limit=options.limit,
        endpoints=options.endpoints,
        since_margin=timedelta(seconds=options.since_margin),
    )
    try:
        report = syncer.run(full=options.full)
    except (APIError, OSError) as error:
        logging.error("sync stopped: %s", error)
        return 1
    finally:
        mirror.close()
    print(json.dumps(report, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
