"""{% breadcrumb_ancestors page as ancestors %}: the pages a breadcrumb lists before `page`."""

from django import template

register = template.Library()


@register.simple_tag
def breadcrumb_ancestors(page):
    """The page's ancestors below the tree's root, the home page first: those routing read
    on its way to the page (`core.routing`), else one query."""
    routed = getattr(page, "routed_ancestors", None)
    if routed and routed[0].depth == 2:
        return routed
    return list(page.get_ancestors()[1:])
