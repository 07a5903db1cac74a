"""Which requests count as a visit, and who the visitor is (never stored as such)."""

import ipaddress
import re

from django.conf import settings
from django.core import signing

# Crawlers, link previewers, monitors, command-line clients and headless browsers.
BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|archiver|preview|scan|monitor|check|fetch|scrape|feed|"
    r"curl|wget|httpie|python|java/|go-http|okhttp|axios|node-fetch|libwww|perl|php|ruby|"
    r"headless|phantomjs|puppeteer|playwright|selenium|lighthouse|pagespeed|gtmetrix|"
    r"facebookexternalhit|whatsapp|zalo|telegram|skype|slack|discord|embedly|"
    r"cocolyze|coccoc_?bot|yandex|baidu|bingpreview|google-inspectiontool",
    re.IGNORECASE,
)
PREFETCH_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ")
PAGE_SIGNER = signing.Signer(salt="visits.page")


def is_bot(user_agent):
    return not user_agent.strip() or bool(BOT_PATTERN.search(user_agent))


def is_prefetch(request):
    return any(
        word in request.META.get(header, "").lower()
        for header in PREFETCH_HEADERS
        for word in ("prefetch", "prerender", "preview")
    )


def should_count(request):
    """A reader's own view: not a bot, not a prefetch, not sent from another site."""
    if request.META.get("HTTP_SEC_FETCH_SITE", "same-origin") not in {
        "same-origin",
        "same-site",
        "none",
    }:
        return False
    return not is_bot(request.META.get("HTTP_USER_AGENT", "")) and not is_prefetch(request)


def client_ip(request):
    """The reader's address: REMOTE_ADDR, or the one the trusted proxies added to
    X-Forwarded-For (`VISITS_TRUSTED_PROXIES` of them stand in front of the portal)."""
    proxies = settings.VISITS_TRUSTED_PROXIES
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_network(ip):
    """What limits count as one client: an IPv4 address, or the /64 network of an IPv6 one
    (one subscriber's usual allocation: counting whole IPv6 addresses, one machine could
    rotate through 2^64 of them and never be limited)."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if address.version == 4:
        return str(address)
    if address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(ipaddress.ip_network(f"{address}/64", strict=False))


def page_token(page_id):
    """The page's id, signed: the beacon counts views of pages the portal rendered only."""
    return PAGE_SIGNER.sign(str(page_id))


def page_from_token(token):
    """The page id in a token; None without one; ValueError when it is not ours."""
    if not token:
        return None
    try:
        return int(PAGE_SIGNER.unsign(token))
    except (signing.BadSignature, ValueError) as error:
        raise ValueError("bad page token") from error
