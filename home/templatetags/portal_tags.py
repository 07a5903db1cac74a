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
"""

import datetime
from zoneinfo import ZoneInfo

from django import template
from django.conf import settings
from django.db.models import Min, Q
from django.urls import translate_url
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language
from wagtail.coreutils import get_content_languages
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.models import Locale, Page, Site

from articles.models import AnnouncementIndexPage
from articles.templatetags.seo_tags import shown_route, translated_route_path
from core import fragments, origin
from core.visibility import is_visible, visible_pages
from home.models import (
    BANNER_RENDITIONS,
    HEADER_FALLBACK_RENDITIONS,
    PortalSettings,
    current_announcements,
    visible_banners,
)
from snippets.models import Banner

register = template.Library()

# The portal's clock and dates always follow Vietnam's time, whatever the server's zone;
# js/clock.js uses the same zone.
PORTAL_TIME_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")

# Dates follow each language's conventions, like Django's per-language format modules:
# Vietnamese numbers its weekdays from Monday = "Thứ 2"; Sunday is "Chủ nhật".
VI_WEEKDAYS = ("Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7", "Chủ nhật")
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def active_language():
    return (get_language() or "vi").split("-")[0].lower()


def portal_now():
    """The current time in Asia/Ho_Chi_Minh."""
    return timezone.now().astimezone(PORTAL_TIME_ZONE)


def format_date_line(day, language=None):
    """ "Thứ 6, ngày 17 tháng 11 năm 2023" or "Friday, 17 November 2023"."""
    language = language or active_language()
    if language == "en":
        return f"{EN_WEEKDAYS[day.weekday()]}, {day.day} {EN_MONTHS[day.month - 1]} {day.year}"
    return f"{VI_WEEKDAYS[day.weekday()]}, ngày {day.day} tháng {day.month} năm {day.year}"


def format_short_date(day, language=None):
    """ "17/11/2023" or "17 November 2023"."""
    language = language or active_language()
    if language == "en":
        return f"{day.day} {EN_MONTHS[day.month - 1]} {day.year}"
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


@register.simple_tag
def public_url(path):
    """The absolute URL of a path on the public origin (never the name a request used)."""
    return origin.absolute_url(path)


@register.simple_tag
def date_line():
    """Today's date in Asia/Ho_Chi_Minh, in the active language, in a <time> element."""
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
            value = value.astimezone(PORTAL_TIME_ZONE)
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


# Locale, home page and settings of the current request -------------------------------


def current_locale_id(context):
    """The locale of the page being shown, else the one of the active language."""
    page = context.get("page")
    if isinstance(page, Page) and page.locale_id:
        return page.locale_id
    request = context.get("request")
    language = active_language()
    cache_attr = f"_portal_locale_id_{language}"
    if request is not None and hasattr(request, cache_attr):
        return getattr(request, cache_attr)
    try:
        locale_id = Locale.get_active().pk
    except Locale.DoesNotExist:
        locale_id = None
    if request is not None:
        setattr(request, cache_attr, locale_id)
    return locale_id


def get_portal_home(request, locale_id):
    """The site's root page in `locale_id` (its translation), else the root page itself."""
    if request is None:
        return None
    cache_attr = f"_portal_home_{locale_id}"
    if hasattr(request, cache_attr):
        return getattr(request, cache_attr)
    site = Site.find_for_request(request)
    home = None
    if site is not None:
        home = site.root_page
        if home.locale_id != locale_id:
            home = (
                visible_pages(Page.objects, request)
                .filter(translation_key=home.translation_key, locale_id=locale_id)
                .first()
                or home
            )
    setattr(request, cache_attr, home)
    return home


def page_translations(request, page):
    """{language code: (translation, sub-page path)} of the live, public translations of the
    page shown; on a routable sub-page (an agency's profile), of that sub-page: only where
    what it shows is translated too, with the path of its translation."""
    translations = (
        visible_pages(Page.objects)
        .filter(translation_key=page.translation_key)
        .select_related("locale")
    )
    match = shown_route(request, page)
    found = {}
    for translation in translations:
        path = "" if match is None else translated_route_path(page, translation, match)
        if path is not None:
            found[translation.locale.language_code] = (translation, path)
    return found


def view_translations(request):
    """{language code: (None, path)} for a view that is not a Wagtail page (the search page,
    the API reference, the sign-in page): its address in each language where Django's
    language-prefixed URLs have one."""
    if request is None or request.resolver_match is None:
        return {}
    if request.resolver_match.url_name == "wagtail_serve":  # an address no page answered
        return {}
    path = request.get_full_path()
    found = {}
    for code in get_content_languages():
        translated = translate_url(path, code)
        if translated != path or code == active_language():
            found[code] = (None, translated)
    return found if len(found) > 1 else {}


