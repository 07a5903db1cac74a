"""Deliveries: the outbox rows a change makes, their signed body, their order and retries, and
the receivers that fail (down, redirecting, hanging, internal addresses)."""

import json
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation
from freezegun import freeze_time

from core.changes.signals import content_changed
from webhooks.delivery import backoff, deliver_subscription, due_subscriptions
from webhooks.models import Delivery, Subscription
from webhooks.sending import sign

from .conftest import change, verify

pytestmark = pytest.mark.django_db


def publish(*changes):
    for each in changes:
        content_changed.send(sender=None, change=each)


def sweep():
    """What `manage.py deliver_webhooks` does once."""
    for pk in due_subscriptions():
        deliver_subscription(pk)


def test_the_signature_matches_the_specifications_test_vector():
    # The example of the Standard Webhooks specification (and of its reference libraries).
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    body = b'{"test": 2432232314}'
    signature = sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body)
    assert signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_a_change_makes_one_delivery_per_matching_enabled_subscription(subscription):
    only_en = Subscription.objects.create(
        name="English", url=subscription.url, categories=["upsert"], locales=["en"]
    )
    only_agencies = Subscription.objects.create(
        name="Agencies", url=subscription.url, categories=["snippet"], endpoints=["agencies"]
    )
    Subscription.objects.create(
        name="Off", url=subscription.url, categories=["upsert"], enabled=False
    )
    publish(change(id=1))
    publish(change(id=2, endpoint="agencies", object_type="snippets.Agency", object_id=3))
    publish(change(id=3, event="delete", reason="made_private"))  # nobody asked for privacy
    assert list(subscription.deliveries.values_list("change_id", flat=True)) == [1]
    assert not only_en.deliveries.exists()
    assert list(only_agencies.deliveries.values_list("change_id", flat=True)) == [2]
    assert Delivery.objects.count() == 2


def test_the_body_has_identifiers_and_the_public_detail_url_only(subscription, receiver):
    publish(change(id=1), change(id=2, event="delete", reason="unpublished", object_id=7))
    deliver_subscription(subscription.pk)
    (headers, body, upsert), (_h, _b, delete) = receiver.accepted
    assert upsert == {
        "type": "content.upsert",
        "timestamp": "2026-12-05T03:00:00+00:00",
        "data": {
            "endpoint": "pages",
            "type": "articles.NewsArticlePage",
            "id": 42,
            "locale": "vi",
            "event": "upsert",
            "reason": "published",
            "detail_url": "http://testserver/api/v2/pages/42/",
        },
    }
    assert delete["type"] == "content.delete"
    assert delete["data"]["detail_url"] is None and delete["data"]["id"] == 7
    assert headers["content-type"] == "application/json"
    assert headers["webhook-id"].startswith("msg_")
    assert abs(int(headers["webhook-timestamp"]) - timezone.now().timestamp()) < 60
    assert verify(subscription.secret, headers, body)
    assert not verify("whsec_" + "A" * 32, headers, body)


def test_a_receiver_down_for_ten_minutes_gets_every_event_once_in_order(subscription, receiver):
    receiver.status = 503
    start = timezone.now()
    with freeze_time(start) as clock:
        publish(*(change(id=n, object_id=n) for n in range(1, 4)))
        deliver_subscription(subscription.pk)
        for _second in range(0, 20 * 60, 15):
            clock.tick(15)
            if timezone.now() - start >= timedelta(minutes=10):
                receiver.status = 200
            if timezone.now() - start == timedelta(minutes=5):
                publish(change(id=4, object_id=4))
            sweep()
    expected = list(subscription.deliveries.order_by("id").values_list("message_id", flat=True))
    assert receiver.ids == expected  # each once, in order
    assert [body["data"]["id"] for _h, _b, body in receiver.accepted] == [1, 2, 3, 4]
    first = subscription.deliveries.order_by("id").first()
    assert first.status == Delivery.Status.SUCCEEDED and first.attempts == 6  # 0 s ... 15 min 30 s
    subscription.refresh_from_db()
    assert subscription.enabled


def test_a_later_event_waits_while_an_earlier_one_fails(subscription, receiver):
    receiver.status = 500
    publish(change(id=1), change(id=2))
    retry_at = deliver_subscription(subscription.pk)
    first, second = subscription.deliveries.order_by("id")
    assert first.attempts == 1 and first.last_status_code == 500
    assert first.next_attempt_at == retry_at
    assert second.attempts == 0 and second.status == Delivery.Status.PENDING
    assert deliver_subscription(subscription.pk) is None  # the retry is not due yet
    assert first.attempts == Delivery.objects.get(pk=first.pk).attempts


