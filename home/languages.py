"""The language of the current request: its locale, its home page, and the versions of the
page shown in the other content languages (the language switcher, the hreflang links)."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page, Site

from articles.templatetags.seo_tags import shown_route, translated_route_path
from core import origin
from core.visibility import visible_pages


def active_language():
    return (get_language() or "vi").split("-")[0].lower()


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
    languages = get_content_languages()
    # The locales are read only for a language the page has no translation in (its home).
    missing = set(languages) - set(translations)
    locales = {}
    if missing:
        locales = {
            locale.language_code: locale
            for locale in Locale.objects.filter(language_code__in=missing)
        }
    current = page.locale.language_code if page is not None else active_language()
    versions = []
    # Each language in its own name (settings.LANGUAGES), whatever the page's language; the
    # admin names them in its own (WAGTAIL_CONTENT_LANGUAGES).
    native_names = dict(settings.LANGUAGES)
    for code, name in languages.items():
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
