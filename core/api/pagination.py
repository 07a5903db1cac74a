"""The API's pagination."""

from django.db import models
from wagtail.api.v2.pagination import WagtailPagination

from core.fragments import cached_count


class CachedCountPagination(WagtailPagination):
    """The API's pagination with its `total_count` cached per version of the content
    (`core.fragments.cached_count`)."""

    def paginate_queryset(self, queryset, request, view=None):
        if isinstance(queryset, models.QuerySet):
            count = cached_count(request, queryset)
            queryset = queryset.all()
            queryset.count = lambda: count  # WagtailPagination reads it once, then slices.
        return super().paginate_queryset(queryset, request, view)
