"""Discovery tags for the page head: feed links, OpenGraph and schema.org JSON-LD.

{% load seo_tags %}
{% feed_links %}                        <link rel="alternate"> to the RSS and Atom feeds of the
                                        section shown (or, on a home page, of its news section)
{% article_seo page portal.portal_name %}  OpenGraph tags and JSON-LD of an article page
{% canonical_link %}                    <link rel="canonical"> to the page (or sub-page) shown
{% meta_description %}                  <meta name="description">: see `page_description`
"""

import json
from html import unescape
from urllib.parse import urljoin

from django import template
from django.utils import timezone
from django.utils.html import format_html, strip_tags
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from articles.models import ArticleIndexPage, NewsArticlePage
from core import renditions

register = template.Library()

OG_LOCALES = {"vi": "vi_VN", "en": "en_US"}
# The hero's large JPEG rendition: the article template generates it already.
SHARE_RENDITION = renditions.ARTICLE_JPEG_LARGE
# As django.utils.html.json_script: nothing in the data can close the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data):
    """`data` as JSON safe to place inside <script type="application/ld+json">."""
    return mark_safe(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(JSON_SCRIPT_ESCAPES)
    )


def iso(value):
    if value is None:
        return None
    return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()


DESCRIPTION_LENGTH = 300


def page_description(page):
    """What a page is about, for search engines and link previews: the search description
    its editors wrote, else its lead (articles), summary (announcements) or introduction."""
    texts = [getattr(page, name, "") or "" for name in ("search_description", "lead", "summary")]
    texts.append(unescape(strip_tags(getattr(page, "intro", "") or "")))  # rich text
    for text in texts:
        text = " ".join(text.split())
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return ""


# Routable sub-pages (an agency's profile under the bloc index) ------------------------------


def shown_route(request, page):
    """The sub-page of routable `page` being served (a resolver match), None for the page."""
    match = getattr(request, "routable_resolver_match", None)
    if match is None or not isinstance(page, RoutablePageMixin):
        return None
    served_by = getattr(match.func, "__self__", None)
    if match.url_name == "index_route" or getattr(served_by, "pk", None) != page.pk:
        return None
    return match


def route_path(page, match):
    """The path of the sub-page `match` below `page`'s URL, such as "agencies/so-gddt/"."""
    return page.reverse_subpage(match.url_name, args=match.args, kwargs=match.kwargs)


def translated_route_path(page, translation, match):
    """The path of the sub-page shown below `translation` (a translation of `page`), or None
    when what the sub-page shows has no translation there.

    A page whose routes name translatable objects (an agency's slug) says how they translate
    with `translated_subpage_path(translation, url_name, args, kwargs)`.
    """
    translate = getattr(page, "translated_subpage_path", None)
    if translate is None:
        return route_path(page, match)
    return translate(translation, match.url_name, match.args, match.kwargs)


@register.simple_tag(takes_context=True)
def canonical_link(context):
    """`<link rel="canonical">`: the page's absolute URL (as og:url and hreflang give it), with
    the sub-page shown and the query parameters that change what a listing shows."""
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page) or request is None:
        return ""
    url = page.get_full_url(request)
    if not url:
        return ""
    match = shown_route(request, page)
    if match is not None:
        url += route_path(page, match)
    else:
        kept = {
            name: request.GET[name]
            for name in getattr(page, "canonical_query_parameters", ())
            if request.GET.get(name) and not (name == "page" and request.GET[name] == "1")
        }
        if kept:
            url += "?" + urlencode(kept)
    return format_html('<link rel="canonical" href="{}">', url)


@register.simple_tag(takes_context=True)
def meta_description(context):
    """`<meta name="description">`: `meta_description` from the context (a view's own), else
    the page's description (not on a sub-page: the page's would not describe it)."""
    description = context.get("meta_description")
    page = context.get("page")
    request = context.get("request")
    if description is None and isinstance(page, Page) and shown_route(request, page) is None:
        description = page_description(page)
    if not description:
        return ""
    return format_html('<meta name="description" content="{}">', description)


