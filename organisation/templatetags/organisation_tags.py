"""The organisation page's links to its units' and leaders' sub-pages."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def organisation_url(context, page, name, slug):
    """The address of a unit's (`name` "unit") or a leader's ("leader") sub-page."""
    base = page.get_url(context.get("request"))
    return base + page.reverse_subpage(name, kwargs={"slug": slug}) if base else ""
