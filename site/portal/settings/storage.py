"""Where uploaded files live, imported by base.py: local files under MEDIA_ROOT (the embedded
default, `make run`), or one bucket of an S3-compatible object store shared by every node
(MEDIA_S3_BUCKET, through django-storages and boto3).

In the bucket, original images and renditions (`original_images/`, `images/`) are public:
pages link to them at MEDIA_S3_PUBLIC_URL, so the bucket must let anyone read those two
prefixes and nothing else (deploy/README.md, "Object storage"). Documents (`documents/`)
stay private: the portal serves them itself (WAGTAILDOCS_SERVE_METHOD "serve_view"), after
the privacy checks, and never hands out their bucket URL.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

__all__ = [
    "MEDIA_PUBLIC_ORIGINS",
    "MEDIA_ROOT",
    "MEDIA_S3_BUCKET",
    "MEDIA_URL",
    "STORAGES",
]

BASE_DIR = Path(__file__).resolve().parents[3]

MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT") or BASE_DIR / "media")
MEDIA_S3_BUCKET = os.environ.get("MEDIA_S3_BUCKET", "").strip()
STATIC_FILES_STORAGE = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# Origins other than the site's own that serve uploaded images (for the CSP).
MEDIA_PUBLIC_ORIGINS = []


def s3_storage():
    """django-storages' S3Storage for MEDIA_S3_BUCKET, from the MEDIA_S3_* variables."""
    endpoint = os.environ.get("MEDIA_S3_ENDPOINT_URL", "").strip().rstrip("/")
    region = os.environ.get("MEDIA_S3_REGION", "").strip() or "us-east-1"
    public_url = os.environ.get("MEDIA_S3_PUBLIC_URL", "").strip().rstrip("/")
    if not public_url:
        public_url = (
            f"{endpoint}/{MEDIA_S3_BUCKET}"
            if endpoint
            else f"https://{MEDIA_S3_BUCKET}.s3.{region}.amazonaws.com"
        )
    public = urlsplit(public_url)
    if public.scheme not in ("http", "https") or not public.netloc:
        raise ImproperlyConfigured(
            f"MEDIA_S3_PUBLIC_URL must be an http(s) URL, not {public_url!r}."
        )
    MEDIA_PUBLIC_ORIGINS.append(f"{public.scheme}://{public.netloc}")
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": endpoint or None,
            "region_name": region,
            # Empty: boto3's own chain (the machine's role, ~/.aws).
            "access_key": os.environ.get("MEDIA_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("MEDIA_S3_SECRET_ACCESS_KEY") or None,
            "addressing_style": "path" if endpoint else None,
            # Links to images are plain and stable (cacheable pages); documents are never
            # linked to in the bucket at all.
            "querystring_auth": False,
            "custom_domain": public.netloc + public.path,
            "url_protocol": f"{public.scheme}:",
            # Two uploads named alike must not replace each other (Wagtail relies on it).
            "file_overwrite": False,
            "default_acl": None,
            # As nginx serves local media (deploy/nginx/portal.conf).
            "object_parameters": {"CacheControl": "public, max-age=2592000"},
        },
    }


STORAGES = {
    "default": (
        s3_storage()
        if MEDIA_S3_BUCKET
        else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    ),
    "staticfiles": STATIC_FILES_STORAGE,
}
