"""Discovery tags for the page head: feed links, OpenGraph and schema.org JSON-LD.

{% load seo_tags %}
{% feed_links %}                        <link rel="alternate"> to the RSS and Atom feeds of the
                                        section shown (or, on a home page, of its news section)
{% article_seo page portal.portal_name %}  OpenGraph tags and JSON-LD of an article page
"""

import json
from urllib.parse import urljoin

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from articles.models import ArticleIndexPage, NewsArticlePage
from editorial import renditions

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
    image = page.hero_image
    if image is None:
        return None
    rendition = image.get_rendition(SHARE_RENDITION)
    return {
        "url": urljoin(page_url, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text,
    }


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

    article = {
        "@type": "NewsArticle",
        "@id": f"{url}#article",
        "headline": page.title,
        "description": page.lead,
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
            "url": image["url"],
            "width": image["width"],
            "height": image["height"],
        }
    if tags:
        article["keywords"] = tags
    graph = [article]

    event_start = getattr(page, "event_start", None)
    if event_start is not None:
        event = {
            "@type": "Event",
            "@id": f"{url}#event",
            "name": page.title,
            "description": page.lead,
            "url": url,
            "startDate": iso(event_start),
            "inLanguage": language,
        }
        if page.event_end:
            event["endDate"] = iso(page.event_end)
        if page.venue:
            event["location"] = {"@type": "Place", "name": page.venue, "address": page.venue}
        if image:
            event["image"] = image["url"]
        article["about"] = {"@id": event["@id"]}
        graph.append(event)

    return {
        "og": {
            "title": page.seo_title or page.title,
            "description": page.lead,
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
