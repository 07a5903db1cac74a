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
max_requests = 2000
max_requests_jitter = 200


def on_starting(server):
    """Refuse to start several workers without Redis: each would keep its own rate limits,
    sign-in throttling and visitor counts (`check --deploy` reports it too: portal.E001)."""
    if server.cfg.workers > 1 and not os.environ.get("REDIS_URL"):
        raise SystemExit(
            f"{server.cfg.workers} workers without REDIS_URL: limits and counts would be per "
            "process. Set REDIS_URL, or WEB_CONCURRENCY=1."
        )
