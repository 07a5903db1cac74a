"""The clients in clients/ run against pytest-django's live server (a real HTTP server in a
thread, on a transactional test database), as a sister portal or a front end would.

The reference Python client is imported from clients/python (it is not an installed
package: sister portals copy or `pip install` that folder).
"""

import sys
from pathlib import Path

import pytest

# What the data migrations create, put back after a transactional test flushed it; the gate
# that lets the live server answer one request at a time, only while the test runs.
from tests.browser.conftest import ServerGate, migrated_data, server_gate  # noqa: F401

CLIENTS = Path(__file__).resolve().parents[2] / "clients"
sys.path.insert(0, str(CLIENTS / "python"))


@pytest.fixture
def portal_url(live_server, server_gate):  # noqa: F811
    return live_server.url


__all__ = ["ServerGate"]
