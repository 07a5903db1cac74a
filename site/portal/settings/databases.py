"""Databases, imported by base.py: the primary (DATABASE_URL, SQLite by default) and its
PostgreSQL read replicas (DATABASE_REPLICA_URL, core/replicas.py)."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

__all__ = [
    "DATABASES",
    "DATABASE_REPLICAS",
    "DATABASE_ROUTERS",
    "REPLICA_CHECK_SECONDS",
    "REPLICA_MAX_LAG_SECONDS",
    "REPLICA_PIN_SECONDS",
]

BASE_DIR = Path(__file__).resolve().parents[3]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database under an editor's day (autosave, save, submit, preview at once):
    # readers never wait for the writer (WAL), a transaction takes the write lock when it
    # begins, not half-way, where SQLite cannot wait and fails "database is locked"
    # (IMMEDIATE), and a writer waits for the one before it rather than failing (timeout).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        **DATABASES["default"].get("OPTIONS", {}),
    }

# PostgreSQL read replicas (core/replicas.py): DATABASE_REPLICA_URL names one or several,
# separated by spaces or commas. Anonymous readers read from them; the rest from "default".
DATABASE_REPLICAS = []
_replica_urls = os.environ.get("DATABASE_REPLICA_URL", "").replace(",", " ").split()
for _number, _url in enumerate(_replica_urls, 1):
    _alias = f"replica{_number}"
    DATABASES[_alias] = dj_database_url.parse(
        _url,
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
        conn_health_checks=True,
    )
    # A replica that is down answers at once on loopback; elsewhere, wait at most this.
    DATABASES[_alias].setdefault("OPTIONS", {}).setdefault("connect_timeout", 2)
    # Tests read the test database through it, as the primary's copy.
    DATABASES[_alias]["TEST"] = {"MIRROR": "default"}
    DATABASE_REPLICAS.append(_alias)
    if not all("postgresql" in DATABASES[name]["ENGINE"] for name in ("default", _alias)):
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URL needs PostgreSQL, for DATABASE_URL and for each replica."
        )
# Installed with or without replicas: objects read on a replica outlive it in Redis (the
# renditions' cache), and Django's default refuses to relate them to the primary's (a page
# with images failed with a 500 once replicas were switched off). Without replicas it sends
# everything to the primary.
DATABASE_ROUTERS = ["core.replicas.ReplicaRouter"]
# A replica further behind than this is skipped; its state is checked again this often (per
# process); a client that sent a write reads from the primary for this long after it.
REPLICA_MAX_LAG_SECONDS = float(os.environ.get("REPLICA_MAX_LAG_SECONDS", "5"))
REPLICA_CHECK_SECONDS = float(os.environ.get("REPLICA_CHECK_SECONDS", "2"))
REPLICA_PIN_SECONDS = int(os.environ.get("REPLICA_PIN_SECONDS", "10"))
