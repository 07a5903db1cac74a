from django import template
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.coreutils import get_content_languages

register = template.Library()


@register.inclusion_tag("search/includes/search_box.html", takes_context=True)
def search_box(context):
    """The header's search form, to the search page of the active language."""
    return {"query": context.get("query", "")}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def search_language_switcher(context):
    """The language switcher of the search page: the same search in the other language."""
    request = context["request"]
    current = (get_language() or "").split("-")[0]
    path = request.get_full_path()
    versions = [
        {
            "code": code,
            "name": name,
            "url": translate_url(path, code),
            "is_current": code == current,
            "is_translation": True,
        }
        for code, name in get_content_languages().items()
    ]
    return {"versions": versions}
