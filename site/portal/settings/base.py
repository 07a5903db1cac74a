"""Settings shared by every environment, read from environment variables.

`site/` is a folder on the import path, not a package: see README.md.
"""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from .databases import *  # noqa: F403  (DATABASES: the primary and its read replicas)
from .environment import env_bool, env_list, env_map
from .security import *  # noqa: F403  (headers, CSP, embeds, admin hardening)
from .storage import *  # noqa: F403  (uploaded files: local, or S3-compatible object storage)
from .webhooks import *  # noqa: F403  (task backends, the webhooks' limits)

SITE_DIR = Path(__file__).resolve().parent.parent.parent
BASE_DIR = SITE_DIR.parent

DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "articles",
    "legal_documents",
    "organisation",
    "work_calendar",
    "blocs",
    "snippets",
    "search",
    "visits",
    "editorial",
    "webhooks",
    "core",
    "django_tasks_db",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "editorial.apps.UsersConfig",  # wagtail.users, with the portal's user screens
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "corsheaders",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Anonymous readers' reads from PostgreSQL replicas, when there are (core/replicas.py).
    "core.middleware.ReplicaReadsMiddleware",
    "core.security.SecurityHeadersMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Whole anonymous answers from Django's cache (core/response_cache.py).
    "core.response_cache.ResponseCacheMiddleware",
    # Pages and XML without the control characters XML forbids (core/cleaning.py).
    "core.cleaning.MarkupCleaningMiddleware",
    "core.middleware.CacheHeadersMiddleware",
    "core.middleware.PortalSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# The admin's saves run in one transaction each: one that fails half-way (or a worker killed
# mid-request) leaves nothing written (core/transactions.py).
MIDDLEWARE += ["core.transactions.AdminTransactionMiddleware"]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Pages keep answering while Redis is down (see core/cache.py).
            "BACKEND": "core.cache.FaultTolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese first, English second.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
# The admin names languages in its own language ("Xuất bản bằng Tiếng Anh", not "... English"):
# Wagtail and wagtail-localize show these names as they are (Locale.get_display_name()).
WAGTAIL_CONTENT_LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = WAGTAIL_CONTENT_LANGUAGES
# A new translation starts as a draft, even of a live page: it holds the source's text until
# translated, and goes live by a publish like any change (editorial.translations).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [SITE_DIR / "static"]
# Files browsers ask for at the site's root (/favicon.ico), served by whitenoise, kept a day.
WHITENOISE_ROOT = SITE_DIR / "root"
ROOT_FILES_MAX_AGE = 24 * 60 * 60


def root_file_headers(headers, path, url):
    if url.count("/") == 1:  # /favicon.ico, not /static/...
        headers["Cache-Control"] = f"public, max-age={ROOT_FILES_MAX_AGE}"


WHITENOISE_ADD_HEADERS_FUNCTION = root_file_headers

# Complex page models can exceed Django's default of 1,000 fields in the editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# An uploaded file over 2.5 MB streams to a temporary file (FILE_UPLOAD_TEMP_DIR, else the
# system's), never to memory; the forms then refuse what exceeds the limits below. nginx's
# client_max_body_size (deploy/nginx/portal.conf) stops larger requests first.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_TEMP_DIR = os.environ.get("DJANGO_FILE_UPLOAD_TEMP_DIR") or None

WAGTAIL_SITE_NAME = _("Government electronic information portal")
# The public origin (scheme://host[:port]) of every absolute URL the portal hands out: pages
# (through the default Site, kept in step at each migrate), API, sitemap, feeds, e-mails.
# `make run` sets it from HOST and PORT; production sets the public address (core/origin.py).
WAGTAILADMIN_BASE_URL = (
    os.environ.get("WAGTAILADMIN_BASE_URL", "").strip() or "http://127.0.0.1:8000"
)
# Search: every backend is wrapped by search.backends, which folds Vietnamese diacritics.
# SEARCH_BACKEND: "database" (SQLite FTS5 or PostgreSQL full-text search, by DATABASE_URL),
# or "elasticsearch7", "elasticsearch8", "elasticsearch9", "opensearch2", "opensearch3" with
# SEARCH_URLS (comma-separated) and SEARCH_INDEX. After switching: manage.py update_index.
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "database").strip() or "database"
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backends",
        "WRAPPED_BACKEND": f"wagtail.search.backends.{SEARCH_BACKEND}",
    }
}
if SEARCH_BACKEND != "database":
    WAGTAILSEARCH_BACKENDS["default"].update(
        URLS=env_list("SEARCH_URLS", "http://127.0.0.1:9200"),
        INDEX=os.environ.get("SEARCH_INDEX", "portal"),
        TIMEOUT=int(os.environ.get("SEARCH_TIMEOUT", "5")),
    )
