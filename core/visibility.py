"""The one rule for "may a reader see this page": it is live, and neither it nor any ancestor
has a view restriction (login, password or groups; Wagtail's `PageViewRestriction` applies
to a page's whole subtree). It is Wagtail's `live().public()`, for querysets and for single
pages, with the restricted paths read once and kept with the site-wide fragments (any
restriction saved or deleted, any page moved, makes a new fragment version).

Every reference, box, serializer, feed, sitemap and search path asks here: `visible_pages()`
filters a queryset, `is_visible()` checks a page already loaded (no query once the paths
are cached), `shown()` checks any object (pages by this rule, snippets by `live`),
`visible_translation()` picks the translation a link should name.

Images and documents follow from it (`published_media()`): the public may see those in
public collections (Wagtail's API checks that) that published content uses, by Wagtail's
reference index: a page readers may see, a live snippet (an agency's logo, a banner, a bloc
year's covenant), the site settings. Media used only by drafts, unpublished or private
pages, or by nothing, are the editors' (README: "Images and documents").
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField, Q
from django.db.models.functions import Cast
from wagtail.models import DraftStateMixin, Page, PageViewRestriction, ReferenceIndex

from core import fragments


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


class RoutedRestrictionsMixin:
    """A served page's view restrictions without Wagtail's two queries (its ancestors'
    aliases, then their restrictions) when nothing can restrict it.

    `core.routing` keeps the ancestors of the page it routes (`routed_ancestors`), and the
    restricted subtrees are read once with the site-wide fragments (`restricted_paths`,
    which every page's boxes and links read anyway): a routed page that is no alias, below
    no alias, and under no restricted path has none. Any other page is Wagtail's to check.
    """

    def get_view_restrictions(self):
        ancestors = getattr(self, "routed_ancestors", None)
        if (
            ancestors is None
            or self.alias_of_id
            or any(ancestor.alias_of_id for ancestor in ancestors)
            or is_restricted(self)
        ):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()


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


def published_sources_q(references):
    """The rows of `references` (ReferenceIndex) whose source is published content."""
    page_type = ContentType.objects.get_for_model(Page)
    condition = Q(
        base_content_type=page_type,
        object_id__in=visible_pages().annotate(key=Cast("pk", CharField())).values("key"),
    )
    source_types = references.exclude(base_content_type=page_type).values_list(
        "base_content_type", flat=True
    )
    for content_type_id in set(source_types):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        if issubclass(model, DraftStateMixin):
            live = model._default_manager.filter(live=True)
            keys = live.annotate(key=Cast("pk", CharField())).values("key")
            condition |= Q(base_content_type_id=content_type_id, object_id__in=keys)
        else:
            condition |= Q(base_content_type_id=content_type_id)
    return condition


def published_media(queryset):
    """The images or documents of `queryset` that published content uses (see above)."""
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(queryset.model)
    )
    used = references.filter(published_sources_q(references))
    return queryset.filter(
        pk__in=used.annotate(media_id=Cast("to_object_id", IntegerField())).values("media_id")
    )


def is_published_media(obj):
    """Whether published content uses this image or document: read from its own few
    references (each download asks; `published_media` would go through every page)."""
    page_type = ContentType.objects.get_for_model(Page).pk
    sources = {}
    for content_type_id, key in ReferenceIndex.get_references_to(obj).values_list(
        "base_content_type_id", "object_id"
    ):
        sources.setdefault(content_type_id, set()).add(key)
    pages = Page.objects.filter(pk__in=[int(key) for key in sources.pop(page_type, ())])
    if any(is_visible(page) for page in pages.only("path", "live")):
        return True
    for content_type_id, keys in sources.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        if not issubclass(model, DraftStateMixin):
            return True
        if model._default_manager.filter(pk__in=keys, live=True).exists():
            return True
    return False


def pages_using(obj):
    """The live pages that use this image or document (readers may still be kept out)."""
    keys = ReferenceIndex.get_references_to(obj).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    return Page.objects.live().filter(
        pk__in=[int(key) for key in keys.values_list("object_id", flat=True)]
    )
