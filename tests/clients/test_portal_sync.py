"""The sync client's algorithm against a portal in memory (tests/clients/fake_portal.py): what
the stream says, a cursor past retention, a portal without a stream, an interrupted run,
and that the client needs nothing but the standard library."""

import ast
import sys
from datetime import timedelta

import pytest
from portal_sync.__main__ import arguments
from portal_sync.mirror import Mirror
from portal_sync.sync import Syncer

from .conftest import CLIENTS
from .fake_portal import FakePortal

ENDPOINTS = ("pages", "agencies", "banners", "work-calendar")


@pytest.fixture
def portal():
    portal = FakePortal()
    for number in range(1, 8):
        portal.publish("pages", number, f"Trang {number}")
    for number in range(1, 4):
        portal.publish("agencies", 100 + number, f"Sở {number}")
        portal.publish("work-calendar", 200 + number, f"Họp {number}")
        portal.publish("banners", 300 + number, f"Biểu ngữ {number}")
    return portal


@pytest.fixture
def mirror(tmp_path):
    mirror = Mirror(str(tmp_path / "mirror.sqlite3"))
    yield mirror
    mirror.close()


def syncer(portal, mirror):
    return Syncer(portal, mirror, limit=2, endpoints=ENDPOINTS, since_margin=timedelta(0))


def assert_equal(portal, mirror):
    for endpoint in ENDPOINTS:
        assert mirror.items(endpoint) == portal.items.get(endpoint, {}), endpoint


def test_the_stream_brings_removals_and_what_came_back_without_a_new_stamp(portal, mirror):
    sync = syncer(portal, mirror)
    sync.run()
    assert_equal(portal, mirror)

    portal.remove("pages", 2)
    portal.remove("agencies", 101, "deleted")
    portal.remove("work-calendar", 202, "unpublished")
    old_page = portal.items["pages"][5]
    portal.remove("pages", 5, "made_private")
    portal.publish("pages", 9, "Trang mới")
    report = sync.run()
    assert_equal(portal, mirror)
    assert report["deleted"] == 4

    # Made public again: the same stamp as before, so no listing since the stamp has it.
    portal.items["pages"][5] = old_page
    portal.record("upsert", "made_public", "pages", 5)
    sync.run()
    assert_equal(portal, mirror)
    assert 5 in mirror.ids("pages")


def test_banners_follow_their_schedule_without_any_event(portal, mirror):
    sync = syncer(portal, mirror)
    sync.run()
    ended = portal.items["banners"].pop(301)  # its `ends_at` passed: no event, no new stamp
    sync.run()
    assert_equal(portal, mirror)
    portal.items["banners"][301] = ended  # and a scheduled one starts
    sync.run()
    assert_equal(portal, mirror)


def test_a_cursor_older_than_the_stream_keeps_re_reads_everything(portal, mirror):
    sync = syncer(portal, mirror)
    sync.run()
    portal.remove("pages", 3)
    portal.retained_from = len(portal.events)  # the removal has expired too
    report = sync.run()
    assert report["resync"] == 1
    assert_equal(portal, mirror)
    sync.run()  # and back to incremental runs from the new position
    assert mirror.get_state("changes")["cursor"]


def test_without_a_stream_listings_sync_and_full_drops_what_is_gone(portal, mirror):
    portal.stream = False
    sync = syncer(portal, mirror)
    sync.run()
    assert_equal(portal, mirror)
    portal.remove("pages", 4)
    portal.publish("pages", 10, "Trang 10")
    sync.run()
    assert 10 in mirror.ids("pages") and 4 in mirror.ids("pages")  # no tombstones
    sync.run(full=True)
    assert_equal(portal, mirror)


def test_an_interrupted_run_resumes_where_it_stopped(portal, mirror):
    sync = syncer(portal, mirror)
    portal.fail_after = 6
    with pytest.raises(ConnectionError):
        sync.run()
    assert mirror.get_state("listing:pages")["offset"] > 0
    portal.fail_after = None
    sync.run()
    assert_equal(portal, mirror)
    assert mirror.get_state("listing:pages") is None


def test_the_client_needs_only_the_standard_library():
    package = CLIENTS / "python" / "portal_sync"
    for module in package.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                assert top in sys.stdlib_module_names or top == "__future__", (module, name)


@pytest.mark.parametrize(
    "bad", [["--limit", "0"], ["--limit", "101"], ["--endpoints", "pages,secrets"]]
)
def test_the_command_line_refuses_bad_options(bad):
    with pytest.raises(SystemExit) as exit:
        arguments(["--base-url", "http://127.0.0.1:1", "--db", "m.sqlite3", *bad])
    assert exit.value.code == 2
