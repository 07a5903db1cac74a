"""Purging the cache in front (nginx, a CDN) of exactly what a change makes stale.

Wagtail's own `wagtail.contrib.frontend_cache` handlers purge only the published page's URLs
(its `get_cached_paths()`); this module, connected in `CoreConfig.ready()`, purges everything
that shows the change, in one batch, after the transaction commits (a purge before the
commit would let a reader's request put the old version back into the cache).

The machinery here is generic; the models say what they appear on:

- `get_cached_paths()` (Wagtail's): a page's own paths below its URL (its feeds, the agency
  index); `paginated_listing = True`: its first listing pages (`?page=N`) too;
- `add_appearances(batch)`: what else shows a page, snippet or setting (the bloc page of a
  bloc year, every section page for a banner), added with the batch's methods;
- `purged_by_site_changes = False`: a page type that keeps its cached copies when something
  site-wide changes (articles, announcements, blocs: until their s-maxage);
- `get_cached_urls_of(obj, batch)`, a class method of a page type serving a sub-page per
  object: the URLs that show `obj` (an agency's profile);
- the API router (`portal.api`, which the URLconf imports) registers its endpoints
  (`core.api.routers.register_api`): an object is purged from the listing and details of
  every endpoint serving its model.

What each change purges:

- a page published, unpublished or moved: the page (its old URL too, after a move), its
  ancestors (section listings with their first pages, the home page), its translations,
  the sitemap, the API (its details and listings, its translations' details), the documents
  and images it uses (their files and API), and its appearances;
- a snippet published or unpublished: its API details and listing, its appearances, and
  what shows it, found in Wagtail's reference index: the pages that refer to it (and their
  API details), the snippets that refer to it and the pages those refer to or are referred
  to by (an agency's bloc year and that bloc's page), the sub-pages of the snippets involved
  (the agency profile pages);
- an object connected with `purge_on_save` saved (the portal settings): its appearances;
- a page's privacy changed (a view restriction saved or deleted: login, password or groups,
  inherited by its subtree): what unpublishing purges, for the page and its descendants,
  and everything that refers to them (reference index: a bloc year's reports, a banner);
- a document or image saved (moved to another collection) or a collection's privacy
  changed: the files' URLs (documents are served by Django) and their API details and
  listings.

URLs with a query string (`?page=7`, `?fields=*`) cannot all be named: the sections' first
listing pages (`PURGE_LISTING_PAGES`) are purged, and every URL with a query string is kept
by shared caches for `HTTP_CACHE_S_MAXAGE_QUERY` seconds only (see `core.middleware`).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import PurgeBatch as WagtailPurgeBatch
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    ReferenceIndex,
    Site,
    get_page_models,
)
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    pre_page_move,
    published,
    unpublished,
)

from .api.routers import api_routers
from .internals import api_endpoints

# Pages of a listing purged by number (`?page=2` ... ): the ones readers open.
PURGE_LISTING_PAGES = 5
# Descendants of a moved page purged with it (their URLs changed too).
MAX_MOVED_DESCENDANTS = 500
# Section pages (every page but articles, announcements and blocs) purged by site-wide changes.
MAX_SECTION_PAGES = 500
# Documents and images of a collection purged when its privacy changes.
MAX_COLLECTION_MEDIA = 1000


def api_paths(obj):
    """The listing and details paths of `obj` on every API endpoint serving its model."""
    paths = []
    for router in api_routers():
        namespace = router.url_namespace
        for name, viewset in api_endpoints(router).items():
            if isinstance(obj, viewset.model):
                paths.append(reverse(f"{namespace}:{name}:listing"))
                paths.append(reverse(f"{namespace}:{name}:detail", kwargs={"pk": obj.pk}))
    return paths


class PurgeBatch(WagtailPurgeBatch):
    """A set of absolute URLs to purge, filled with what the models say shows a change."""

    def __init__(self):
        super().__init__()
        self._sites = list(Site.objects.all())

    # Pages ------------------------------------------------------------------------------

    def add_page_urls(self, page, listing_pages=1):
        """The page's cached paths below its URL, and its first listing pages."""
        url = page.get_full_url(self)
        if url is None:
            return
        page = page.specific_deferred
        paths = page.get_cached_paths()
        if getattr(page, "paginated_listing", False):
            paths = [*paths, *(f"?page={number}" for number in range(1, listing_pages + 1))]
        self.add_urls(url + path.lstrip("/") for path in paths)

    def add_page_and_api(self, page):
        """A page showing the change: its URLs and its API details."""
        self.add_page_urls(page)
        self.add_api_object(page)

    def add_changed_page(self, page):
        """Everything a published, unpublished or moved page appears on."""
        page = page.specific_deferred
        self.add_page_urls(page)
        for ancestor in page.get_ancestors().filter(depth__gt=1):
            self.add_page_urls(ancestor, listing_pages=PURGE_LISTING_PAGES)
        for translation in page.get_translations():
            self.add_page_and_api(translation)
        self.add_api_object(page)
        self.add_site_urls(page.get_site())
        self.add_appearances_of(page)
        self.add_media_used_by(page)

    def add_appearances_of(self, obj):
        """What else shows `obj`, as its model says (`add_appearances(batch)`)."""
        add_appearances = getattr(obj, "add_appearances", None)
        if add_appearances is not None:
            add_appearances(self)

    def add_section_pages(self):
        """Every page but those of the types keeping their copies on site-wide changes
        (`purged_by_site_changes = False`): for site-wide changes."""
        kept = [m for m in get_page_models() if not getattr(m, "purged_by_site_changes", True)]
        sections = (
            Page.objects.filter(depth__gt=1)
            .exclude(content_type__in=ContentType.objects.get_for_models(*kept).values())
            .order_by("path")[:MAX_SECTION_PAGES]
        )
        for page in sections:
            self.add_page_urls(page, listing_pages=PURGE_LISTING_PAGES)

    def add_privacy_change(self, page):
        """A page made private or public again: like unpublishing it, for its whole subtree
        (a restriction is inherited), and what refers to any page of it."""
        self.add_changed_page(page)
        subtree = [page, *page.get_descendants()[:MAX_MOVED_DESCENDANTS]]
        for descendant in subtree[1:]:
            self.add_page_and_api(descendant)
        for source in objects_referring_to_pages(subtree):
            if isinstance(source, Page):
                self.add_page_and_api(source)
            else:
                self.add_changed_snippet(source)

    # Sites, feeds, sitemap and API ----------------------------------------------------------

    def site_root_urls(self, site=None):
        sites = [site] if site is not None else self._sites
        return [site.root_url.rstrip("/") for site in sites if site is not None]

    def add_site_urls(self, site=None):
        """The sitemap index and its first section (the others: HTTP_CACHE_S_MAXAGE_QUERY)."""
        for root in self.site_root_urls(site):
            self.add_urls([f"{root}/sitemap.xml", f"{root}/sitemap-pages.xml"])

    def add_api_object(self, obj):
        """The object's API details and its endpoints' listings."""
        paths = api_paths(obj)
        for root in self.site_root_urls():
            self.add_urls(root + path for path in paths)

    # Media -----------------------------------------------------------------------------

    def add_media(self, obj):
        """A document's file (served by Django) and a document's or image's API URLs."""
        self.add_api_object(obj)
        if isinstance(obj, get_document_model()):
            for root in self.site_root_urls():
                self.add_url(root + obj.url)

    def add_media_used_by(self, page):
        """The documents and images the page uses: whether the public may see them follows
        from the page's (`core.visibility.published_media`)."""
        references = ReferenceIndex.get_references_for_object(page)
        for model in (get_document_model(), get_image_model()):
            ids = references.filter(
                to_content_type=ContentType.objects.get_for_model(model)
            ).values_list("to_object_id", flat=True)
            for obj in model.objects.filter(pk__in=[int(pk) for pk in ids]):
                self.add_media(obj)

    def add_collection(self, collection):
        """The documents and images of a collection and of the collections under it."""
        collections = Collection.objects.descendant_of(collection, inclusive=True)
        for model in (get_document_model(), get_image_model()):
            media = model.objects.filter(collection__in=collections).order_by("-pk")
            for obj in media[:MAX_COLLECTION_MEDIA]:
                self.add_media(obj)

    # Snippets --------------------------------------------------------------------------

    def add_changed_snippet(self, obj):
        """A snippet's API URLs, its appearances and what shows it, from the reference index
        (two steps)."""
        self.add_api_object(obj)
        self.add_appearances_of(obj)
        involved = {obj}
        for source in referring_objects(obj):
            if isinstance(source, Page):
                self.add_page_and_api(source)
                continue
            self.add_api_object(source)
            for neighbour in referring_objects(source) + referred_objects(source):
                if isinstance(neighbour, Page):
                    self.add_page_and_api(neighbour)
                else:
                    involved.add(neighbour)
        involved.update(o for o in referred_objects(obj) if not isinstance(o, Page))
        for snippet in involved:
            self.add_object_pages(snippet)
        self.add_site_urls()

    def add_object_pages(self, obj):
        """The sub-pages showing `obj`, named by the page types serving them
        (`get_cached_urls_of`)."""
        for model in get_page_models():
            cached_urls_of = getattr(model, "get_cached_urls_of", None)
            if cached_urls_of is not None:
                self.add_urls(cached_urls_of(obj, self))


