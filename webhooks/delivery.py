"""Sending a subscription's deliveries, oldest first, one sender at a time.

Order: only the oldest pending delivery of a subscription is ever tried; while it fails, the
later ones wait. A lease on the subscription (`locked_until`, taken by a conditional UPDATE,
so it works on SQLite and PostgreSQL without holding a transaction open during the HTTP
request) keeps two workers from sending the same subscription's deliveries at once.

Retries: exponential backoff (30 s, 1 min, 2 min ... capped at 1 h). After
`WEBHOOK_MAX_ATTEMPTS` failed attempts of one delivery, or once `WEBHOOK_RETRY_WINDOW` seconds
have passed since its first attempt, the delivery is marked failed, the subscription disabled
and the administrators told (e-mail, and the admin's home page panel)."""

import time
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.origin import absolute_url

from .models import Delivery, Subscription
from .sending import post

ADMINISTRATORS = "Quản trị viên"
BACKOFF_FIRST = 30
BACKOFF_CAP = 3600
LEASE = timedelta(minutes=5)


def backoff(attempts):
    """The wait after the `attempts`-th failed attempt."""
    return timedelta(seconds=min(BACKOFF_FIRST * 2 ** (attempts - 1), BACKOFF_CAP))


def _claim(pk):
    now = timezone.now()
    free = Q(locked_until__isnull=True) | Q(locked_until__lt=now)
    return Subscription.objects.filter(free, pk=pk).update(locked_until=now + LEASE) == 1


def deliver_subscription(pk):
    """Send what is due for one subscription, in order. Returns when to try again if this run
    scheduled a retry (the caller enqueues it), else None."""
    while _claim(pk):
        try:
            retry_at = _send_due(pk)
        finally:
            Subscription.objects.filter(pk=pk).update(locked_until=None)
        # A delivery recorded while the lease was held found it taken: look once more.
        if retry_at is not None or _head(pk) is None:
            return retry_at
    return None  # another worker is sending this subscription's deliveries


def _head(pk):
    """The subscription's oldest pending delivery if it is due now, else None (a waiting
    retry was scheduled by the run that failed it)."""
    head = Delivery.objects.filter(
        subscription_id=pk, subscription__enabled=True, status=Delivery.Status.PENDING
    ).order_by("id")
    head = head.select_related("subscription").first()
    if head is None or (head.next_attempt_at and head.next_attempt_at > timezone.now()):
        return None
    return head


def _send_due(pk):
    while (head := _head(pk)) is not None:
        if not attempt(head.subscription, head):
            return head.next_attempt_at
        Subscription.objects.filter(pk=pk).update(locked_until=timezone.now() + LEASE)
    return None


def attempt(subscription, delivery):
    """One attempt; records its outcome. True when the receiver accepted it."""
    now = timezone.now()
    outcome = post(
        subscription.url,
        subscription.secret,
        delivery.message_id,
        int(time.time()),
        delivery.payload,
    )
    delivery.attempts += 1
    delivery.last_attempt_at = now
    delivery.first_attempt_at = delivery.first_attempt_at or now
    delivery.last_status_code = outcome.status_code
    delivery.last_error = outcome.error
    if outcome.ok:
        delivery.status = Delivery.Status.SUCCEEDED
        delivery.next_attempt_at = None
    elif delivery.attempts >= settings.WEBHOOK_MAX_ATTEMPTS or now - delivery.first_attempt_at >= (
        timedelta(seconds=settings.WEBHOOK_RETRY_WINDOW)
    ):
        delivery.status = Delivery.Status.FAILED
        delivery.next_attempt_at = None
    else:
        delivery.next_attempt_at = now + backoff(delivery.attempts)
    delivery.save()
    if delivery.status == Delivery.Status.FAILED:
        disable(subscription, delivery)
    return outcome.ok


def administrators():
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    return users.filter(Q(is_superuser=True) | Q(groups__name=ADMINISTRATORS)).distinct()


def disable(subscription, delivery):
    reason = _("Delivery %(id)s failed %(attempts)d times (last error: %(error)s).") % {
        "id": delivery.message_id,
        "attempts": delivery.attempts,
        "error": delivery.last_error or delivery.last_status_code,
    }
    subscription.enabled = False
    subscription.disabled_reason = reason[:300]
    subscription.save(update_fields=["enabled", "disabled_reason"])
    recipients = list(administrators().values_list("email", flat=True))
    if recipients:
        send_mail(
            _("Webhook “%(name)s” was disabled") % {"name": subscription.name},
            _(
                "The portal stopped sending to %(url)s: %(reason)s\n\nWaiting deliveries are "
                "kept and sent once the subscription is enabled again; changes made meanwhile "
                "are not sent. The delivery log: %(admin_url)s"
            )
            % {
                "url": subscription.url,
                "reason": reason,
                "admin_url": absolute_url(reverse("webhooks:deliveries", args=[subscription.pk])),
            },
            None,
            recipients,
            fail_silently=True,
        )


def due_subscriptions():
    """Subscriptions with a delivery due now (the sweep of `manage.py deliver_webhooks`)."""
    due = Delivery.objects.filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=timezone.now()),
        status=Delivery.Status.PENDING,
        subscription__enabled=True,
    )
    return sorted(set(due.values_list("subscription_id", flat=True)))
