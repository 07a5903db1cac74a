"""The live server stops touching the database when a browser test ends: a request the
browser sends after that (an unload beacon) is refused instead of racing the flush."""

from urllib.error import HTTPError
from urllib.request import urlopen

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def status_of(url):
    try:
        with urlopen(url) as response:
            return response.status
    except HTTPError as error:
        return error.code


def test_a_request_after_the_test_ends_gets_503_without_a_query(
    live_server, server_gate, django_assert_num_queries
):
    assert status_of(f"{live_server.url}/admin/login/") == 200
    server_gate.set_open(False)
    with django_assert_num_queries(0):
        assert status_of(f"{live_server.url}/admin/login/") == 503
