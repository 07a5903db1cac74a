"""The portal's public API over HTTP, with the standard library only (urllib, json).

Retries what a busy or restarting server answers (connection errors, 429, 502, 503, 504)
with a growing pause, honouring `Retry-After`; any other 4xx or 5xx raises `APIError`,
except the statuses a caller says it expects (404 for a detail that is gone, 410 for a
change-stream cursor that is too old).
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from email.utils import parsedate_to_datetime

from . import __version__

RETRIED_STATUSES = (429, 502, 503, 504)


class APIError(Exception):
    def __init__(self, url: str, status: int, body: str):
        super().__init__(f"{url}: HTTP {status}: {body[:300]}")
        self.url = url
        self.status = status


class Answer:
    """A JSON answer: its status, decoded body (None when empty) and headers."""

    def __init__(self, status: int, body: object, headers: dict[str, str]):
        self.status = status
        self.body = body
        self.headers = headers

    @property
    def server_time(self):
        """The server's clock (the `Date` header), or None."""
        value = self.headers.get("date")
        return parsedate_to_datetime(value) if value else None


class PortalAPI:
    def __init__(self, base_url: str, timeout: float = 30, retries: int = 4, pause: float = 1):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.retries = retries
        self.pause = pause
        self.requests = 0

    def url(self, path: str, params: dict | None = None) -> str:
        query = urllib.parse.urlencode({k: v for k, v in (params or {}).items() if v is not None})
        return f"{self.base_url}{path}" + (f"?{query}" if query else "")

    def get(self, path: str, params: dict | None = None, expect: tuple[int, ...] = ()) -> Answer:
        """GET `path` with `params`; a 2xx answer or one of the `expect`ed statuses."""
        url = self.url(path, params)
        request = urllib.request.Request(
            url,
            headers={"Accept": "application/json", "User-Agent": f"portal-sync/{__version__}"},
        )
        for attempt in range(self.retries + 1):
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return self.answer(response.status, response.read(), response.headers)
            except urllib.error.HTTPError as error:
                body = error.read()
                if error.code in expect:
                    return self.answer(error.code, body, error.headers)
                if error.code not in RETRIED_STATUSES or attempt == self.retries:
                    raise APIError(url, error.code, body.decode("utf-8", "replace")) from None
                time.sleep(self.delay(attempt, error.headers.get("Retry-After")))
            except (urllib.error.URLError, TimeoutError, ConnectionError):
                if attempt == self.retries:
                    raise
                time.sleep(self.delay(attempt, None))
        raise AssertionError("unreachable")

    def answer(self, status, raw: bytes, headers) -> Answer:
        self.requests += 1
        body = json.loads(raw.decode("utf-8")) if raw.strip() else None
        return Answer(status, body, {name.lower(): value for name, value in headers.items()})

    def delay(self, attempt: int, retry_after: str | None) -> float:
        if retry_after and retry_after.isdigit():
            return min(float(retry_after), 60.0)
        return self.pause * 2**attempt
