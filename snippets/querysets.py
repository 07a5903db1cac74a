"""The queryset of the reference data: every snippet has a draft/publish cycle."""

from django.db import models


class PublishedQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)
