"""The outbox: on each committed change (core.changes.signals.content_changed), one delivery
row per enabled subscription that wants it. Cheap (two queries and one task row per
subscription), since it runs in the request that published; sending is webhooks.tasks'."""

import logging

from django.utils import timezone

from .events import category, event_type, payload, test_payload
from .models import Delivery, Subscription
from .tasks import schedule

logger = logging.getLogger(__name__)


def record(sender, change, **kwargs):
    """Never fails the publish, which has committed: a fault is logged (the change stays in
    the change log, from which a receiver can catch up)."""
    try:
        _record(change)
    except Exception:
        logger.exception("Webhook deliveries for change %s could not be recorded", change.id)


def _record(change):
    kind = category(change)
    if kind is None:
        return
    subscriptions = [
        subscription
        for subscription in Subscription.objects.filter(enabled=True)
        if subscription.wants(kind, change.endpoint, change.locale)
    ]
    body = payload(change)
    Delivery.objects.bulk_create(
        Delivery(
            subscription=subscription,
            event_type=event_type(change),
            payload=body,
            change_id=change.id,
        )
        for subscription in subscriptions
    )
    for subscription in subscriptions:
        schedule(subscription.pk)


def send_test_event(subscription):
    body = test_payload(timezone.now())
    delivery = Delivery.objects.create(
        subscription=subscription, event_type=body["type"], payload=body
    )
    schedule(subscription.pk)
    return delivery


def replay(delivery):
    """Send a delivery again, with the same `webhook-id` (receivers deduplicate on it)."""
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.PENDING,
        attempts=0,
        first_attempt_at=None,
        next_attempt_at=None,
        last_error="",
    )
    schedule(delivery.subscription_id)
