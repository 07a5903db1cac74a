"""Demo worlds built once per test process and shared by the tests that ask for them.

Loading the demo costs seconds (the Vietnamese world about 4 s of CPU, English and the legal
documents about 9 s more each) and about 340 tests ask for it: loaded per test, it was two
thirds of the suite's time. A world is loaded inside a transaction that stays open while
consecutive tests use it. Each test runs inside it in Django's own test transaction, which
nests as a savepoint, so whatever a test changes is rolled back and the next one sees the
world as it was loaded. A test that wants another world, none at all, or a transactional
database (which commits and flushes) rolls the open world back first: no row of a world
outlives the tests that asked for it.
"""

import copy
from io import StringIO

from django.core.cache import cache
from django.core.management import call_command
from django.db import connections, transaction

from tests.migrated import restore_migrated_data

# The fixtures whose content a world holds.
WORLD_FIXTURES = (
    "demo_content",
    "demo_content_en",
    "demo_legal",
    "demo_organisation",
    "demo_loaded",
)
# A test that freezes the clock loads its own demo, dated in its frozen time; one that also
# asks for a bare home page (which replaces whatever home page there is) builds on that.
OWN_DEMO_FIXTURES = {"local_midday", "home"}
TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server", "django_db_reset_sequences"}


def wanted(item):
    """The world an item's fixtures ask for (a tuple of WORLD_FIXTURES), or None."""
    names = set(item.fixturenames)
    key = tuple(name for name in WORLD_FIXTURES if name in names)
    if not key or names & (OWN_DEMO_FIXTURES | TRANSACTIONAL_FIXTURES):
        return None
    marker = item.get_closest_marker("django_db")
    if marker and (
        marker.kwargs.get("transaction")
        or marker.kwargs.get("serialized_rollback")
        or (marker.args and marker.args[0])
    ):
        return None
    return key


def build(key):
    """Loads what the fixtures of `key` load, in the order `load_demo_content` does."""
    from demo.content import DemoContent
    from demo.english import EnglishDemo
    from demo.legal import LegalDemo
    from demo.organisation import OrganisationDemo

    restore_migrated_data()  # a transactional test before may have flushed it
    if "demo_loaded" in key:
        call_command("load_demo_content", stdout=StringIO())
    demo = DemoContent().load()  # finds what the command made, if it ran
    if {"demo_content_en", "demo_organisation"} & set(key):
        EnglishDemo(demo).load()
    legal = organisation = None
    if {"demo_legal", "demo_organisation"} & set(key):
        legal = LegalDemo(demo).load()
    if "demo_organisation" in key:
        legal.load_english()
        organisation = OrganisationDemo(demo).load().load_english()
    return {
        "demo_content": demo,
        "demo_content_en": demo,
        "demo_legal": legal,
        "demo_organisation": organisation,
        "demo_loaded": True,
    }


class Worlds:
    """The one open world of this test process, switched between tests."""

    def __init__(self, blocker):
        self.blocker = blocker
        self.key = None
        self.atomics = []
        self.content = None
        self.copied = None

    def switch(self, key):
        """Called before each test's fixtures: opens the world it wants, if not open."""
        self.copied = None
        if key == self.key:
            return
        self.close()
        if key is None:
            return
        with self.blocker.unblock():
            for alias in connections:
                atomic = transaction.atomic(using=alias)
                # Marked as Django's test transactions are: a durable block inside is allowed.
                atomic._from_testcase = True
                atomic.__enter__()
                self.atomics.append((alias, atomic))
            self.key = key
            try:
                self.content = build(key)
            except BaseException:
                self.close()  # the next test starts on a clean database, not a broken one
                raise

    def close(self):
        """Rolls the open world back (nothing of it is left) and empties the cache."""
        if not self.atomics:
            self.key = None
            return
        with self.blocker.unblock():
            while self.atomics:
                alias, atomic = self.atomics.pop()
                transaction.set_rollback(True, using=alias)
                atomic.__exit__(None, None, None)
            cache.clear()
        self.key = None
        self.content = None

    def get(self, name, key):
        """This test's copy of the open world's `name` (the objects a test changes are its
        own), or None when the test asked for another world: its fixture loads its own."""
        if self.key != key or self.content is None:
            return None
        if self.copied is None:
            self.copied = copy.deepcopy(self.content)
        return self.copied[name]


current = None


def shared(name, request):
    """The open world's `name` for the requesting test, or None."""
    return current.get(name, wanted(request.node)) if current else None
