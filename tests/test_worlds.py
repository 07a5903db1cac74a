"""The shared demo worlds (tests/worlds.py): a test sees the world as loaded, whatever the
tests before it changed, and nothing of a world is left once it is closed."""

import contextlib

import pytest

from home.models import HomePage
from snippets.models import Agency
from tests import worlds


class OpenBlocker:
    """Stands in for pytest-django's blocker: this test may use the database already."""

    def unblock(self):
        return contextlib.nullcontext()


def test_closing_a_world_leaves_none_of_its_rows(db):
    world = worlds.Worlds(OpenBlocker())
    world.switch(("demo_content",))
    assert HomePage.objects.exists() and Agency.objects.exists()
    world.close()
    assert not HomePage.objects.exists() and not Agency.objects.exists()


def test_each_test_gets_its_own_copy_of_the_world_as_loaded(db):
    world = worlds.Worlds(OpenBlocker())
    key = ("demo_content",)
    world.switch(key)
    try:
        first = world.get("demo_content", key)
        report = first.seed_report
        report.title = "Đổi tên"
        report.save_revision().publish()
        assert world.get("demo_content", key) is first  # within a test, one copy
        world.switch(key)  # the next test
        second = world.get("demo_content", key)
        assert second is not first and second.seed_report.title != "Đổi tên"
        assert world.get("demo_legal", ("demo_content", "demo_legal")) is None
    finally:
        world.close()


def test_a_world_that_fails_to_load_leaves_nothing_open(db, monkeypatch):
    def half_built(key):
        Agency.objects.create(name="Sở thử", slug="so-thu")
        raise RuntimeError("the demo failed half-way")

    monkeypatch.setattr(worlds, "build", half_built)
    world = worlds.Worlds(OpenBlocker())
    with pytest.raises(RuntimeError):
        world.switch(("demo_content",))
    assert world.key is None and not world.atomics
    assert not Agency.objects.filter(slug="so-thu").exists()


@pytest.mark.parametrize(
    "fixtures, expected",
    [
        (("db", "demo_content"), ("demo_content",)),
        (
            ("demo_legal", "demo_content_en", "demo_content"),
            ("demo_content", "demo_content_en", "demo_legal"),
        ),
        (("demo_content", "local_midday"), None),
        (("demo_content", "home"), None),
        (("demo_content", "transactional_db"), None),
        (("db",), None),
    ],
)
def test_the_world_a_test_wants(fixtures, expected):
    class Item:
        fixturenames = fixtures

        def get_closest_marker(self, name):
            return None

    assert worlds.wanted(Item()) == expected
