"""Which requests count as a visit, and the signed page token the beacon sends back."""

import re

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
