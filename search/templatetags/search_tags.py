from django import template

register = template.Library()


@register.inclusion_tag("search/includes/search_box.html", takes_context=True)
def search_box(context):
    """The header's search form, to the search page of the active language."""
    return {"query": context.get("query", "")}
