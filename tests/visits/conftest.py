import pytest

CHROME = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Mobile Safari/537.36"
)


@pytest.fixture
def beacon(client):
    """POST the beacon as a reader at `ip` would; returns the response."""

    def send(ip="203.0.113.7", ua=CHROME, page="", **headers):
        return client.post(
            "/visits/beacon/",
            {"page": page} if page else {},
            REMOTE_ADDR=ip,
            HTTP_USER_AGENT=ua,
            **headers,
        )

    return send


@pytest.fixture
def any_page(db):
    """A page of the database (Wagtail's initial one): the beacon only needs its id."""
    from wagtail.models import Page

    return Page.objects.get(depth=2)
