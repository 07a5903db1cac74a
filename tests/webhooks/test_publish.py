"""A publish never waits for a receiver: the request inserts rows, the task worker sends.

The change log (core.changes) records the publish and sends `content_changed` on commit."""

import time

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from snippets.models import Agency
from webhooks.models import Delivery

from .conftest import verify

pytestmark = pytest.mark.django_db


def test_a_slow_receiver_does_not_slow_the_publish(
    client, administrator, subscription, receiver, locale_vi,
    django_capture_on_commit_callbacks, settings, monkeypatch,
):  # fmt: skip
    subscription.categories = ["snippet"]
    subscription.save()
    receiver.delay = 5
    client.force_login(administrator)
    data = {
        "name": "Sở Khoa học và Công nghệ",
        "short_name": "Sở KH&CN",
        "abbreviation": "KHCN",
        "kind": Agency.Kind.DEPARTMENT,
        "parent": "",
        "slug": "so-khcn-moi",
        "logo": "",
        "website": "",
        "address": "Số 1 Đinh Tiên Hoàng",
        "phone": "",
        "email": "",
        "action-publish": "action-publish",
    }
    started = time.monotonic()
    # Everything the request and its on-commit callbacks do (the outbox, the task row).
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailsnippets_snippets_agency:add"), data)
    elapsed = time.monotonic() - started
    assert response.status_code == 302, response.context["form"].errors
    print(f"publish with a receiver sleeping 5 s: {elapsed:.2f} s")
    assert elapsed < 2, elapsed
    delivery = Delivery.objects.get()
    assert receiver.received == [] and delivery.status == Delivery.Status.PENDING
    assert DBTaskResult.objects.filter(backend_name="webhooks").count() == 1

    # The worker sends it (and would have waited for the receiver, not the editor).
    settings.WEBHOOK_READ_TIMEOUT = 10
    # The worker drops connections whose autocommit differs from the settings': inside the
    # test's transaction that would close PostgreSQL's connection under the test.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    call_command("db_worker", "--backend=webhooks", "--batch", "--no-startup-delay", verbosity=0)
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SUCCEEDED
    ((headers, body, payload),) = receiver.accepted
    assert verify(subscription.secret, headers, body)
    assert payload["data"]["endpoint"] == "agencies"
    assert payload["data"]["detail_url"].endswith(f"/api/v2/agencies/{payload['data']['id']}/")
