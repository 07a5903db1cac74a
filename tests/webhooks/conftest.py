import base64
import hashlib
import hmac
import json
import threading
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import pytest

from webhooks.models import Subscription


def change(id=1, endpoint="pages", object_type="articles.NewsArticlePage", object_id=42, **kw):
    """A change as the change log records it (core.ContentChange's fields), unsaved."""
    fields = {"locale": "vi", "event": "upsert", "reason": "published"} | kw
    return SimpleNamespace(
        id=id,
        occurred_at=datetime(2026, 12, 5, 3, 0, tzinfo=UTC),
        endpoint=endpoint,
        object_type=object_type,
        object_id=object_id,
        **fields,
    )


def verify(secret, headers, body):
    """The receiver's check, written from the Standard Webhooks specification."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return any(
        hmac.compare_digest(f"v1,{expected}", signature)
        for signature in headers["webhook-signature"].split(" ")
    )


class Receiver:
    """A real HTTP receiver on 127.0.0.1: records what it is sent; answers `status`, after
    `delay` seconds; `redirect` answers 307 to another path."""

    def __init__(self):
        self.received = []
        self.status = 200
        self.delay = 0
        self.redirect = False
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if receiver.delay:
                    time.sleep(receiver.delay)
                if self.path != "/hook":
                    receiver.received.append(("redirected", self.path))
                elif receiver.status < 300 and not receiver.redirect:
                    headers = {name.lower(): value for name, value in self.headers.items()}
                    receiver.received.append((headers, body, json.loads(body)))
                self.send_response(307 if receiver.redirect else receiver.status)
                if receiver.redirect:
                    self.send_header("Location", "/elsewhere")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def ids(self):
        return [headers["webhook-id"] for headers, _body, _json in self.accepted]

    @property
    def accepted(self):
        return [entry for entry in self.received if entry[0] != "redirected"]


@pytest.fixture
def receiver(settings):
    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    settings.WEBHOOK_READ_TIMEOUT = 1
    found = Receiver()
    yield found
    found.server.shutdown()
    found.server.server_close()


@pytest.fixture
def subscription(db, receiver):
    return Subscription.objects.create(
        name="Cổng thành phố", url=receiver.url, categories=["upsert", "unpublish", "delete"]
    )
