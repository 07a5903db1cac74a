"""One signed POST (Standard Webhooks: https://www.standardwebhooks.com/) with urllib3, already
installed through requests, at its lowest level so that the connection goes to the address
that was checked: the host is resolved and checked (webhooks.addresses), the connection made
to that IP with the host name kept for TLS (SNI and certificate), and the peer address
checked again once connected. No redirect is followed, timeouts are short and at most
`RESPONSE_LIMIT` bytes of the answer are read."""

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass
from urllib.parse import urlsplit

import urllib3
from django.conf import settings
from urllib3.connection import HTTPConnection, HTTPSConnection

from .addresses import ForbiddenAddress, check_url, in_allowed_network, is_allowed

RESPONSE_LIMIT = 4096
USER_AGENT = "vn-gov-portal-webhooks/1"


def sign(secret, message_id, timestamp, body):
    """`v1,` + base64(HMAC-SHA256(secret bytes, "{id}.{timestamp}.{body}"))."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{message_id}.{timestamp}.".encode() + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


def encode(payload):
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass
class Outcome:
    ok: bool
    status_code: int | None = None
    error: str = ""


class _PeerChecked:
    """Refuses the connection when the peer is not an address webhooks may reach."""

    plain_http = False

    def _new_conn(self):
        sock = super()._new_conn()
        peer = sock.getpeername()[0]
        if not is_allowed(peer) or (self.plain_http and not in_allowed_network(peer)):
            sock.close()
            raise ForbiddenAddress(f"connected to a forbidden address {peer}")
        return sock


class CheckedHTTPConnection(_PeerChecked, HTTPConnection):
    plain_http = True


class CheckedHTTPSConnection(_PeerChecked, HTTPSConnection):
    pass


def _pool(url, address):
    """A pool connecting to the checked `address`, never resolving the host name again."""
    parts = urlsplit(url)
    https = parts.scheme == "https"
    port = parts.port or (443 if https else 80)
    timeout = urllib3.Timeout(
        connect=settings.WEBHOOK_CONNECT_TIMEOUT, read=settings.WEBHOOK_READ_TIMEOUT
    )
    options = {"timeout": timeout, "retries": False, "maxsize": 1}
    if https:
        pool = urllib3.HTTPSConnectionPool(
            address, port, server_hostname=parts.hostname, assert_hostname=parts.hostname, **options
        )
        pool.ConnectionCls = CheckedHTTPSConnection
    else:
        pool = urllib3.HTTPConnectionPool(address, port, **options)
        pool.ConnectionCls = CheckedHTTPConnection
    host = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
    return pool, host


def post(url, secret, message_id, timestamp, payload):
    """Send one attempt; never raises for the receiver's or the network's faults."""
    body = encode(payload)
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        pool, host = _pool(url, check_url(url)[0])
        with pool:
            response = pool.urlopen(
                "POST",
                target,
                body=body,
                headers={
                    "Host": host,
                    "Content-Type": "application/json",
                    "User-Agent": USER_AGENT,
                    "webhook-id": message_id,
                    "webhook-timestamp": str(timestamp),
                    "webhook-signature": sign(secret, message_id, timestamp, body),
                },
                redirect=False,
                preload_content=False,
            )
            try:
                response.read(RESPONSE_LIMIT)
            finally:
                response.release_conn()
    except ForbiddenAddress as error:
        return Outcome(False, error=str(error)[:500])
    except (urllib3.exceptions.HTTPError, OSError) as error:
        return Outcome(False, error=f"{type(error).__name__}: {error}"[:500])
    if 200 <= response.status < 300:
        return Outcome(True, response.status)
    if 300 <= response.status < 400:
        return Outcome(False, response.status, "redirect not followed")
    return Outcome(False, response.status, f"HTTP {response.status}")
