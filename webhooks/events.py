"""What a subscriber can ask for, mapped onto the change log's `event` and `reason`, and the
body sent for a change: identifiers and, for an upsert, the public API detail URL; never the
content itself (a private or withdrawn object's content must not leave the site)."""

from django.apps import apps
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import get_snippet_models

from core.origin import absolute_url

TEST_EVENT = "webhook.test"


class Category(models.TextChoices):
    UPSERT = "upsert", _("Published or updated")
    UNPUBLISH = "unpublish", _("Unpublished (or moved out, translation removed)")
    DELETE = "delete", _("Deleted")
    PRIVACY = "privacy", _("Privacy changed (made private or public)")
    SNIPPET = "snippet", _("Reference data (snippet) changed")


REASON_CATEGORIES = {
    "published": Category.UPSERT,
    "updated": Category.UPSERT,
    "unpublished": Category.UNPUBLISH,
    "moved_out": Category.UNPUBLISH,
    "translation_removed": Category.UNPUBLISH,
    "deleted": Category.DELETE,
    "made_private": Category.PRIVACY,
    "made_public": Category.PRIVACY,
}


def is_snippet(object_type):
    try:
        model = apps.get_model(object_type)
    except (LookupError, ValueError):
        return False
    return model in get_snippet_models()


def category(change):
    """The subscription category of a change: any change of a snippet is a snippet change."""
    if is_snippet(change.object_type):
        return Category.SNIPPET
    return REASON_CATEGORIES.get(change.reason)


def detail_url(change):
    if change.event != "upsert":
        return None
    try:
        path = reverse(f"wagtailapi:{change.endpoint}:detail", args=[change.object_id])
    except NoReverseMatch:
        return None
    return absolute_url(path)


def event_type(change):
    return f"content.{change.event}"


def payload(change):
    return {
        "type": event_type(change),
        "timestamp": change.occurred_at.isoformat(),
        "data": {
            "endpoint": change.endpoint,
            "type": change.object_type,
            "id": change.object_id,
            "locale": change.locale,
            "event": change.event,
            "reason": change.reason,
            "detail_url": detail_url(change),
        },
    }


def test_payload(now):
    return {"type": TEST_EVENT, "timestamp": now.isoformat(), "data": {}}
