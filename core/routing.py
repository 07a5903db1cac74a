"""Routing a URL below a page with one query for the pages along it, instead of two per level.

Wagtail's `Page.route` walks the path a level at a time: the child with the next slug (one
query), then its specific page (another), whose `route` takes the rest. An article two levels
below the home page costs four queries before its view runs. The pages along a path are
known from their `url_path` (their ancestors' slugs, kept up to date by Wagtail on every
move and slug change), so `DirectRoutingMixin` reads them in one query and walks them here,
making the same decisions as the pages' own `route` methods:

- a routable page (`RoutablePageMixin`) whose sub-routes match the rest of the path serves
  it, before its children, as Wagtail's mixin does (only while it is live);
- a page whose class routes in its own way (another `route` or `resolve_subpage`) is
  handed the rest of the path, and routes it as Wagtail does from there;
- the last page's own `route` decides whether it is served (live, or a routable index);
- a path naming no page, or a page whose `url_path` is out of step with the tree, is left to
  Wagtail's walk, which answers from the tree itself.

Only the last page's specific object is read (one more query); the pages on the way stay
generic. The page served keeps its locale and its ancestors below the root as read here
(`routed_ancestors`, for `{% breadcrumb_ancestors %}` and for checking its view restrictions
without a query, `core.visibility.RoutedRestrictionsMixin`). The mixin goes on the page at
the root of each locale's tree (`HomePage`).
"""

from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

# Deeper paths (no page of the portal is) are left to Wagtail's walk, which stops at the first
# missing slug, instead of a query naming every prefix.
MAX_DEPTH = 12


def routes_like_page(kind):
    """Whether pages of `kind` route a child path as `Page.route` does."""
    return kind is None or kind.route is Page.route


def hands_off(page, kind, remaining):
    """Whether the rest of a path is the page's to route: its class routes in its own way,
    or it is a live routable page with a sub-route for it (as `RoutablePageMixin.route`
    decides, before its children)."""
    if kind.route is not RoutablePageMixin.route or (
        kind.resolve_subpage is not RoutablePageMixin.resolve_subpage
    ):
        return True
    if not page.live:
        return False
    try:
        kind.get_resolver().resolve("/" + "/".join(remaining) + "/")
    except Resolver404:
        return False
    return True


class DirectRoutingMixin:
    """`route` with one query for the pages along the path (see the module's docstring).
    For a page that routes its children as `Page` does (not a routable page itself)."""

    def route(self, request, path_components):
        if not path_components and self.depth == 2:
            # Served itself: its only ancestor is the tree's root, which is never an alias.
            self.routed_ancestors = []
        if not path_components or len(path_components) > MAX_DEPTH:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "".join(f"{slug}/" for slug in path_components[:depth])
            for depth in range(1, len(path_components) + 1)
        ]
        along = {}
        # `slug` is indexed, `url_path` is not: the slugs find the few candidates.
        pages = Page.objects.filter(
            slug__in=set(path_components), url_path__in=prefixes, path__startswith=self.path
        )
        for page in pages.select_related("locale"):
            if page.url_path in along:
                # Two pages with one URL (slugs repeated by an import): Wagtail's own walk
                # decides, as it would without this mixin.
                return super().route(request, path_components)
            along[page.url_path] = page
        parent = self
        for depth, prefix in enumerate(prefixes):
            page = along.get(prefix)
            if (
                page is None
                or page.slug != path_components[depth]
                or page.path[: -Page.steplen] != parent.path
            ):
                # No such page, or a URL path out of step with the tree (written past
                # Wagtail): Wagtail's walk follows the tree and answers.
                return super().route(request, path_components)
            page._cached_parent_obj = parent
            remaining = path_components[depth + 1 :]
            if remaining:
                kind = page.specific_class
                if not routes_like_page(kind) and hands_off(page, kind, remaining):
                    return page.specific.route(request, remaining)
            parent = page
        served = parent.specific
        # What the templates read of the page and its ancestors, already here.
        served.locale = parent.locale
        served.routed_ancestors = [self, *(along[prefix] for prefix in prefixes[:-1])]
        return served.route(request, [])
