"""Privacy: what a view restriction guards is never cached, the page (and its password form
or login redirect) and the documents of private collections (`core.middleware.never_cache`).
Registered before Wagtail's own checks (`order=-1`), which answer with the form or the
redirect and stop there.

A document in a public collection that no published content uses
(`core.visibility.published_media`: a draft's attachment, a private page's) is served only
to editors and to readers who may see a page using it, never cached; to anyone else it does
not exist (404). A private collection's documents are for whoever its restriction lets in.

Also the admin view the preview panel links to for previews on other front ends
(`core.headless`)."""

from django.http import Http404
from django.urls import path
from wagtail import hooks

from core.headless.admin import HeadlessPreviewView
from core.middleware import never_cache
from core.visibility import is_published_media, is_restricted, pages_using


@hooks.register("before_serve_page", order=-1)
def never_cache_restricted_pages(page, request, serve_args, serve_kwargs):
    if is_restricted(page, request):
        never_cache(request)


@hooks.register("before_serve_document", order=-1)
def never_cache_private_documents(document, request):
    if document.collection.get_view_restrictions().exists():
        never_cache(request)


@hooks.register("before_serve_document", order=1)
def serve_unpublished_documents_to_their_readers_only(document, request):
    if is_published_media(document) or document.collection.get_view_restrictions().exists():
        return None  # a private collection's readers passed Wagtail's check (order 0)
    never_cache(request)
    if request.user.has_perm("wagtailadmin.access_admin"):
        return None
    for page in pages_using(document):
        if all(restriction.accept_request(request) for restriction in page.get_view_restrictions()):
            return None
    raise Http404("This document is not published.")


@hooks.register("before_serve_document", order=2)
def missing_files_are_not_found(document, request):
    """A document whose file is gone (lost from the bucket, not yet restored) is a 404: an
    object store raises where a missing local file is already one."""
    if not document.file.storage.exists(document.file.name):
        raise Http404("This document's file is missing.")


@hooks.register("register_admin_urls")
def headless_preview_urls():
    """Previews for other front ends (core/headless): the view the preview panel links to."""
    return [
        path(
            "headless-preview/<int:page_id>/",
            HeadlessPreviewView.as_view(),
            name="headless_preview",
        )
    ]
