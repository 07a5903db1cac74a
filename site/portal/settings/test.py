"""The test suite: fast hashing, in-memory e-mail, media in a temporary folder (unless a
test's own portal names a bucket: MEDIA_S3_BUCKET)."""

import os
import tempfile
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403
from .base import CACHES, INSTALLED_APPS, REDIS_URL, SECRET_KEY
from .environment import env_bool

SECRET_KEY = SECRET_KEY or "test-only-insecure-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
WAGTAILADMIN_BASE_URL = "http://testserver"

# pytest-xdist runs the suite in several processes; `cache.clear()` empties a whole Redis
# database, so each worker gets a database of its own (gw0 -> base + 0, gw1 -> base + 1...).
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _worker.startswith("gw"):
    _url = urlsplit(REDIS_URL)
    _base_db = int(_url.path.strip("/") or 0)
    CACHES["default"]["LOCATION"] = urlunsplit(
        _url._replace(path=f"/{_base_db + int(_worker[2:])}")
    )

# The API's fuzz tests send thousands of requests: the rate limit is on only in its tests
# (and in a test's own portal that turns it on: RATE_LIMIT_ENABLED).
RATE_LIMIT_ENABLED = env_bool("RATE_LIMIT_ENABLED", False)

if "demo" not in INSTALLED_APPS:
    INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