def feed_index(context):
    """The article section whose feeds the page shown advertises, or None."""
    page = context.get("page")
    if isinstance(page, ArticleIndexPage):
        return page
    if isinstance(page, NewsArticlePage):
        return page.get_parent()
    news_index = getattr(page, "news_index", None)  # a home page: its main news section
    if callable(news_index):
        # HomePage.get_context already looked it up (a plain Page, or None).
        return context["news_index"] if "news_index" in context else news_index()
    return None


@register.inclusion_tag("articles/includes/feed_links.html", takes_context=True)
def feed_links(context):
    index = feed_index(context)
    url = index.get_url(context.get("request")) if index is not None else None
    if not url:
        return {"feeds": []}
    return {
        "feeds": [
            {
                "type": f"application/{kind}+xml",
                "title": f"{index.title} ({name})",
                "href": url + route,
            }
            for kind, name, route in (("rss", "RSS", "rss/"), ("atom", "Atom", "atom/"))
        ]
    }


def share_image(page, page_url):
    image = page.picture
    if image is None:
        return None
    rendition = image.get_rendition(SHARE_RENDITION)
    return {
        "url": urljoin(page_url, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text,
    }


def event_location(page):
    """An event report's schema.org Place, from its venue and its address; None without."""
    venue = getattr(page, "venue", "")
    address = getattr(page, "venue_address", "")
    if not (venue or address):
        return None
    return {
        "@type": "Place",
        "name": venue or address,
        "address": {"@type": "PostalAddress", "streetAddress": address or venue},
    }


def schema_event(page, url, description, image):
    """An event report's schema.org Event; None for a news article, or for an event without
    a place (search engines require one: the page is then only a news article)."""
    location = event_location(page)
    if getattr(page, "event_start", None) is None or location is None:
        return None
    event = {
        "@type": "Event",
        "@id": f"{url}#event",
        "name": page.title,
        "description": description,
        "url": url,
        "startDate": iso(page.event_start),
        "location": location,
        "inLanguage": page.locale.language_code,
    }
    if page.event_end:
        event["endDate"] = iso(page.event_end)
    if image:
        event["image"] = image["url"]
    return event


@register.inclusion_tag("articles/includes/article_seo.html", takes_context=True)
def article_seo(context, page, publisher=""):
    """OpenGraph tags and a schema.org NewsArticle (and Event, for an event report)."""
    request = context.get("request")
    url = page.get_full_url(request)
    language = page.locale.language_code
    image = share_image(page, url)
    published = page.display_date
    modified = page.last_published_at or published
    tags = [tag.name for tag in page.tag_list]
    description = page_description(page)

    article = {
        "@type": "NewsArticle",
        "@id": f"{url}#article",
        "headline": page.title,
        "description": description,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "inLanguage": language,
        "datePublished": iso(published),
        "dateModified": iso(modified),
    }
    organization = {"@type": "Organization", "name": publisher} if publisher else None
    if page.author:
        article["author"] = {"@type": "Person", "name": page.author}
    elif organization:
        article["author"] = organization
    if organization:
        article["publisher"] = organization
    if image:
        article["image"] = {
            "@type": "ImageObject",
            **{name: image[name] for name in ("url", "width", "height")},
        }
    if tags:
        article["keywords"] = tags
    graph = [article]
    event = schema_event(page, url, description, image)
    if event is not None:
        article["about"] = {"@id": event["@id"]}
        graph.append(event)

    return {
        "og": {
            "title": page.seo_title or page.title,
            "description": description,
            "url": url,
            "site_name": publisher,
            "locale": OG_LOCALES.get(language, language),
            "image": image,
            "published_time": iso(published),
            "modified_time": iso(modified),
            "author": page.author,
            "tags": tags,
        },
        "json_ld": json_ld({"@context": "https://schema.org", "@graph": graph}),
    }
