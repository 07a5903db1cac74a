"""One holder at a time for work every node may start (core/locks.py): on PostgreSQL an
advisory lock, on SQLite an entry in the cache."""

import threading

import pytest
from django.db import connections

from core.locks import exclusive


class HeldElsewhere:
    """The lock `name` held by another thread (another database session) until `release`."""

    def __init__(self, name):
        self.taken, self.done = threading.Event(), threading.Event()
        self.held = None
        self.thread = threading.Thread(target=self.hold, args=(name,))

    def hold(self, name):
        try:
            with exclusive(name) as held:
                self.held = held
                self.taken.set()
                self.done.wait(30)
        finally:
            connections.close_all()

    def __enter__(self):
        self.thread.start()
        assert self.taken.wait(30) and self.held
        return self

    def __exit__(self, *exc_info):
        self.done.set()
        self.thread.join(30)


@pytest.mark.django_db
def test_a_lock_has_one_holder_at_a_time():
    with HeldElsewhere("portal-test"):
        with exclusive("portal-test") as held:
            assert held is False
        with exclusive("portal-test-other") as held:
            assert held is True
    with exclusive("portal-test") as held:
        assert held is True, "released by its holder"
