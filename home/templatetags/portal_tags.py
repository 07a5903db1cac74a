"""Site-wide template tags: the date line and clock, banners, announcements, menu, settings.

{% load portal_tags %}
{% portal_settings as portal %}   settings in the active language (portal.portal_name...)
{% portal_home as home %}         the home page of the current language
{% date_line %}                   "Thứ 6, ngày 17 tháng 11 năm 2023" in a <time>
{% clock %}                       the live clock (updated by js/clock.js)
{% header_banner %}               first visible header banner, else the settings' fallback
{% banners "sidebar" %}           visible banners of a placement, in the current locale
{% announcements_box %}           the "Thông báo" box
{% main_menu %}                   the main navigation
{{ value|portal_date }}           a date in the active language ("17/11/2023")

Dates are formatted by `home.dates`, the request's language and its versions found by
`home.languages`; which banners show and where they lead is `snippets.banners`' rule.
"""

import datetime

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.models import Page, Site

from articles.models import AnnouncementIndexPage
from core import fragments, origin
from core.visibility import visible_pages
from home.dates import format_date_line, format_short_date, portal_local, portal_now
from home.languages import active_language, current_locale_id, get_portal_home, language_versions
from home.models import PortalSettings, current_announcements
from snippets.models import Banner

register = template.Library()


@register.simple_tag
def public_url(path):
    """The absolute URL of a path on the public origin (never the name a request used)."""
    return origin.absolute_url(path)


@register.simple_tag(takes_context=True)
def date_line(context):
    """Today's date in the portal's time zone, in the active language, in a <time> element:
    the answer changes at midnight (`fragments.note_change`)."""
    fragments.note_change(context.get("request"), fragments.next_midnight())
    today = portal_now().date()
    return format_html(
        '<time class="date-line" datetime="{}" data-date-line>{}</time>',
        today.isoformat(),
        format_date_line(today),
    )


@register.filter
def portal_date(value):
    """A date or datetime as a local calendar date in the active language."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = portal_local(value)
        value = value.date()
    return format_short_date(value)


@register.filter
def lang_attr(language):
    """` lang="vi"` for text in another language than the page's, else nothing."""
    return format_html(' lang="{}"', language) if language else ""


@register.inclusion_tag("includes/clock.html")
def clock():
    """The current local time, server-rendered; js/clock.js makes it tick."""
    now = portal_now()
    return {
        "hours": f"{now.hour:02d}",
        "minutes": f"{now.minute:02d}",
        "seconds": f"{now.second:02d}",
        "iso_time": now.strftime("%H:%M:%S"),
    }


# Language versions and settings of the current request ---------------------------------


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"versions": language_versions(context)}


