"""The one rule for "may a reader see this page": it is live, and neither it nor any ancestor
has a view restriction (login, password or groups; Wagtail's `PageViewRestriction` applies
to a page's whole subtree). It is Wagtail's `live().public()`, for querysets and for single
pages, with the restricted paths read once and kept with the site-wide fragments (any
restriction saved or deleted, any page moved, makes a new fragment version).

Every reference, box, serializer, feed, sitemap and search path asks here: `visible_pages()`
filters a queryset, `is_visible()` checks a page already loaded (no query once the paths
are cached), `shown()` checks any object (pages by this rule, snippets by `live`),
`visible_translation()` picks the translation a link should name.
"""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from portal import fragments


def restricted_paths(request=None):
    """The tree paths of the pages that carry a view restriction."""
    return fragments.cached(
        request,
        ("restricted-paths",),
        lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def visible_pages(queryset=None, request=None):
    """The live pages of `queryset` (default: every page) outside any restricted subtree."""
    queryset = (Page.objects.all() if queryset is None else queryset).live()
    private = Q()
    for path in restricted_paths(request):
        private |= Q(path__startswith=path)
    return queryset.exclude(private) if private else queryset


def is_visible(page, request=None):
    """Whether a reader may see `page` (None: no)."""
    if page is None or not page.live:
        return False
    return not any(page.path.startswith(path) for path in restricted_paths(request))


def is_restricted(page, request=None):
    """Whether `page` or an ancestor has a view restriction (whatever the request passed)."""
    return any(page.path.startswith(path) for path in restricted_paths(request))


def shown(obj, request=None):
    """Whether a reference to `obj` may show it: pages by `is_visible`, others by `live`."""
    if isinstance(obj, Page):
        return is_visible(obj, request)
    return obj is not None and getattr(obj, "live", True)


def visible_translation(page, request=None):
    """The page's translation in the active language if readers may see it, else the page
    itself if they may, else None."""
    if page is None:
        return None
    translation = page.localized
    if translation is not page and is_visible(translation, request):
        return translation
    return page if is_visible(page, request) else None
