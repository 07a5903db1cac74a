"""Pruning the change log: rows older than `API_CHANGES_RETENTION_DAYS` are removed and the
horizon remembered, so that a cursor or `since` before it answers 410 (resync)."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from .models import ContentChange, ContentChangePruning


def retention_cutoff(now=None):
    return (now or timezone.now()) - timedelta(days=settings.API_CHANGES_RETENTION_DAYS)


def horizon():
    """(id, cutoff) of the newest pruning: every row up to id, older than cutoff, is gone;
    (0, None) before any pruning."""
    last = ContentChangePruning.objects.order_by("-up_to_id").values_list("up_to_id", "cutoff")
    return last.first() or (0, None)


def prune(now=None):
    """Remove the rows older than the retention period; returns how many went."""
    cutoff = retention_cutoff(now)
    with transaction.atomic():
        up_to = ContentChange.objects.filter(occurred_at__lt=cutoff).aggregate(last=Max("id"))
        if up_to["last"] is None:
            return 0
        removed, _ = ContentChange.objects.filter(id__lte=up_to["last"]).delete()
        ContentChangePruning.objects.create(cutoff=cutoff, up_to_id=up_to["last"])
    return removed