def referring_objects(obj):
    """The objects (pages and snippets, specific) that refer to `obj` in the reference index."""
    return [
        source.specific if isinstance(source, Page) else source
        for source, _references in ReferenceIndex.get_grouped_references_to(obj)
        if source is not None
    ]


def referred_objects(obj):
    """The objects `obj` refers to in the reference index."""
    objects = []
    for reference in ReferenceIndex.get_references_for_object(obj).select_related(
        "to_content_type"
    ):
        model = reference.to_content_type.model_class()
        if model is None:
            continue
        target = model._default_manager.filter(pk=reference.to_object_id).first()
        if target is not None:
            objects.append(target.specific if isinstance(target, Page) else target)
    return objects


def objects_referring_to_pages(pages):
    """The objects (pages specific) that refer to any of `pages`, in two queries a model."""
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(Page),
        to_object_id__in=[str(page.pk) for page in pages],
    ).values_list("base_content_type", "object_id")
    by_type = {}
    for content_type_id, object_id in references.distinct():
        by_type.setdefault(content_type_id, set()).add(object_id)
    objects = []
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        found = model._default_manager.filter(pk__in=ids)
        objects += [obj.specific if isinstance(obj, Page) else obj for obj in found]
    return objects


def purge_on_commit(fill):
    """Build a batch with `fill(batch)` and purge it once the transaction commits."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return

    def run():
        batch = PurgeBatch()
        fill(batch)
        batch.purge()

    transaction.on_commit(run)


# Signal handlers ----------------------------------------------------------------------------


def page_changed(sender, instance, **kwargs):
    purge_on_commit(lambda batch: batch.add_changed_page(instance))


def snippet_changed(sender, instance, **kwargs):
    if isinstance(instance, Page):
        return  # pages send page_published / page_unpublished too
    purge_on_commit(lambda batch: batch.add_changed_snippet(instance))


# Page id -> its URLs before a move in progress (post_page_move gets a fresh instance).
_urls_before_move = {}


def page_moving(sender, instance, **kwargs):
    """Before a move: remember the URLs the page and its descendants have now."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    batch = PurgeBatch()
    batch.add_changed_page(instance)
    for descendant in instance.get_descendants()[:MAX_MOVED_DESCENDANTS]:
        batch.add_page_urls(descendant)
    _urls_before_move[instance.pk] = batch.urls


