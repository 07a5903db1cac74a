"""Webhook settings (webhooks app), imported by base.py; the apps are installed there.

Deliveries are sent by django-tasks-db's DatabaseBackend under its own alias, "webhooks"
(run `manage.py db_worker --backend webhooks`); the default backend stays Django's immediate
one for the project's other tasks (webhooks.tasks explains why)."""

import os

from .environment import env_list

TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "webhooks": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# Networks webhooks may reach although internal (comma-separated CIDRs, e.g. "10.20.0.0/16"):
# everything else must be a public address over HTTPS (webhooks.addresses).
WEBHOOK_ALLOWED_NETWORKS = env_list("WEBHOOK_ALLOWED_NETWORKS")
# Seconds to connect and to wait for the answer, per attempt.
WEBHOOK_CONNECT_TIMEOUT = float(os.environ.get("WEBHOOK_CONNECT_TIMEOUT") or 3)
WEBHOOK_READ_TIMEOUT = float(os.environ.get("WEBHOOK_READ_TIMEOUT") or 10)
# A delivery is retried (30 s, 1 min, 2 min ... 1 h apart) until it has failed this many times
# or this many seconds have passed since its first attempt; then its subscription is disabled.
WEBHOOK_MAX_ATTEMPTS = int(os.environ.get("WEBHOOK_MAX_ATTEMPTS") or 10)
WEBHOOK_RETRY_WINDOW = int(os.environ.get("WEBHOOK_RETRY_WINDOW") or 24 * 3600)
