"""Security settings, imported by base.py: response headers (core.security), the embed
providers, the Content-Security-Policy of the site and of the admin, and the admin's
hardening (two-step sign-in, login throttling, sessions, the anonymous rate limit of the API
and feeds). The apps and middleware they need are installed in base.py.
"""

import os

from .environment import env_bool, env_list
from .storage import MEDIA_PUBLIC_ORIGINS

# Security headers (core.security): Content-Security-Policy and Permissions-Policy on every
# response; SecurityMiddleware adds nosniff, Referrer-Policy and Cross-Origin-Opener-Policy.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Videos embedded in articles come only from these providers (oEmbed); any other URL is
# refused in the editor ("Không tìm thấy nội dung nhúng cho URL này.").
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [
            {
                "endpoint": "https://www.youtube.com/oembed",
                "urls": [
                    r"^https?://(?:www\.|m\.)?youtube\.com/watch\?.+$",
                    r"^https?://(?:www\.)?youtube\.com/(?:shorts|live)/.+$",
                    r"^https?://youtu\.be/.+$",
                ],
            },
            {
                "endpoint": "https://www.vimeo.com/api/oembed.{format}",
                "urls": [r"^https?://(?:www\.)?vimeo\.com/.+$"],
            },
        ],
    }
]
EMBED_FRAME_SOURCES = ["https://www.youtube.com", "https://player.vimeo.com"]
# Origins besides the site itself that serve uploaded images and media (a CDN), e.g.
# "https://media.example.gov.vn"; the object store's public URL is added by itself.
CSP_MEDIA_ORIGINS = [*env_list("CSP_MEDIA_ORIGINS"), *MEDIA_PUBLIC_ORIGINS]
CSP_PUBLIC = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", *CSP_MEDIA_ORIGINS],
    "media-src": ["'self'", *CSP_MEDIA_ORIGINS],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": EMBED_FRAME_SOURCES,
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Wagtail's admin uses inline styles and scripts; its page previews are framed by the admin.
CSP_ADMIN = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *CSP_MEDIA_ORIGINS],
    "media-src": ["'self'", *CSP_MEDIA_ORIGINS],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'", *EMBED_FRAME_SOURCES],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
CSP_ADMIN_PATH_PREFIXES = ("/admin/",)
# Where browsers report violations (empty: nowhere); report-only to try a policy change.
CSP_REPORT_URI = os.environ.get("CSP_REPORT_URI", "")
CSP_REPORT_ONLY = env_bool("CSP_REPORT_ONLY", False)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
# No request from the admin to the internet: no avatars from Gravatar, no update check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Admin hardening (README.md, "Admin security"). Counts live in the cache.
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "portal/login.html"
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "editorial.account_forms.PortalPasswordResetForm"
# Superusers cannot sign in to the admin without a TOTP device (manage.py enrol_totp).
OTP_REQUIRED_FOR_SUPERUSERS = env_bool("OTP_REQUIRED_FOR_SUPERUSERS", False)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Cổng thông tin điện tử")
LOGIN_THROTTLE_ENABLED = env_bool("LOGIN_THROTTLE_ENABLED", True)
LOGIN_THROTTLE_USER_FAILURES = int(os.environ.get("LOGIN_THROTTLE_USER_FAILURES", "5"))
LOGIN_THROTTLE_ADDRESS_FAILURES = int(os.environ.get("LOGIN_THROTTLE_ADDRESS_FAILURES", "20"))
LOGIN_THROTTLE_WINDOW = int(os.environ.get("LOGIN_THROTTLE_WINDOW", "900"))
LOGIN_THROTTLE_LOCKOUT = int(os.environ.get("LOGIN_THROTTLE_LOCKOUT", "900"))
# Each new pause of the same subject lasts twice the previous one, up to this.
LOGIN_THROTTLE_MAX_LOCKOUT = int(os.environ.get("LOGIN_THROTTLE_MAX_LOCKOUT", "86400"))
# A session ends after SESSION_COOKIE_AGE seconds without a request: saving it on every
# request slides the expiry. Anonymous readers have no session, so pages stay cookie-free.
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_SAVE_EVERY_REQUEST = env_bool("DJANGO_SESSION_SAVE_EVERY_REQUEST", True)
RATE_LIMIT_ENABLED = env_bool("RATE_LIMIT_ENABLED", True)
RATE_LIMIT_REQUESTS = int(os.environ.get("RATE_LIMIT_REQUESTS", "300"))
RATE_LIMIT_WINDOW = int(os.environ.get("RATE_LIMIT_WINDOW", "60"))
