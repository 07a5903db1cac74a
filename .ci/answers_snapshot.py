"""Every public answer the portal gives for the demo content, written to a folder, so that two
versions of the code can be compared byte for byte (`diff -r`).

    python .ci/answers_snapshot.py OUTPUT_FOLDER

Run from a checkout with its .venv: migrates a new SQLite database, loads the demo content,
then asks for the home page, every page in the sitemap (Vietnamese and English), the API's
listings and details of every endpoint (`?fields=*`), the OpenAPI document, the API docs page,
feeds, the sitemap and robots.txt, writing each body (headers left out) to one file. The
per-response CSP nonce, the CSRF token and random UUIDs are replaced by a placeholder; the
clock is frozen and the media files go to a new folder, so two runs give the same bytes.
"""

import json
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path.cwd()
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
WORK = Path(tempfile.mkdtemp(prefix="answers-"))
DATABASE = WORK / "db.sqlite3"
os.environ.update(
    DJANGO_SETTINGS_MODULE="portal.settings.dev",
    DATABASE_URL=f"sqlite:///{DATABASE}",
    WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000",
    REDIS_URL="",
    DJANGO_MEDIA_ROOT=str(WORK / "media"),
)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from freezegun import freeze_time  # noqa: E402

VARYING = [
    (re.compile(rb'nonce="[^"]+"'), b'nonce="NONCE"'),
    (re.compile(rb"'nonce-[^']+'"), b"'nonce-NONCE'"),
    (re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"'), b'name="csrfmiddlewaretoken"'),
    # Random ids: StreamField blocks', translation keys.
    (re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), b"UUID"),
]
FIXED_PATHS = [
    "/",
    "/en/",
    "/robots.txt",
    "/sitemap.xml",
    "/api/v2/",
    "/api/v2/openapi.json",
    "/api/docs/",
    "/tim-kiem/?q=thi+%C4%91ua",
    "/api/v2/pages/?fields=*&limit=50",
    "/api/v2/pages/?fields=*&limit=50&locale=en",
    "/tin-tuc-su-kien/rss/",
    "/tin-tuc-su-kien/atom/",
    "/thong-bao/rss/",
    "/en/news-and-events/rss/",
]


def main(output):
    output.mkdir(parents=True, exist_ok=True)
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo_content", verbosity=0)
    client = Client(HTTP_HOST="127.0.0.1:8000")
    paths = list(FIXED_PATHS)
    for sitemap in locations(get(client, "/sitemap.xml")):
        paths += [sitemap, *locations(get(client, sitemap))]
    paths += api_paths(client)
    for path in dict.fromkeys(paths):
        body = get(client, path)
        for pattern, placeholder in VARYING:
            body = pattern.sub(placeholder, body)
        name = re.sub(r"[^\w.-]+", "_", path.strip("/")) or "index"
        (output / name).write_bytes(body)
    print(f"{len(paths)} answers in {output}")


def locations(sitemap):
    return [
        loc.decode() for loc in re.findall(rb"<loc>http://127.0.0.1:8000([^<]+)</loc>", sitemap)
    ]


def get(client, path):
    response = client.get(path)
    return f"{response.status_code}\n".encode() + response.content


def api_paths(client):
    """Every endpoint's listing and the details of each item it lists."""
    index = json.loads(get(client, "/api/v2/openapi.json").split(b"\n", 1)[1])
    paths = []
    for path in index["paths"]:
        if "{" in path or not path.startswith("/api/v2/"):
            continue
        listing = f"{path}?fields=*&limit=100"
        paths.append(listing)
        answer = json.loads(get(client, listing).split(b"\n", 1)[1] or b"{}")
        for item in answer.get("items", []) if isinstance(answer, dict) else []:
            if isinstance(item, dict) and "id" in item:
                paths.append(f"{path}{item['id']}/?fields=*")
    return paths


if __name__ == "__main__":
    # One moment for every run: publication times and the header's clock come out the same.
    with freeze_time("2026-12-01 03:00:00"):
        main(Path(sys.argv[1]))
