"""Local development: DEBUG on, an insecure default key, the demo administrator allowed."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, SECRET_KEY

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEMO_ADMIN_ALLOWED = True

if "demo" not in INSTALLED_APPS:
    INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
