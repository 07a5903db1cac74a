"""schema.org JSON-LD of the organisation page: the department as a GovernmentOrganization
with its units (`subOrganization`) and its leaders (`employee`)."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# As django.utils.html.json_script: nothing in the data can close the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def without_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def person_data(person, job_title=""):
    return without_empty(
        {
            "@type": "Person",
            "name": person.name,
            "jobTitle": person.position or job_title,
            "email": person.official_email,
            "telephone": person.phone,
        }
    )


def unit_data(unit, url):
    agency = unit.agency
    return without_empty(
        {
            "@type": "GovernmentOrganization",
            "name": agency.name,
            "url": url,
            "address": agency.address,
            "telephone": agency.phone,
            "email": agency.email,
            "subOrganization": [unit_data(child, None) for child in unit.children],
        }
    )


@register.simple_tag(takes_context=True)
def organisation_json_ld(context, page):
    """`<script type="application/ld+json">` describing the page's agency, or nothing."""
    url = page.get_full_url(context.get("request"))
    tree = page.chart
    if not url or tree is None:
        return ""
    data = {"@context": "https://schema.org", **unit_data(tree, url)}
    data["employee"] = [
        person_data(leader.person, leader.get_role_display()) for leader in page.live_leaders
    ]
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),
    )


@register.simple_tag(takes_context=True)
def organisation_url(context, page, name, slug):
    """The address of a unit's (`name` "unit") or a leader's ("leader") sub-page."""
    base = page.get_url(context.get("request"))
    return base + page.reverse_subpage(name, kwargs={"slug": slug}) if base else ""
