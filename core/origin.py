"""The public origin: the `scheme://host[:port]` of every absolute URL the portal hands out.

One setting holds it, `WAGTAILADMIN_BASE_URL` (Wagtail's own: its notification e-mails read
it, and the API's `detail_url`, `find` redirects and media URLs read it as
`WAGTAILAPI_BASE_URL`). In development `make run` sets it from `HOST` and `PORT`, the
address actually served; in production it is the public address (`check --deploy` refuses
a loopback one, or a host that `ALLOWED_HOSTS` would refuse).

Wagtail builds a page's full URL (API `html_url`, sitemap, hreflang, OpenGraph, JSON-LD,
feeds) from the default Site's hostname and port, even for non-specific pages and outside
any request: `sync_default_site` keeps them equal to the setting after every `migrate`
(and so every `make run` and deployment), so there is one truth and Site is its copy.
Several Sites, each with its own host name, keep their own addresses.
"""

from ipaddress import ip_address
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.http.request import validate_host

DEFAULT_PORTS = {"http": 80, "https": 443}


def parse(value):
    """`(scheme, hostname, port)` of a public origin; ValueError says what is wrong."""
    parts = urlsplit(value.strip())
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ValueError(f"{value!r} is not an http:// or https:// address")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise ValueError(f"{value!r} must be an origin only (scheme://host[:port]), no path")
    if ":" in parts.hostname:
        raise ValueError(f"{value!r}: use a host name or an IPv4 address, not IPv6")
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    # Wagtail's Site.root_url reads port 443 as https and any other as http.
    if (port == 443) != (parts.scheme == "https"):
        raise ValueError(f"{value!r}: https needs port 443 and http any other port")
    return parts.scheme, parts.hostname, port


def validate():
    """Refuse to start with an origin that no URL could be built on."""
    try:
        parse(settings.WAGTAILADMIN_BASE_URL)
    except ValueError as error:
        raise ImproperlyConfigured(f"WAGTAILADMIN_BASE_URL: {error}") from None


def public_origin():
    """`scheme://host[:port]`, without a trailing slash."""
    scheme, hostname, port = parse(settings.WAGTAILADMIN_BASE_URL)
    if port == DEFAULT_PORTS[scheme]:
        return f"{scheme}://{hostname}"
    return f"{scheme}://{hostname}:{port}"


def absolute_url(path):
    """The absolute URL of a path (starting with /) on the public origin."""
    return public_origin() + path


def site_address():
    """`(hostname, port)` of a Wagtail Site serving the public origin."""
    _scheme, hostname, port = parse(settings.WAGTAILADMIN_BASE_URL)
    return hostname, port


def sync_default_site(using="default", **kwargs):
    """Give the default Site the public origin's host name and port (a post_migrate handler)."""
    from wagtail.models import Site

    hostname, port = site_address()
    updated = (
        Site.objects.using(using)
        .filter(is_default_site=True)
        .exclude(hostname=hostname, port=port)
        .update(hostname=hostname, port=port)
    )
    if updated:
        Site.clear_site_root_paths_cache()


@checks.register(checks.Tags.security, deploy=True)
def check_public_origin(app_configs=None, **kwargs):
    """In production the origin must be reachable by readers and served by Django."""
    _scheme, hostname, _port = parse(settings.WAGTAILADMIN_BASE_URL)
    errors = []
    try:
        loopback = ip_address(hostname).is_loopback
    except ValueError:
        loopback = hostname == "localhost" or hostname.endswith(".localhost")
    if loopback:
        errors.append(
            checks.Error(
                f"WAGTAILADMIN_BASE_URL is {settings.WAGTAILADMIN_BASE_URL}: every absolute "
                "URL (API, sitemap, feeds, e-mails) would point at this machine.",
                hint="Set it to the public address, e.g. https://portal.example.gov.vn",
                id="origin.E001",
            )
        )
    if not validate_host(hostname, settings.ALLOWED_HOSTS):
        errors.append(
            checks.Error(
                f"The host of WAGTAILADMIN_BASE_URL ({hostname}) is not in ALLOWED_HOSTS: "
                "every absolute URL would be answered 400.",
                hint="Add it to DJANGO_ALLOWED_HOSTS.",
                id="origin.E002",
            )
        )
    return errors
