"""Production: refuses to start without DJANGO_SECRET_KEY; HTTPS, whitenoise, gunicorn."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CACHES, REDIS_URL, SECRET_KEY, STORAGES, env_bool

if not SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set: production refuses to start without a secret key."
    )

# Every absolute URL, the default Site (moved to it at every migrate) and the purge URLs
# come from the public origin: its development default would silently point them all at
# 127.0.0.1:8000 (a `migrate` run without the service's environment did).
if not os.environ.get("WAGTAILADMIN_BASE_URL", "").strip():
    raise ImproperlyConfigured(
        "WAGTAILADMIN_BASE_URL is not set: production refuses to start without the public "
        "origin (e.g. https://portal.example.gov.vn)."
    )

DEBUG = False
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# The portal sits behind nginx (or a CDN) that terminates TLS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# Whole anonymous answers in Django's cache (core/response_cache.py), as long as nginx may
# keep them (HTTP_CACHE_S_MAXAGE): any change replaces them all at once.
RESPONSE_CACHE_SECONDS = int(os.environ.get("RESPONSE_CACHE_SECONDS", "3600"))

# Renditions' database rows cached in Redis (Wagtail's `renditions` alias): a page's images
# then cost no query once drawn. A day; a deleted rendition is purged from it by Wagtail.
if REDIS_URL:
    CACHES["renditions"] = {
        **CACHES["default"],
        "KEY_PREFIX": f"{CACHES['default']['KEY_PREFIX']}:renditions",
        "TIMEOUT": 24 * 60 * 60,
    }
