"""A CDN by configuration only: publishing purges the same URLs through Wagtail's Cloudflare
and CloudFront backends, configured by their environment variables, against recorded fakes
of the two APIs (there is no internet here).

CloudFront: boto3 sends its real requests (signed, XML) to a fake API on loopback, named by
boto3's own AWS_ENDPOINT_URL_CLOUDFRONT. Cloudflare: Wagtail's backend posts to a fixed
address, so its HTTP call is answered with Cloudflare's recorded answer.
"""

import json
import os
import subprocess
import sys
import threading
import xml.etree.ElementTree as ElementTree
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from wagtail.contrib.frontend_cache.backends import cloudflare

from tests.performance.test_purging import ROOT, publish

pytestmark = pytest.mark.django_db

CLOUDFRONT_NS = "{http://cloudfront.amazonaws.com/doc/2020-05-31/}"
# CloudFront's answer to CreateInvalidation (its API reference's example, ids replaced).
CLOUDFRONT_CREATED = """<?xml version="1.0" encoding="UTF-8"?>
<Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">
  <Id>I2J0I21PCUYOIK</Id>
  <Status>InProgress</Status>
  <CreateTime>2026-12-06T05:00:00.000Z</CreateTime>
  <InvalidationBatch>
    <Paths><Quantity>1</Quantity><Items><Path>/</Path></Items></Paths>
    <CallerReference>portal</CallerReference>
  </InvalidationBatch>
</Invalidation>"""
# Cloudflare's answer to purge_cache (its API reference's example).
CLOUDFLARE_PURGED = {
    "success": True,
    "errors": [],
    "messages": [],
    "result": {"id": "023e105f4ecef8ad9ca31a8372d0c353"},
}


class FakeCloudFront(BaseHTTPRequestHandler):
    """CreateInvalidation as CloudFront answers it; the paths asked for are recorded."""

    invalidations = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        batch = ElementTree.fromstring(body)
        self.invalidations.append(
            {
                "path": self.path,
                "signed": self.headers.get("Authorization", "").startswith("AWS4-HMAC-SHA256"),
                "paths": [item.text for item in batch.iter(f"{CLOUDFRONT_NS}Path")],
            }
        )
        answer = CLOUDFRONT_CREATED.encode()
        self.send_response(201)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


@pytest.fixture
def cloudfront(monkeypatch):
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeCloudFront)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    FakeCloudFront.invalidations = []
    monkeypatch.setenv("AWS_ENDPOINT_URL_CLOUDFRONT", f"http://127.0.0.1:{server.server_port}")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")  # CloudFront signs for it
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    yield FakeCloudFront.invalidations
    server.shutdown()


@pytest.fixture
def cloudflare_api(monkeypatch):
    calls = []

    class Answer:
        def raise_for_status(self):
            pass

        def json(self):
            return CLOUDFLARE_PURGED

    def post(url, json, headers, timeout):
        calls.append({"url": url, "files": json["files"], "headers": headers})
        return Answer()

    monkeypatch.setattr(cloudflare.requests, "post", post)
    return calls


def configured(**environment):
    """WAGTAILFRONTENDCACHE as the settings build it from `environment`."""
    code = (
        "import json; from django.conf import settings; "
        "print(json.dumps(settings.WAGTAILFRONTENDCACHE))"
    )
    output = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith(("WAGTAIL", "DJANGO"))},
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            **environment,
        },
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def test_the_settings_configure_each_cdn_from_its_variables():
    caches = configured(
        WAGTAILFRONTENDCACHE_URL="http://127.0.0.1:8081",
        WAGTAILFRONTENDCACHE_CLOUDFLARE_ZONE_ID="zone",
        WAGTAILFRONTENDCACHE_CLOUDFLARE_TOKEN="token",
        WAGTAILFRONTENDCACHE_CLOUDFRONT_DISTRIBUTION_ID="E2QWRUHEXAMPLE",
    )
    assert caches["default"]["LOCATION"] == "http://127.0.0.1:8081"
    assert caches["cloudflare"]["ZONEID"] == "zone"
    assert caches["cloudflare"]["BEARER_TOKEN"] == "token"
    assert caches["cloudfront"]["DISTRIBUTION_ID"] == "E2QWRUHEXAMPLE"
    assert configured() == {}


def test_a_publish_purges_the_same_urls_from_both_cdns(
    settings, cloudfront, cloudflare_api, on_commit, other_article
):
    settings.WAGTAILFRONTENDCACHE = {
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": "zone",
            "BEARER_TOKEN": "token",
        },
        "cloudfront": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": "E2QWRUHEXAMPLE",
        },
    }
    with on_commit():
        publish(other_article)

    cloudflare_files = {url for call in cloudflare_api for url in call["files"]}
    assert ROOT + other_article.url in cloudflare_files
    assert ROOT + "/" in cloudflare_files
    assert all(
        call["url"] == "https://api.cloudflare.com/client/v4/zones/zone/purge_cache"
        and call["headers"]["Authorization"] == "Bearer token"
        for call in cloudflare_api
    )

    assert cloudfront, "no invalidation reached the fake CloudFront"
    assert all(
        invalidation["path"] == "/2020-05-31/distribution/E2QWRUHEXAMPLE/invalidation"
        and invalidation["signed"]
        for invalidation in cloudfront
    )
    invalidated = {path for invalidation in cloudfront for path in invalidation["paths"]}
    assert other_article.url in invalidated
    assert {url.removeprefix(ROOT) for url in cloudflare_files} <= invalidated
