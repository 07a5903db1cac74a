"""The API's pagination."""

from django.db import models
from wagtail.api.v2.pagination import WagtailPagination

from core.changes.stream import changes_url, request_namespaces
from core.fragments import cached_count


class CachedCountPagination(WagtailPagination):
    """The API's pagination with its `total_count` cached per version of the content
    (`core.fragments.cached_count`).

    A listing asked with `?updated_since=` also gives `meta.changes_url`: the change log
    (`/api/v2/changes/`) of this endpoint from the same moment, where the consumer finds what
    left the listing since (tombstones), which the listing itself cannot show."""

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        if isinstance(queryset, models.QuerySet):
            count = cached_count(request, queryset)
            queryset = queryset.all()
            queryset.count = lambda: count  # WagtailPagination reads it once, then slices.
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        since = self.request.GET.get("updated_since")
        if since is not None:
            endpoint = request_namespaces(self.request)[-1]
            response.data["meta"]["changes_url"] = changes_url(self.request, endpoint, since)
        return response
