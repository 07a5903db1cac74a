"""End to end: the reference sync client (clients/python/portal_sync) mirrors a live portal
while editors publish, edit, unpublish, make private and delete, and the mirror then equals
what the public API serves, per endpoint and language: same ids, same key fields.

The client talks HTTP to pytest-django's live server only; the editors' actions are
Wagtail's own calls (revision.publish(), unpublish(), delete(), PageViewRestriction).
"""

import itertools
import subprocess
import sys
import threading
import time
from datetime import timedelta

import pytest
from django.db import connections
from wagtail.models import PageViewRestriction

from articles.models import NewsArticlePage
from snippets.models import Agency, Person

from .conftest import CLIENTS
from .mirror_checks import assert_mirror_equals_api
from .world import World, publish, publish_snippet

pytestmark = pytest.mark.django_db(transaction=True)


def make_syncer(base_url, path, limit=3):
    from portal_sync.api import PortalAPI
    from portal_sync.mirror import Mirror
    from portal_sync.sync import Syncer

    return Syncer(PortalAPI(base_url), Mirror(str(path)), limit=limit)


def run_cli(base_url, path, *arguments):
    """`python -m portal_sync`, as a sister portal's cron job runs it."""
    return subprocess.run(
        [sys.executable, "-m", "portal_sync", "--base-url", base_url, "--db", str(path)]
        + list(arguments),
        cwd=CLIENTS / "python",
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def world():
    return World().load()


def test_the_mirror_follows_publishing_and_removals(world, portal_url, tmp_path):
    mirror = tmp_path / "mirror.sqlite3"
    first = run_cli(portal_url, mirror, "--limit", "3")
    assert first.returncode == 0, first.stderr
    assert '"upserted"' in first.stdout
    served = assert_mirror_equals_api(portal_url, mirror)
    assert all(served[(endpoint, "vi")] for endpoint, _ in served), "every endpoint has items"
    assert served[("pages", "en")] and served[("agencies", "en")]

    # Published, edited, a snippet changed, a legal document and a week published.
    new = world.article(title="Bài viết mới đăng")
    edited = world.articles[2]
    edited.title = "Tiêu đề đã sửa"
    publish(edited)
    person = Person.objects.filter(live=True).first()
    person.name = "Tên đã sửa"
    publish_snippet(person)
    document = world.legal_document()
    world.work_week(world.week.week_start + timedelta(days=7))
    syncer = make_syncer(portal_url, mirror)
    syncer.run()
    served = assert_mirror_equals_api(portal_url, mirror)
    assert served[("pages", "vi")][new.pk][3] == "Bài viết mới đăng"
    assert served[("pages", "vi")][edited.pk][3] == "Tiêu đề đã sửa"
    assert document.pk in served[("legal-documents", "vi")]

    # Unpublished, made private, deleted, a snippet unpublished and one deleted.
    world.articles[3].unpublish()
    PageViewRestriction.objects.create(
        page=world.articles[4], restriction_type=PageViewRestriction.PASSWORD, password="mk"
    )
    world.articles[5].delete()
    english_article = world.articles[0].get_translations().get()
    english_article.specific.unpublish()
    Agency.objects.filter(live=True, locale__language_code="vi").order_by("pk").last().unpublish()
    Person.objects.filter(live=True).exclude(pk=person.pk).first().delete()
    world.documents[0].unpublish()
    world.week.unpublish()
    syncer.run()
    served = assert_mirror_equals_api(portal_url, mirror)
    for gone in world.articles[3:6]:
        assert gone.pk not in served[("pages", "vi")]

    # Made public again: the page's stamp does not change, only the stream tells.
    PageViewRestriction.objects.filter(page=world.articles[4]).delete()
    syncer.run()
    served = assert_mirror_equals_api(portal_url, mirror)
    assert world.articles[4].pk in served[("pages", "vi")]


class Editor(threading.Thread):
    """Every `interval` seconds, on its own database connection, in turn: publishes a new
    article, publishes one in a private section, edits and republishes an article, and
    unpublishes one it published before; until stopped."""

    def __init__(self, world, private_section, gate, interval=1.0):
        super().__init__(daemon=True)
        self.world, self.private_section, self.gate = world, private_section, gate
        self.interval = interval
        self.stop = threading.Event()
        self.public, self.private, self.edited, self.withdrawn = [], [], [], []
        self.errors = []

    def run(self):
        try:
            for tick in itertools.count():
                if self.stop.wait(self.interval):
                    break
                # The live server shares the test's in-memory SQLite connection: an editor's
                # action waits for the request in progress (PostgreSQL would not need it).
                with self.gate.lock:
                    self.act(tick % 4)
        except Exception as error:  # reported by the test
            self.errors.append(error)
        finally:
            connections.close_all()

    def act(self, action):
        if action == 0:
            self.public.append(self.world.article().pk)
        elif action == 1:
            self.private.append(self.world.article(parent=self.private_section).pk)
        elif action == 2:
            page = NewsArticlePage.objects.get(pk=self.world.articles[len(self.edited)].pk)
            page.title = f"{page.title} (sửa lần {len(self.edited) + 1})"
            publish(page)
            self.edited.append(page.pk)
        else:
            page = NewsArticlePage.objects.get(pk=self.public[len(self.withdrawn)])
            page.unpublish()
            self.withdrawn.append(page.pk)


def test_nothing_missed_duplicated_or_private_under_concurrent_publishing(
    world, portal_url, server_gate, tmp_path
):
    mirror = tmp_path / "mirror.sqlite3"
    private_section = world.private_section()
    syncer = make_syncer(portal_url, mirror, limit=3)
    syncer.run()
    editor = Editor(world, private_section, server_gate, interval=1.0)
    editor.start()
    started, runs, requests = time.monotonic(), 0, 0
    # Two rounds of the editor's four actions (about 8 s), however slow the machine.
    while len(editor.withdrawn) < 2 and time.monotonic() - started < 40:
        requests += syncer.run()["requests"]
        runs += 1
        assert not set(editor.private) & syncer.mirror.ids("pages"), "private page mirrored"
    elapsed = time.monotonic() - started
    editor.stop.set()
    editor.join(timeout=30)
    assert not editor.errors, editor.errors
    syncer.run()
    served = assert_mirror_equals_api(portal_url, mirror)
    mirrored = set(served[("pages", "vi")])
    assert len(editor.public) >= 2 and len(editor.edited) >= 2 and runs >= 3
    assert set(editor.public) - set(editor.withdrawn) <= mirrored
    assert not (set(editor.private) | set(editor.withdrawn)) & mirrored
    for pk in editor.edited:
        assert "(sửa lần" in served[("pages", "vi")][pk][3]
    print(
        f"\nconcurrent publishing: {runs} sync runs (limit=3, {requests} requests) in "
        f"{elapsed:.0f} s "
        f"while an editor published {len(editor.public)} articles, {len(editor.private)} "
        f"private ones, edited {len(editor.edited)} and unpublished {len(editor.withdrawn)}"
    )
