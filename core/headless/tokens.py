"""Preview tokens: what one token grants, signed with a timestamp (`django.core.signing`)."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing

SALT = "portal.headless-preview"
MAX_TOKEN_LENGTH = 1000
MAX_CONTENT_TYPE_LENGTH = 100


class PreviewRefused(Exception):
    """The preview route's answer to a token it does not honour: `status` and a message."""

    status = 403

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class BadPreviewRequest(PreviewRefused):
    status = 400


class PreviewExpired(PreviewRefused):
    """The token's time is over, or what it named is gone: ask the editor for a new link."""

    status = 410


@dataclass(frozen=True)
class Grant:
    """What a token lets its holder read: one page's draft, as one editor saw it."""

    page_id: int
    content_type: str
    user_id: int
    revision_id: int | None = None
    form_state_id: int | None = None


def content_type_label(model):
    """`articles.newsarticlepage`: the `content_type` a front end passes back."""
    return f"{model._meta.app_label}.{model._meta.model_name}"


def issue(page, user, *, revision_id=None, form_state_id=None):
    payload = {"p": page.pk, "c": content_type_label(type(page)), "u": user.pk}
    if form_state_id is not None:
        payload["f"] = form_state_id
    elif revision_id is not None:
        payload["r"] = revision_id
    return signing.dumps(payload, salt=SALT, compress=True)


def read(token, content_type):
    """The grant of a token for `content_type`, or PreviewRefused saying why not."""
    if not content_type:
        raise BadPreviewRequest(
            "content_type is required (app.model, e.g. articles.newsarticlepage)"
        )
    if not token:
        raise BadPreviewRequest("token is required")
    if len(content_type) > MAX_CONTENT_TYPE_LENGTH:
        raise BadPreviewRequest(f"content_type: at most {MAX_CONTENT_TYPE_LENGTH} characters")
    if len(token) > MAX_TOKEN_LENGTH:
        raise BadPreviewRequest(f"token: at most {MAX_TOKEN_LENGTH} characters")
    try:
        payload = signing.loads(token, salt=SALT, max_age=settings.HEADLESS_PREVIEW_TOKEN_SECONDS)
    except signing.SignatureExpired as error:
        raise PreviewExpired(
            "this preview token has expired: ask the editor for a new link"
        ) from error
    except signing.BadSignature as error:
        raise PreviewRefused("this preview token is not valid") from error
    grant = Grant(
        page_id=payload["p"],
        content_type=payload["c"],
        user_id=payload["u"],
        revision_id=payload.get("r"),
        form_state_id=payload.get("f"),
    )
    if grant.content_type != content_type.strip().lower():
        raise PreviewRefused("this preview token is for another content_type")
    return grant


def front_end_url(page, site):
    """The preview URL of the front end serving `page`'s site and language, or None."""
    urls = settings.HEADLESS_PREVIEW_CLIENT_URLS
    language = page.locale.language_code
    hostname = site.hostname if site is not None else ""
    for key in (f"{hostname}/{language}", hostname, language, "default"):
        url = urls.get(key)
        if url and url.startswith(("https://", "http://")):
            return url.replace("{language}", language)
    return None


def preview_link(base_url, page, token):
    """`base_url` with `content_type` and `token` added to its query string."""
    query = urlencode({"content_type": content_type_label(type(page)), "token": token})
    return f"{base_url}{'&' if '?' in base_url else '?'}{query}"