@register.inclusion_tag("includes/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    """`<link rel="alternate" hreflang>` for each published translation of the page."""
    versions = [version for version in language_versions(context) if version["is_translation"]]
    default = next((v for v in versions if v["code"] == settings.LANGUAGE_CODE), None)
    return {"versions": versions if len(versions) > 1 else [], "default": default}


@register.simple_tag(takes_context=True)
def portal_home(context):
    return get_portal_home(context.get("request"), current_locale_id(context))


def get_portal_settings(request):
    """This site's PortalSettings (unsaved defaults when no site matches the request)."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return PortalSettings()
    return fragments.cached(request, ("settings", site.pk), lambda: PortalSettings.for_site(site))


def site_id(request):
    site = Site.find_for_request(request) if request is not None else None
    return site.pk if site is not None else 0


@register.simple_tag(takes_context=True)
def portal_settings(context):
    """The settings with their texts in the active language (fallback: Vietnamese)."""
    return get_portal_settings(context.get("request")).for_language(active_language())


# Banners --------------------------------------------------------------------------------


def image_item(image, alt, href, specs):
    """What the banner templates need: the renditions (large, small, and both in WebP), alt
    text and link."""
    renditions = get_renditions_or_not_found(image, specs)
    return {
        "alt": alt,
        "href": href,
        "large": renditions[specs[0]],
        "small": renditions[specs[1]],
        "webp_large": renditions[specs[2]],
        "webp_small": renditions[specs[3]],
    }


# The placements every page shows, read together (`shown_banners`).
CHROME_PLACEMENTS = (Banner.Placement.HEADER, Banner.Placement.SIDEBAR)


def banner_items(banners, placement, request):
    specs = Banner.rendition_specs(placement)
    return [
        image_item(banner.image, banner.alt_text, banner.target_url(request), specs)
        for banner in banners
    ]


def header_fallback(request):
    """The settings' header image as a banner item, or None."""
    image = get_portal_settings(request).header_fallback_image
    if image is None:
        return None
    # The portal name is written next to it: without a description it is decorative.
    specs = Banner.rendition_specs(Banner.Placement.HEADER)
    return image_item(image, image.description or "", "", specs)


def shown_banners(request, locale_id, placements):
    """`{placement: items ready to render}` for the banners a page of the locale shows: one
    fragment for all `placements` (three queries when it is computed), kept until their
    next scheduled start or end. The header has at most one item, the settings' image when
    no banner is shown there."""
    schedule = {}

    def build():
        shown, schedule["change"] = Banner.objects.shown_in(placements, locale_id)
        items = {
            placement: banner_items(banners, placement, request)
            for placement, banners in shown.items()
        }
        if Banner.Placement.HEADER in items:
            header = items[Banner.Placement.HEADER][:1] or [header_fallback(request)]
            items[Banner.Placement.HEADER] = [item for item in header if item]
        return items

    return fragments.cached(
        request,
        ("banners", *placements, locale_id, site_id(request)),
        build,
        until=lambda: schedule.get("change"),
    )


def placements_of(placement):
    """The placements fetched with `placement`: the header and sidebar together."""
    return CHROME_PLACEMENTS if placement in CHROME_PLACEMENTS else (placement,)


@register.inclusion_tag("includes/banners.html", takes_context=True)
def banners(context, placement, items=None):
    """Published, in-schedule banners of `placement` in the current locale.

    `items` lets a view pass banners it already fetched (HomePage passes `home_banners`).
    """
    request = context.get("request")
    if items is None or items == "":
        locale_id = current_locale_id(context)
        shown = shown_banners(request, locale_id, placements_of(placement))[placement]
    else:
        shown = banner_items(items, placement, request)
    return {
        "placement": placement,
        "banners": shown,
        "lazy": placement != Banner.Placement.HEADER,
    }


@register.inclusion_tag("includes/header_banner.html", takes_context=True)
def header_banner(context):
    """The first visible header banner, else the settings' fallback image, else nothing."""
    header = shown_banners(context.get("request"), current_locale_id(context), CHROME_PLACEMENTS)
    return {"item": header[Banner.Placement.HEADER][0] if header[Banner.Placement.HEADER] else None}


# Announcements and menu -------------------------------------------------------------------


@register.inclusion_tag("includes/announcements_box.html", takes_context=True)
def announcements_box(context):
    """The current announcements of the locale, with a link to all of them.

    Uses `current_announcements` from the context when the view already fetched them.
    """
    request = context.get("request")
    locale_id = current_locale_id(context)

    def build():
        index = (
            visible_pages(AnnouncementIndexPage.objects).filter(locale_id=locale_id).first()
            if locale_id
            else None
        )
        return {"items": current_announcements(locale_id), "index": index}

    today = timezone.localdate()
    box = fragments.cached(request, ("announcements", locale_id, today.isoformat()), build)
    items = context.get("current_announcements")
    if items is None:
        items = box["items"]
    return {"request": request, "announcements": items, "index": box["index"]}


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's live, public, in-menu children in the current locale."""
    request = context.get("request")
    page = context.get("page")
    locale_id = current_locale_id(context)
    home = get_portal_home(request, locale_id)
    # No home page in this language: the menu shows the default one's, marked as such.
    items_lang = home.locale.language_code if home and home.locale_id != locale_id else ""
    items = []
    current_path = page.path if isinstance(page, Page) and page.path else None
    if home is not None:
        children = fragments.cached(
            request,
            ("menu", home.pk),
            lambda: list(visible_pages(home.get_children()).in_menu()),
        )
        for child in children:
            if current_path == child.path:
                current = "page"
            elif current_path and current_path.startswith(child.path):
                current = "true"
            else:
                current = ""
            items.append({"page": child, "current": current})
    return {
        "request": request,
        "home": home,
        "home_current": bool(home and current_path == home.path),
        "items": items,
        "items_lang": items_lang,
    }
