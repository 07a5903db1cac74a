"""WSGI entry point for gunicorn: `gunicorn portal.wsgi` with `site/` on the path."""

import os
import sys
from pathlib import Path

SITE_DIR = Path(__file__).resolve().parent.parent
for path in (SITE_DIR, SITE_DIR.parent):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
