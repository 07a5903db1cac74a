"""What every page shows about the agency: the header's names and logo, the sidebar's links to
portals, the contacts, the JSON-LD organisation and the EMC monitoring script.

{% load chrome_tags %}
{% portal_brand portal %}          logo, governing body, agency and portal name (header)
{% portal_links %}                 the sidebar's links to portals, by group
{% contact_details portal %}       address, phones, e-mail, working hours, map (<dl>)
{% organisation_json_ld portal %}  GovernmentOrganization with its ContactPoints (and, given
                                   the organisation page, its units and leaders)
{% emc_script portal %}            the EMC script, its origin allowed by the page's CSP
{% footer_links %}                 contact page, accessibility statement, HTML sitemap
"""

from django import template
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.models import Page

from articles.templatetags.seo_tags import json_ld
from core import fragments, origin
from core.security import allow_sources
from core.visibility import visible_pages
from home.languages import current_locale_id
from home.links import LOGO_SPECS, PublicServiceLink
from home.pages import ContactPage, SitemapPage
from home.templatetags.portal_tags import get_portal_settings, site_id
from organisation.json_ld import structure_data

register = template.Library()


def logo_item(image):
    """The logo's renditions: PNG (transparency) for the <img>, WebP for the <source>."""
    renditions = get_renditions_or_not_found(image, LOGO_SPECS)
    webp = [renditions[spec] for spec in LOGO_SPECS if spec.startswith("format-webp")]
    png = [renditions[spec] for spec in LOGO_SPECS if spec.startswith("format-png")]
    return {"small": png[0], "large": png[1], "webp_small": webp[0], "webp_large": webp[1]}


@register.inclusion_tag("includes/portal_brand.html", takes_context=True)
def portal_brand(context, portal):
    request = context.get("request")

    def build():
        image = get_portal_settings(request).logo
        return logo_item(image) if image is not None else ""

    logo = fragments.cached(request, ("logo", site_id(request)), build)
    return {
        "portal": portal,
        "logo": logo or None,
        "page": context.get("page"),
        "home": context.get("portal_home_page"),
    }


@register.inclusion_tag("includes/portal_links.html", takes_context=True)
def portal_links(context):
    """The published links of the current locale, grouped, logos ready (cached fragment)."""
    request = context.get("request")
    locale_id = current_locale_id(context)

    def build():
        groups = {}
        for link in PublicServiceLink.objects.shown(locale_id):
            item = {
                "name": link.name,
                "url": link.url,
                "logo": logo_item(link.logo) if link.logo else None,
            }
            groups.setdefault(link.group, []).append(item)
        labels = dict(PublicServiceLink.Group.choices)
        return [{"group": group, "links": links} for group, links in groups.items()], labels

    groups, labels = fragments.cached(request, ("portal_links", locale_id), build)
    return {
        "groups": [
            {"label": str(labels[group["group"]]), "links": group["links"]} for group in groups
        ]
    }


@register.inclusion_tag("includes/contact_details.html")
def contact_details(portal, heading_level=2):
    return {"portal": portal, "heading_level": heading_level}


def organisation_data(portal):
    """schema.org GovernmentOrganization of the settings, with one ContactPoint a phone."""
    name = portal.header_agency_name or portal.portal_name
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": name,
        "url": origin.absolute_url("/"),
    }
    if portal.governing_body:
        data["parentOrganization"] = {
            "@type": "GovernmentOrganization",
            "name": portal.governing_body,
        }
    if portal.footer_address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": " ".join(portal.footer_address.split()),
            "addressCountry": "VN",
        }
    if portal.email:
        data["email"] = portal.email
    if portal.phone:
        data["telephone"] = portal.phone
    if portal.latitude is not None and portal.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(portal.latitude),
            "longitude": float(portal.longitude),
        }
    points = [
        {"@type": "ContactPoint", "contactType": phone["label"], "telephone": phone["number"]}
        for phone in portal.phones
    ]
    if portal.email:
        points.append(
            {"@type": "ContactPoint", "contactType": gettext("E-mail"), "email": portal.email}
        )
    if points:
        data["contactPoint"] = points
    return data


@register.simple_tag(takes_context=True)
def organisation_json_ld(context, portal, organisation_page=None):
    """The settings' GovernmentOrganization; on the organisation page, with its units and
    leaders (organisation.json_ld), so that the agency's contacts have one source."""
    data = organisation_data(portal)
    if organisation_page is not None:
        data.update(structure_data(organisation_page, context.get("request")))
    return json_ld(data)


@register.inclusion_tag("includes/emc_script.html", takes_context=True)
def emc_script(context, portal):
    """The EMC script when set; its origin joins this answer's script-src and connect-src
    (core.security: the policy is widened only for pages that carry it)."""
    request = context.get("request")
    source = portal.emc_origin
    if source and request is not None:
        allow_sources(request, "script-src", source)
        allow_sources(request, "connect-src", source)
    return {"src": portal.emc_script_url if source else ""}


def footer_content_types():
    """The content types of contact pages and sitemaps, their subclasses included."""
    kinds = [model for model in apps.get_models() if issubclass(model, (ContactPage, SitemapPage))]
    return ContentType.objects.get_for_models(*kinds, for_concrete_models=False).values()


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    """The contact page, the content pages marked for the footer (the accessibility
    statement) and the HTML sitemap of the current locale (cached fragment)."""
    request = context.get("request")
    locale_id = current_locale_id(context)

    def build():
        # One query for the three kinds; the first contact page and sitemap in tree order. A
        # union: the two conditions ORed made PostgreSQL read every page of the site.
        pages = visible_pages(Page.objects, request).filter(locale_id=locale_id).order_by()
        pages = (
            pages.filter(content_type__in=footer_content_types())
            .union(pages.filter(contentpage__show_in_footer=True))
            .order_by("path")
        )
        contact = sitemap = None
        content = []
        for page in pages:
            kind = page.specific_class
            if kind is not None and issubclass(kind, ContactPage):
                contact = contact or page
            elif kind is not None and issubclass(kind, SitemapPage):
                sitemap = sitemap or page
            else:
                content.append(page)
        return [page for page in (contact, *content, sitemap) if page]

    pages = fragments.cached(request, ("footer_links", locale_id), build) if locale_id else []
    return {"pages": pages, "request": request}
