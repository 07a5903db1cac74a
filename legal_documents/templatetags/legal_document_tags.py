"""Tags of a legal document's page.

{% load legal_document_tags %}
{% legal_document_json_ld page attachments %}   its schema.org description, as JSON-LD
{% consultation_window page as window %}        a draft's comment window and its state
"""

import json

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core import origin

from ..status import Status

register = template.Library()

# As django.utils.html.json_script: nothing in the data can close the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
LEGAL_FORCE = {
    Status.IN_FORCE: "InForce",
    Status.PARTIALLY_EXPIRED: "PartiallyInForce",
    Status.EXPIRED: "NotInForce",
    Status.NOT_YET_IN_FORCE: "NotInForce",
}


def iso(value):
    return value.isoformat() if value else None


def media_objects(attachments):
    """The attached files as schema.org MediaObjects with absolute addresses."""
    return [
        {
            "@type": "MediaObject",
            "name": attachment.title,
            "contentUrl": origin.absolute_url(attachment.url),
            "encodingFormat": attachment.content_type or None,
            "contentSize": str(attachment.size) if attachment.size is not None else None,
        }
        for attachment in attachments
    ]


def legislation_facts(page, status):
    """What schema.org `Legislation` adds to a creative work."""
    issuer = {"@type": "GovernmentOrganization", "name": page.issuer.name}
    facts = {
        "legislationIdentifier": page.number or None,
        "legislationType": page.document_type.name,
        "legislationDate": iso(page.issue_date),
        "legislationDateVersion": iso(page.issue_date),
        "legislationPassedBy": issuer,
        "legislationLegalForce": (
            f"https://schema.org/{LEGAL_FORCE[status]}" if status in LEGAL_FORCE else None
        ),
    }
    if page.effective_date:
        facts["legislationDateOfApplicability"] = iso(page.effective_date)
    if page.expiry_date:
        facts["expires"] = iso(page.expiry_date)
    return facts


def document_description(page, attachments, url):
    status = page.status
    is_legislation = page.document_type.is_legislation and status != Status.DRAFT
    data = {
        "@context": "https://schema.org",
        "@type": "Legislation" if is_legislation else "DigitalDocument",
        "@id": f"{url}#document",
        "name": page.title,
        "headline": page.title,
        "description": " ".join(page.abstract.split()),
        "url": url,
        "inLanguage": page.locale.language_code,
        "identifier": page.number or None,
        "datePublished": iso(page.issue_date),
        "author": {"@type": "GovernmentOrganization", "name": page.issuer.name},
        "creativeWorkStatus": status.label if hasattr(status, "label") else str(status),
    }
    if page.subject_area_id:
        data["about"] = page.subject_area.name
    if page.national_database_url:
        data["sameAs"] = page.national_database_url
    files = media_objects(attachments)
    if is_legislation:
        data.update(legislation_facts(page, status))
        data["encoding"] = files
    elif files:
        data["workExample"] = files
    return {key: clean(value) for key, value in data.items() if value not in (None, "", [])}


def clean(value):
    if isinstance(value, list):
        return [clean(item) for item in value]
    if isinstance(value, dict):
        return {key: clean(item) for key, item in value.items() if item not in (None, "")}
    return str(value) if not isinstance(value, (str, int, float, bool)) else value


@register.simple_tag(takes_context=True)
def legal_document_json_ld(context, page, attachments):
    """`<script type="application/ld+json">`: schema.org `Legislation` for legal normative
    documents, `DigitalDocument` for the others (dispatches, reports, drafts)."""
    url = page.get_full_url(context.get("request"))
    if not url:
        return ""
    data = document_description(page, attachments, url)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),
    )


@register.simple_tag
def consultation_window(page):
    """The draft's comment window: its dates and whether it is upcoming, open or closed."""
    opens, closes = page.comments_open_at, page.comments_close_at
    if not (opens and closes):
        return None
    now = timezone.now()
    state = "upcoming" if now < opens else "open" if now < closes else "closed"
    return {"opens": opens, "closes": closes, "state": state}
