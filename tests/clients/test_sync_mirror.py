"""End to end: the reference sync client (clients/python/portal_sync) mirrors a live portal
while editors publish, edit, unpublish, make private and delete, and the mirror then equals
what the public API serves, per endpoint and language: same ids, same key fields.

The client talks HTTP to pytest-django's live server only; the editors' actions are
Wagtail's own calls (revision.publish(), unpublish(), delete(), PageViewRestriction).
"""

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
from .mirror_checks import api_state, assert_mirror_equals_api
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
    """Publishes a new article every `interval` seconds, on its own database connection,
    alternating between the public news section and a private one, until stopped."""

    def __init__(self, world, private_section, gate, interval=1.0):
        super().__init__(daemon=True)
        self.world, self.private_section, self.gate = world, private_section, gate
        self.interval = interval
        self.stop = threading.Event()
        self.public, self.private, self.errors = [], [], []

    def run(self):
        try:
            while not self.stop.wait(self.interval):
                # The live server shares the test's in-memory SQLite connection: a publish
                # waits for the request in progress (PostgreSQL would not need it).
                with self.gate.lock:
                    is_private = len(self.public) > len(self.private)
                    parent = self.private_section if is_private else None
                    page = self.world.article(parent=parent)
                (self.private if is_private else self.public).append(page.pk)
        except Exception as error:  # reported by the test
            self.errors.append(error)
        finally:
            connections.close_all()


def test_nothing_missed_duplicated_or_private_under_concurrent_publishing(
    world, portal_url, server_gate, tmp_path
):
    mirror = tmp_path / "mirror.sqlite3"
    private_section = world.private_section()
    syncer = make_syncer(portal_url, mirror, limit=3)
    syncer.run()
    editor = Editor(world, private_section, server_gate, interval=1.0)
    editor.start()
    started = time.monotonic()
    runs = 0
    while time.monotonic() - started < 8:
        syncer.run()
        runs += 1
    editor.stop.set()
    editor.join(timeout=30)
    assert not editor.errors, editor.errors
    syncer.run()
    served = assert_mirror_equals_api(portal_url, mirror)
    mirrored = set(served[("pages", "vi")])
    assert len(editor.public) >= 3 and runs >= 2
    assert set(editor.public) <= mirrored
    assert not set(editor.private) & mirrored
    assert not NewsArticlePage.objects.filter(pk__in=editor.private, live=False).exists()
    assert api_state(portal_url) == served
