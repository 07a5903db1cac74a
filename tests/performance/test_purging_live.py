"""Purging against the real caches: nginx (deploy/nginx/) and Varnish (deploy/varnish/) both
in front of the portal under gunicorn, both purged by Wagtail's HTTP backend
(WAGTAILFRONTENDCACHE_URL names the two) when a page is published from another process.
"""

import base64
import hashlib
import time

import pytest
import requests

from tests import servers

pytestmark = pytest.mark.skipif(
    bool(servers.caches_unavailable()), reason=str(servers.caches_unavailable())
)

# The test settings' site (WAGTAILADMIN_BASE_URL): purges name its host, so requests do too.
HOST = "testserver"
SEED = servers.site_seed("Bản lưu 1", "ban-luu")


@pytest.fixture(scope="module")
def caches():
    folder = servers.temporary_folder("portal-caches-")
    portal = servers.Portal(
        {
            "DATABASE_URL": f"sqlite:///{folder}/portal.sqlite3",
            "REDIS_URL": "",
            "RESPONSE_CACHE_SECONDS": "0",
            "DJANGO_ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        }
    )
    portal.manage("migrate", "--noinput", "-v0")
    portal.manage("shell", "-c", SEED)
    nginx = servers.Nginx(folder, portal.port)
    varnish = servers.Varnish(folder, portal.port)
    portal.environment["WAGTAILFRONTENDCACHE_URL"] = (
        f"http://127.0.0.1:{nginx.purge_port}, http://127.0.0.1:{varnish.port}"
    )
    started = []
    try:
        for server in (portal, nginx, varnish):
            started.append(server.start())
        yield portal, {"nginx": nginx.port, "Varnish": varnish.port}
    finally:
        for server in reversed(started):
            server.stop()


def through(port, path, **headers):
    answer = requests.get(
        f"http://127.0.0.1:{port}{path}", headers={"Host": HOST, **headers}, timeout=30
    )
    assert answer.status_code == 200
    return answer


@pytest.mark.parametrize("cache", ["nginx", "Varnish"])
def test_a_publish_purges_the_page_from_the_cache(caches, cache):
    portal, ports = caches
    port = ports[cache]
    through(port, "/ban-luu/")
    kept = through(port, "/ban-luu/")
    assert kept.headers["X-Cache-Status"] == "HIT"
    title = f"Bản lưu qua {cache}"
    portal.manage(
        "shell",
        "-c",
        "from home.pages import ContentPage\n"
        "page = ContentPage.objects.get(slug='ban-luu')\n"
        f"page.title = {title!r}\n"
        "page.save_revision().publish()",
    )
    fresh = through(port, "/ban-luu/")
    assert title in fresh.text
    assert fresh.headers["X-Cache-Status"] != "HIT"
    assert through(port, "/ban-luu/").headers["X-Cache-Status"] == "HIT"


@pytest.mark.parametrize("cache", ["nginx", "Varnish"])
def test_an_editor_always_reaches_the_portal(caches, cache):
    _portal, ports = caches
    port = ports[cache]
    through(port, "/ban-luu/")
    through(port, "/ban-luu/")
    assert through(port, "/ban-luu/", Cookie=editor_cookie()).headers["X-Cache-Status"] != "HIT"


def editor_cookie():
    """The `portal_editor` cookie Django gives a signed-in editor, signed with the caches'
    bypass secret (`servers.Nginx`'s), as nginx checks it."""
    expires = int(time.time()) + 3600
    digest = hashlib.md5(f"{expires} {servers.BYPASS_SECRET}".encode()).digest()
    return f"portal_editor={base64.urlsafe_b64encode(digest).decode().rstrip('=')}.{expires}"


def test_the_api_is_kept_once_for_every_origin(caches):
    _portal, ports = caches
    port = ports["Varnish"]
    through(port, "/api/v2/pages/", Origin="https://a.example")
    other = through(port, "/api/v2/pages/", Origin="https://b.example")
    assert other.headers["X-Cache-Status"] == "HIT"
    assert other.headers["Access-Control-Allow-Origin"] == "*"
