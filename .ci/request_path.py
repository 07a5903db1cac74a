"""Which of the project's modules one API request runs code in, and how often it enters each.

    python .ci/request_path.py ["/api/v2/pages/?fields=*"]

Run from a checkout with its .venv (an older one too: the script only needs `manage.py
load_demo_content`): migrates a new SQLite database, loads the demo content, asks once to
warm up, then profiles the second answer with `sys.setprofile`. A module is "entered" when a
function in it is called from another module.
"""

import collections
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path.cwd()
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
WORK = Path(tempfile.mkdtemp(prefix="request-path-"))
os.environ.update(
    DJANGO_SETTINGS_MODULE="portal.settings.dev",
    DATABASE_URL=f"sqlite:///{WORK / 'db.sqlite3'}",
    WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000",
    REDIS_URL="",
    DJANGO_MEDIA_ROOT=str(WORK / "media"),
)

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402


def app_of(path):
    parts = Path(path).parts
    return parts[1] if parts[0] == "site" else parts[0]


def main(url):
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    client = Client(HTTP_HOST="127.0.0.1:8000")
    client.get(url)
    cache.clear()
    calls, entries = collections.Counter(), collections.Counter()

    def profile(frame, event, arg):
        filename = frame.f_code.co_filename
        if event != "call" or not filename.startswith(str(ROOT)) or "/.venv/" in filename:
            return
        module = os.path.relpath(filename, ROOT)
        calls[module] += 1
        if frame.f_back is None or frame.f_back.f_code.co_filename != filename:
            entries[module] += 1

    sys.setprofile(profile)
    client.get(url)
    sys.setprofile(None)
    apps = sorted({app_of(module) for module in calls})
    print(f"{url}: {len(calls)} modules in {len(apps)} apps ({', '.join(apps)})")
    for module, count in entries.most_common():
        print(f"  {module}: entered {count} times, {calls[module]} calls")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/api/v2/pages/?fields=*")
