"""What a view restriction guards is never cached: the page (and its password form or login
redirect) and the documents of private collections (`portal.middleware.never_cache`).

Registered before Wagtail's own checks (`order=-1`), which answer with the form or the
redirect and stop there."""

from wagtail import hooks

from home.visibility import is_restricted
from portal.middleware import never_cache


@hooks.register("before_serve_page", order=-1)
def never_cache_restricted_pages(page, request, serve_args, serve_kwargs):
    if is_restricted(page, request):
        never_cache(request)


@hooks.register("before_serve_document", order=-1)
def never_cache_private_documents(document, request):
    if document.collection.get_view_restrictions().exists():
        never_cache(request)
