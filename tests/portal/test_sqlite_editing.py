"""The embedded SQLite database takes an editor's ordinary day: autosave, save, preview and
submit for moderation on the same page at once, by HTTP through the development server's
threaded server, answer no 500 "database is locked" (issue 16, item 5)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("sqlite_editing_day.py")

# It runs its own server on a file of its own, whatever the suite's database: a run of the
# suite on PostgreSQL would repeat the SQLite run's minute for nothing.
pytestmark = pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="tests the embedded SQLite database; runs with the suite on SQLite",
)


def test_concurrent_editing_on_sqlite_answers_no_500(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DJANGO_") and k not in ("REDIS_URL", "DATABASE_URL")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",  # a file, as under `make run`
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
    )
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "4"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["errors"] == [], report
    statuses = report["statuses"]
    assert all(status < 500 for kind in statuses.values() for status in kind), statuses
    assert 302 in statuses["save"] and statuses["submit"] == [302], statuses
    assert statuses["preview"] == [200] * 4, statuses
