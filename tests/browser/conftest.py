"""Browser tests: Playwright for Python driving Debian's Chromium against pytest-django's
live server (a real HTTP server in a thread, on a transactional test database).

They are skipped, saying why, when Chromium is not installed (`apt-get install chromium`);
the accessibility audits also need axe-core (`make browser-deps`, or `npm ci` here).
Screenshots go to test-artifacts/ (TEST_ARTIFACTS_DIR), which git ignores.
"""

import mimetypes
import os
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from tests.migrated import restore_migrated_data

# Playwright's sync API runs an event loop in the test's thread, which makes Django refuse
# ORM calls there; the fixtures and assertions below still call the ORM synchronously.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_SCRIPT = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(
    os.environ.get("TEST_ARTIFACTS_DIR") or Path(__file__).resolve().parents[2] / "test-artifacts"
)
PASSWORD = "mat-khau-dai-2024"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


@pytest.fixture(autouse=True)
def migrated_data(transactional_db):
    """The live server needs a transactional database, which the test before may have
    flushed: what the data migrations made goes back first."""
    restore_migrated_data()


@pytest.fixture(scope="session")
def chromium():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"Browser tests skipped: no Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield browser
        browser.close()


def serve_media(route):
    """The live server does not serve uploads (DEBUG is off): answer from MEDIA_ROOT."""
    relative = unquote(urlsplit(route.request.url).path).removeprefix(settings.MEDIA_URL)
    root = Path(settings.MEDIA_ROOT).resolve()
    path = (root / relative).resolve()
    if root not in path.parents or not path.is_file():
        route.fulfill(status=404)
        return
    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    route.fulfill(status=200, body=path.read_bytes(), content_type=content_type)


class ServerGate:
    """Lets the live server answer one request at a time, and only while a test runs.

    The server thread shares the test's in-memory SQLite connection, and a browser keeps
    sending after a test ends: closing a context fires the admin's unload beacon (Wagtail
    releasing its editing session). A request read beside the teardown's flush left a table
    locked, the flush failed and the next test saw the last one's users. Closing the gate
    waits for the request in progress; later ones get a 503 and never touch the database.
    """

    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()
        self.open = False

    def __call__(self, environ, start_response):
        with self.lock:
            if not self.open:
                start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                return [b"The test this server ran for has ended."]
            response = self.app(environ, start_response)
            try:
                return list(response)
            finally:
                if hasattr(response, "close"):
                    response.close()

    def set_open(self, is_open):
        with self.lock:
            self.open = is_open


@pytest.fixture
def server_gate(live_server, transactional_db):
    """Opens the live server to the test; shut (requests finished) before the database flush."""
    httpd = live_server.thread.httpd
    if not isinstance(httpd.get_app(), ServerGate):
        httpd.set_app(ServerGate(httpd.get_app()))
    gate = httpd.get_app()
    gate.set_open(True)
    yield gate
    gate.set_open(False)


@pytest.fixture
def new_page(chromium, live_server, server_gate):
    """Opens a page in a fresh browser context (its own cookies) at a window size."""
    contexts = []

    def open_page(viewport=DESKTOP):
        context = chromium.new_context(
            viewport=viewport, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh"
        )
        context.set_default_timeout(15_000)
        context.route(f"{live_server.url}{settings.MEDIA_URL}**", serve_media)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()  # a context an actor already closed ignores this


@pytest.fixture
def axe_script():
    if not AXE_SCRIPT.is_file():
        pytest.skip("Accessibility audits skipped: axe-core is not installed (make browser-deps)")
    return AXE_SCRIPT.read_text()


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def make_member(django_user_model):
    def make(username, group_name):
        user = django_user_model.objects.create_user(
            username=username, email=f"{username}@example.gov.vn", password=PASSWORD
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


def log_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{base_url}/admin/")