def test_one_sender_at_a_time_per_subscription(subscription, receiver):
    publish(change(id=1))
    Subscription.objects.filter(pk=subscription.pk).update(
        locked_until=timezone.now() + timedelta(minutes=1)
    )
    assert deliver_subscription(subscription.pk) is None
    assert receiver.received == [] and subscription.deliveries.get().attempts == 0
    Subscription.objects.filter(pk=subscription.pk).update(
        locked_until=timezone.now() - timedelta(seconds=1)  # a crashed worker's lease
    )
    deliver_subscription(subscription.pk)
    assert len(receiver.accepted) == 1
    subscription.refresh_from_db()
    assert subscription.locked_until is None


def test_a_fault_in_the_outbox_never_fails_the_publish(subscription, monkeypatch, caplog):
    monkeypatch.setattr("webhooks.outbox.payload", lambda change: 1 / 0)
    publish(change(id=1))
    assert not Delivery.objects.exists()
    assert "could not be recorded" in caplog.text


def test_backoff_doubles_from_thirty_seconds_up_to_an_hour():
    assert [backoff(n).total_seconds() for n in (1, 2, 3, 8, 20)] == [30, 60, 120, 3600, 3600]


def test_too_many_failures_disable_the_subscription_and_tell_administrators(
    subscription, receiver, administrator, editor, settings
):
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    receiver.status = 500
    with freeze_time(timezone.now()) as clock:
        publish(change(id=1), change(id=2))
        for _attempt in range(5):
            sweep()
            clock.tick(3600)
    subscription.refresh_from_db()
    first, second = subscription.deliveries.order_by("id")
    assert not subscription.enabled and first.message_id in subscription.disabled_reason
    assert (first.status, first.attempts) == (Delivery.Status.FAILED, 3)
    assert (second.status, second.attempts) == (Delivery.Status.PENDING, 0)  # kept
    assert [message.to for message in mail.outbox] == [[administrator.email]]
    assert subscription.name in mail.outbox[0].subject


def test_the_retry_window_disables_too(subscription, receiver, settings):
    settings.WEBHOOK_RETRY_WINDOW = 600
    receiver.status = 500
    with freeze_time(timezone.now()) as clock:
        publish(change(id=1))
        for _attempt in range(8):
            sweep()
            clock.tick(300)
    first = subscription.deliveries.get()
    assert first.status == Delivery.Status.FAILED and first.attempts < 10


@pytest.mark.parametrize("behaviour", ["redirect", "hang", "error"])
def test_failing_receivers_are_retried(subscription, receiver, behaviour, settings):
    settings.WEBHOOK_READ_TIMEOUT = 0.3
    receiver.redirect = behaviour == "redirect"
    receiver.delay = 1 if behaviour == "hang" else 0
    receiver.status = 500 if behaviour == "error" else 200
    publish(change(id=1))
    assert deliver_subscription(subscription.pk) is not None
    delivery = subscription.deliveries.get()
    assert delivery.status == Delivery.Status.PENDING and delivery.attempts == 1
    assert delivery.next_attempt_at > timezone.now()
    assert not receiver.accepted and ("redirected", "/elsewhere") not in receiver.received
    expected = {"redirect": "redirect", "hang": "Timeout", "error": "HTTP 500"}[behaviour]
    assert expected in delivery.last_error


@pytest.mark.parametrize("url", ["http://127.0.0.1:{port}/hook", "https://localhost:{port}/hook"])
def test_an_internal_address_is_refused_when_sending_too(subscription, receiver, settings, url):
    """A subscription saved while allowed (or a name that resolves elsewhere since)."""
    settings.WEBHOOK_ALLOWED_NETWORKS = []
    port = receiver.server.server_port
    Subscription.objects.filter(pk=subscription.pk).update(url=url.format(port=port))
    publish(change(id=1))
    with translation.override("vi"):  # the worker's language: settings.LANGUAGE_CODE
        deliver_subscription(subscription.pk)
    delivery = subscription.deliveries.get()
    assert delivery.attempts == 1 and "địa chỉ nội bộ" in delivery.last_error
    assert receiver.received == []


def test_a_replay_sends_the_same_webhook_id_again(subscription, receiver):
    publish(change(id=1))
    deliver_subscription(subscription.pk)
    delivery = subscription.deliveries.get()
    from webhooks.outbox import replay

    replay(delivery)
    deliver_subscription(subscription.pk)
    assert receiver.ids == [delivery.message_id, delivery.message_id]
    assert json.loads(receiver.accepted[1][1]) == delivery.payload


def test_the_sweep_command_sends_what_is_due_and_forgets_old_deliveries(subscription, receiver):
    with freeze_time(timezone.now() - timedelta(days=91)):
        publish(change(id=1))
        call_command("deliver_webhooks")
    publish(change(id=2))
    call_command("deliver_webhooks")
    assert len(receiver.accepted) == 2
    assert list(subscription.deliveries.values_list("change_id", flat=True)) == [2]