# PostgreSQL: a search ranks only the newest matches, so that its cost stays flat as the
# site grows (search.backends.NewestMatchesCompiler); the count stops there too.
SEARCH_RANKED_MATCHES = int(os.environ.get("SEARCH_RANKED_MATCHES", "200"))
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "doc",
    "docx",
    "odt",
    "pdf",
    "ppt",
    "pptx",
    "rtf",
    "txt",
    "ods",
    "xls",
    "xlsx",
    "zip",
]
# Largest document upload in megabytes: keep nginx's client_max_body_size a little above it.
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_MB") or 50) * 1024 * 1024
# The text of attached PDF, DOCX and XLSX files is read for search in a separate process
# within these bounds (legal_documents/extraction.py lists them all); a file beyond them is
# kept but recorded as unreadable.
ATTACHMENT_EXTRACTION = {
    "TIMEOUT": int(os.environ.get("ATTACHMENT_EXTRACTION_TIMEOUT") or 20),
    "MEMORY_MB": int(os.environ.get("ATTACHMENT_EXTRACTION_MEMORY_MB") or 512),
}
# Upload rules of the admin; Wagtail's messages for them read in Vietnamese
# (locale/vi/LC_MESSAGES/wagtail_admin.po). SVG is left out: it can carry scripts.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif", "gif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# A new image needs a description (its alternative text on the site).
WAGTAILIMAGES_IMAGE_FORM_BASE = "editorial.forms.ImageForm"
# Documents: the content must match the extension (editorial.uploads); they are served by
# Django (private collections are checked, nginx never serves /media/documents/), as a
# download except PDF, with `X-Content-Type-Options: nosniff` and `default-src 'none'`.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "editorial.forms.DocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
# The API's detail_url, find redirects and media URLs: the same public origin.
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

# Outgoing mail: the moderation workflow's notifications (submitted, approved, changes
# requested) and password resets. Development and tests keep mail in the console or memory.
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "webmaster@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # Wagtail logs every background task and page action at INFO: keep the console readable.
    "loggers": {
        name: {"level": os.environ.get("DJANGO_LOG_LEVEL_LIBRARIES", "WARNING")}
        for name in ("django_tasks", "wagtail", "modelsearch")
    },
}
WAGTAILADMIN_USER_LOGIN_FORM = "editorial.account_forms.PortalLoginForm"
FORMAT_MODULE_PATH = ["portal.formats"]

# Public, read-only API and feeds: readable from any origin (GET, HEAD and the preflight),
# without credentials; nothing else (the admin above all) answers cross-origin requests.
CORS_URLS_REGEX = r"^/(?!admin/)(api/.*|sitemap(-[a-z]+)?\.xml|(.*/)?(rss|atom)/)$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
# Seconds shared caches and clients may keep an API answer (Cache-Control: public, max-age).
API_CACHE_MAX_AGE = int(os.environ.get("API_CACHE_MAX_AGE", "60"))
# Previews for other front ends (core/headless): the front ends' preview URLs, by
# "<hostname>/<language>", "<hostname>", "<language>" or "default" (the first that matches the
# page's site and language; "{language}" in a URL becomes the page's language), and the life
# of a preview token. No URL: no link in the admin's preview.
HEADLESS_PREVIEW_CLIENT_URLS = env_map("HEADLESS_PREVIEW_CLIENT_URLS")
HEADLESS_PREVIEW_TOKEN_SECONDS = int(os.environ.get("HEADLESS_PREVIEW_TOKEN_SECONDS", "600"))
# Renditions a client may ask the API for with `?renditions=` (comma-separated Wagtail filter
# specs, core.renditions.requestable), and how many in one request.
API_RENDITION_SPECS = env_list("API_RENDITION_SPECS") or [
    *("width-400", "width-800", "width-1200", "fill-100x100", "fill-400x300", "fill-800x450"),
    *("format-webp|width-400", "format-webp|width-800", "format-webp|width-1200"),
]
API_RENDITIONS_MAX = int(os.environ.get("API_RENDITIONS_MAX", "4"))
# Days the change log (/api/v2/changes/) keeps; older cursors answer 410 (core.changes).
API_CHANGES_RETENTION_DAYS = int(os.environ.get("API_CHANGES_RETENTION_DAYS", "90"))

