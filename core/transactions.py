"""Admin saves in one transaction: a save that fails half-way leaves nothing written.

Wagtail's snippet views save in a transaction, but its page create and publish views write
the page, then its revision, then publish, each on its own. A worker killed between two of
these steps, or an error in a later one, would leave a page without a revision or a
revision never published. This middleware runs every admin request that may write (POST,
PUT, PATCH, DELETE) in one transaction, rolled back when the answer is a server error (the
exception became that answer further down the middleware chain) and, for a killed worker,
never committed. Only the admin: public pages and the visitor beacon keep Django's
autocommit, with no transaction to open for a reader.
"""

from django.db import transaction
from django.urls import reverse

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


class AdminTransactionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        if self.admin_prefix is None:
            self.admin_prefix = reverse("wagtailadmin_home")
        if request.method in SAFE_METHODS or not request.path_info.startswith(self.admin_prefix):
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            if response.status_code >= 500:
                transaction.set_rollback(True)
        return response