def page_moved(sender, instance, **kwargs):
    urls_before = _urls_before_move.pop(instance.pk, set())

    def fill(batch):
        batch.add_urls(urls_before)
        batch.add_changed_page(instance)
        for descendant in instance.get_descendants()[:MAX_MOVED_DESCENDANTS]:
            batch.add_page_urls(descendant)

    purge_on_commit(fill)


def object_saved(sender, instance, **kwargs):
    purge_on_commit(lambda batch: batch.add_appearances_of(instance))


def restriction_changed(sender, instance, **kwargs):
    """A page's view restriction saved or deleted (the page may be gone with it)."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        purge_on_commit(lambda batch: batch.add_privacy_change(page.specific))


def collection_restriction_changed(sender, instance, **kwargs):
    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is not None:
        purge_on_commit(lambda batch: batch.add_collection(collection))


def media_saved(sender, instance, **kwargs):
    purge_on_commit(lambda batch: batch.add_media(instance))


def purge_on_save(model):
    """Purge what an object of `model` appears on (its `add_appearances`) when it is saved."""
    post_save.connect(
        object_saved, sender=model, dispatch_uid=f"portal_purge_{model._meta.label_lower}"
    )


def connect():
    page_published.connect(page_changed, dispatch_uid="portal_purge_published")
    page_unpublished.connect(page_changed, dispatch_uid="portal_purge_unpublished")
    pre_page_move.connect(page_moving, dispatch_uid="portal_purge_moving")
    post_page_move.connect(page_moved, dispatch_uid="portal_purge_moved")
    published.connect(snippet_changed, dispatch_uid="portal_purge_snippet_published")
    unpublished.connect(snippet_changed, dispatch_uid="portal_purge_snippet_unpublished")
    for signal in (post_save, post_delete):
        name = "saved" if signal is post_save else "deleted"
        signal.connect(
            restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"portal_purge_restriction_{name}",
        )
        signal.connect(
            collection_restriction_changed,
            sender=CollectionViewRestriction,
            dispatch_uid=f"portal_purge_collection_restriction_{name}",
        )
    for model in (get_document_model(), get_image_model()):
        post_save.connect(media_saved, sender=model, dispatch_uid=f"portal_purge_{model.__name__}")