# Visitor statistics (visits/, docs/visits.md).
VISITS_ENABLED = env_bool("VISITS_ENABLED", True)
# Proxies (nginx, a CDN) in front of the portal that append the reader's address to
# X-Forwarded-For; 0 reads REMOTE_ADDR.
VISITS_TRUSTED_PROXIES = int(os.environ.get("VISITS_TRUSTED_PROXIES", "0"))
# Seconds between two folds of the cache's counts into the database (0: only the command).
VISITS_FOLD_INTERVAL = int(os.environ.get("VISITS_FOLD_INTERVAL", "300"))
# What one client may add (visits/limits.py; 0: no bound; off with RATE_LIMIT_ENABLED=false):
# page views of one visitor a minute, visitors of one address a day.
VISITS_VIEWS_PER_MINUTE = int(os.environ.get("VISITS_VIEWS_PER_MINUTE", "30"))
VISITS_VISITORS_PER_ADDRESS = int(os.environ.get("VISITS_VISITORS_PER_ADDRESS", "100"))
# HTTP caching (core.middleware): anonymous answers are `Cache-Control: public` with
# max-age for browsers (short: a purge cannot reach them) and s-maxage for nginx or a CDN
# (long: publishing purges exactly what changed, see core.purging).
HTTP_CACHE_MAX_AGE = int(os.environ.get("HTTP_CACHE_MAX_AGE", "60"))
HTTP_CACHE_S_MAXAGE = int(os.environ.get("HTTP_CACHE_S_MAXAGE", "3600"))
# URLs with a query string (?page=7, API filters) cannot all be purged by name: kept shorter.
HTTP_CACHE_S_MAXAGE_QUERY = int(os.environ.get("HTTP_CACHE_S_MAXAGE_QUERY", "60"))

# Purging the caches in front: WAGTAILFRONTENDCACHE_URL names the purge endpoint of each,
# separated by spaces or commas: nginx's (deploy/nginx/portal.conf: PURGE on the loopback
# listener, e.g. http://127.0.0.1:8081), Varnish's (deploy/varnish/portal.vcl: its own
# address, e.g. http://127.0.0.1:6081). Empty: no cache in front, nothing is purged. The
# same URLs are purged from each, and from a CDN configured below.
WAGTAILFRONTENDCACHE = {
    "default" if number == 1 else f"cache{number}": {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": location,
    }
    for number, location in enumerate(
        os.environ.get("WAGTAILFRONTENDCACHE_URL", "").replace(",", " ").split(), 1
    )
}
# CDNs, by configuration only, with Wagtail's own backends: Cloudflare (a zone and an API
# token allowed to purge it) and CloudFront (a distribution; AWS credentials as boto3 reads
# them: environment, profile or instance role).
if os.environ.get("WAGTAILFRONTENDCACHE_CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["WAGTAILFRONTENDCACHE_CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("WAGTAILFRONTENDCACHE_CLOUDFLARE_TOKEN", ""),
    }
if os.environ.get("WAGTAILFRONTENDCACHE_CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["WAGTAILFRONTENDCACHE_CLOUDFRONT_DISTRIBUTION_ID"],
    }
# core.purging lists the translations' own URLs: Wagtail must not rewrite each URL's
# language prefix (it would invent /vi/... URLs that do not exist).
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Seconds the site-wide fragments (menu, banners, announcements) and listing counts stay in
# Django's cache; any publish or snippet change replaces them at once (core/fragments.py).
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "300"))
# Whole anonymous answers kept in Django's cache (core/response_cache.py): at most this many
# seconds and never longer than their s-maxage; 0 turns it off, the default in development
# and tests (a template edited shows at once; tests read each render's context). Production
# keeps them (production.py). The first requests after a change wait up to
# RESPONSE_CACHE_WAIT_SECONDS for the one that renders.
RESPONSE_CACHE_SECONDS = int(os.environ.get("RESPONSE_CACHE_SECONDS", "0"))
RESPONSE_CACHE_WAIT_SECONDS = float(os.environ.get("RESPONSE_CACHE_WAIT_SECONDS", "5"))
# The secret nginx shares with Django to check the `portal_editor` cookie (secure_link): set,
# signed-in users get the cookie and nginx sends them past its cache (deploy/README.md).
CACHE_BYPASS_SECRET = os.environ.get("CACHE_BYPASS_SECRET", "")
# Admin hardening (README.md, "Admin security"): two-step sign-in, login throttling,
# sessions, and the anonymous rate limit of the API and feeds (core.ratelimit); their
# settings are in security.py.
INSTALLED_APPS += ["django_otp", "django_otp.plugins.otp_totp"]

# The demo app (demo content, load generator, benchmark commands) is installed in development
# and tests; production installs it only for the benchmark and the soak test (bench/).
DEMO_APP_ENABLED = env_bool("DEMO_APP_ENABLED", False)
if DEMO_APP_ENABLED:
    INSTALLED_APPS += ["demo"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "core.ratelimit.RateLimitMiddleware",
)
# The admin refuses sessions that owe a one-time code (editorial/sign_in.py), whatever
# opened them; readers' /_util/login/ uses the admin's form and template (security.py).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django_otp.middleware.OTPMiddleware") + 1,
    "editorial.sign_in.SecondFactorMiddleware",
)
