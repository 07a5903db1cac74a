"""gunicorn configuration for production: `make serve`."""

import multiprocessing
import os

pythonpath = "site,."
wsgi_app = "portal.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", str(min(4, multiprocessing.cpu_count() * 2 + 1))))
accesslog = "-"
# Keep client IP addresses out of the access log: the portal stores none.
access_log_format = '"%(r)s" %(s)s %(b)s %(L)ss'
# Workers are forked from a master that has loaded Django and the portal: a new worker serves
# at once. Loading in each new worker took seconds of CPU, and with a worker replaced every
# 2,000 requests the others' answers waited behind it (p95 of 1 to 3.6 s at the origin, 5 to
# 14 ms without; docs/performance.md). Workers are still replaced now and then, in case one
# grows; a release needs a restart (`systemctl restart`), not a HUP, to load new code.
preload_app = True
max_requests = 20000
max_requests_jitter = 2000


def on_starting(server):
    """Refuse to start several workers without Redis: each would keep its own rate limits,
    sign-in throttling and visitor counts (`check --deploy` reports it too: portal.E001)."""
    if server.cfg.workers > 1 and not os.environ.get("REDIS_URL"):
        raise SystemExit(
            f"{server.cfg.workers} workers without REDIS_URL: limits and counts would be per "
            "process. Set REDIS_URL, or WEB_CONCURRENCY=1."
        )
