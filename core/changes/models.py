"""The change log's rows and the pruning horizon (models of the `core` app)."""

from django.db import models

UPSERT = "upsert"
DELETE = "delete"
UPSERT_REASONS = ("published", "updated", "made_public")
DELETE_REASONS = ("unpublished", "deleted", "made_private", "moved_out", "translation_removed")


class ContentChange(models.Model):
    """One object entering, changing within or leaving the public set of one API endpoint.

    `id` is the stream's order (see `core.changes.recording` for why it follows commit order).
    An object served by two endpoints (a bloc page: `pages` and `blocs`) has a row for each.
    """

    id = models.BigAutoField(primary_key=True)
    occurred_at = models.DateTimeField()
    endpoint = models.CharField(max_length=50)
    object_type = models.CharField(max_length=100)
    object_id = models.BigIntegerField()
    locale = models.CharField(max_length=20, blank=True)
    event = models.CharField(max_length=10, choices=[(UPSERT, UPSERT), (DELETE, DELETE)])
    reason = models.CharField(
        max_length=30, choices=[(r, r) for r in (*UPSERT_REASONS, *DELETE_REASONS)]
    )

    class Meta:
        app_label = "core"
        indexes = [
            models.Index(fields=["endpoint", "object_id", "id"], name="content_change_object"),
            models.Index(fields=["occurred_at"], name="content_change_occurred"),
        ]

    def __str__(self):
        return f"{self.id} {self.event} {self.endpoint}/{self.object_id} ({self.reason})"


class ContentChangePruning(models.Model):
    """One pruning: every row up to `up_to_id`, all older than `cutoff`, was removed. A cursor
    before the newest horizon answers 410; a gap in the ids (a rolled-back transaction) does
    not, since it is not compared with the horizon."""

    pruned_at = models.DateTimeField(auto_now_add=True)
    cutoff = models.DateTimeField()
    up_to_id = models.BigIntegerField()

    class Meta:
        app_label = "core"

    def __str__(self):
        return f"up to {self.up_to_id} (before {self.cutoff:%Y-%m-%d})"