def language_versions(context):
    """One entry per content language: the translation of the page (or sub-page) being shown,
    else that language's home page. Cached on the request: the switcher and the hreflang links
    share it."""
    request = context.get("request")
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    cache_attr = f"_portal_language_versions_{page.pk if page else 0}"
    if request is not None and hasattr(request, cache_attr):
        return getattr(request, cache_attr)
    if page is not None:
        translations = page_translations(request, page)
    else:
        translations = view_translations(request)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    current = page.locale.language_code if page is not None else active_language()
    versions = []
    # Each language in its own name (settings.LANGUAGES), whatever the page's language; the
    # admin names them in its own (WAGTAIL_CONTENT_LANGUAGES).
    native_names = dict(settings.LANGUAGES)
    for code, name in get_content_languages().items():
        target, path = translations.get(code, (None, ""))
        if code in translations and target is None:
            url, full_url = path, origin.absolute_url(path)
        else:
            if target is None and code in locales:
                home = get_portal_home(request, locales[code].pk)
                target = home if home is not None and home.locale_id == locales[code].pk else None
            url = target.get_url(request) if target is not None else None
            if url is None:
                continue
            full_url = target.get_full_url(request)
            url, full_url = url + path, (full_url + path if full_url else None)
        versions.append(
            {
                "code": code,
                "name": native_names.get(code, name),
                "url": url,
                "full_url": full_url,
                "is_current": code == current,
                "is_translation": code in translations,
            }
        )
    if request is not None:
        setattr(request, cache_attr, versions)
    return versions


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


def banner_href(banner, request):
    """Where a banner leads: its page if readers may see it, else its URL, else nowhere."""
    if banner.link_page_id:
        page = banner.link_page
        if not is_visible(page, request):
            return ""
        return page.get_url(request) or ""
    return banner.link_url


def next_banner_change(placement, locale_id):
    """When a live banner of `placement` next starts or ends (None: no change scheduled)."""
    now = timezone.now()
    banners = Banner.objects.live().filter(placement=placement, locale_id=locale_id)
    changes = banners.aggregate(
        start=Min("starts_at", filter=Q(starts_at__gt=now)),
        end=Min("ends_at", filter=Q(ends_at__gt=now)),
    )
    return min((change for change in changes.values() if change), default=None)


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


@register.inclusion_tag("includes/banners.html", takes_context=True)
def banners(context, placement, items=None):
    """Published, in-schedule banners of `placement` in the current locale.

    `items` lets a view pass banners it already fetched (HomePage passes `home_banners`).
    """
    request = context.get("request")
    specs = BANNER_RENDITIONS.get(placement, BANNER_RENDITIONS[Banner.Placement.SIDEBAR])

    def build(items):
        return [
            image_item(banner.image, banner.alt_text, banner_href(banner, request), specs)
            for banner in items
        ]

    if items is None or items == "":
        locale_id = current_locale_id(context)
        key = ("banners", placement, locale_id, site_id(request))
        items = fragments.cached(
            request,
            key,
            lambda: build(visible_banners(placement, locale_id)),
            until=lambda: next_banner_change(placement, locale_id),
        )
    else:
        items = build(items)
    return {
        "placement": placement,
        "banners": items,
        "lazy": placement != Banner.Placement.HEADER,
    }


@register.inclusion_tag("includes/header_banner.html", takes_context=True)
def header_banner(context):
    """The first visible header banner, else the settings' fallback image, else nothing."""
    request = context.get("request")
    locale_id = current_locale_id(context)

    def build():
        banner = visible_banners(Banner.Placement.HEADER, locale_id).first()
        if banner is not None:
            href = banner_href(banner, request)
            specs = BANNER_RENDITIONS[Banner.Placement.HEADER]
            return image_item(banner.image, banner.alt_text, href, specs)
        image = get_portal_settings(request).header_fallback_image
        if image is None:
            return ""
        # The portal name is written next to it: without a description it is decorative.
        return image_item(image, image.description or "", "", HEADER_FALLBACK_RENDITIONS)

    item = fragments.cached(
        request,
        ("header_banner", locale_id, site_id(request)),
        build,
        until=lambda: next_banner_change(Banner.Placement.HEADER, locale_id),
    )
    return {"item": item or None}


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
