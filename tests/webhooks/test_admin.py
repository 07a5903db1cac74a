"""The webhooks' admin, by HTTP as each role: administrators manage subscriptions, see their
deliveries, replay them and send test events; editors and moderators get 403 everywhere."""

import base64

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.changes.signals import content_changed
from webhooks.models import Delivery, Subscription

from .conftest import change

pytestmark = pytest.mark.django_db


def form_data(**fields):
    return {
        "name": "Cổng thông tin thành phố",
        "url": "https://93.184.215.14/hook",
        "categories": ["upsert", "delete"],
        "endpoints": ["pages"],
        "locales": ["vi"],
        "enabled": "on",
        **fields,
    }


def admin_urls(subscription, delivery):
    return [
        ("get", reverse("webhooks:index")),
        ("get", reverse("webhooks:add")),
        ("post", reverse("webhooks:add")),
        ("get", reverse("webhooks:edit", args=[subscription.pk])),
        ("post", reverse("webhooks:edit", args=[subscription.pk])),
        ("get", reverse("webhooks:delete", args=[subscription.pk])),
        ("post", reverse("webhooks:delete", args=[subscription.pk])),
        ("get", reverse("webhooks:history", args=[subscription.pk])),
        ("get", reverse("webhooks:deliveries", args=[subscription.pk])),
        ("post", reverse("webhooks:send_test", args=[subscription.pk])),
        ("post", reverse("webhooks:replay", args=[delivery.pk])),
    ]


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_editors_and_moderators_get_403_everywhere(client, request, role, subscription):
    content_changed.send(sender=None, change=change())
    delivery = Delivery.objects.get()
    client.force_login(request.getfixturevalue(role))
    for method, url in admin_urls(subscription, delivery):
        response = getattr(client, method)(url, form_data() if method == "post" else None)
        assert response.status_code == 403, (method, url)
    assert "/admin/webhooks/" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert Subscription.objects.get() == subscription and Delivery.objects.count() == 1
    assert Delivery.objects.get().attempts == 0


@pytest.mark.parametrize("role", ["administrator", "superuser"])
def test_administrators_create_a_subscription_and_see_its_secret(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("webhooks:index")).status_code == 200
    assert "/admin/webhooks/" in client.get(reverse("wagtailadmin_home")).content.decode()
    assert "whsec_" not in client.get(reverse("webhooks:add")).content.decode()
    response = client.post(reverse("webhooks:add"), form_data())
    assert response.status_code == 302, response.context["form"].errors
    subscription = Subscription.objects.get()
    assert subscription.categories == ["upsert", "delete"]
    assert (subscription.endpoints, subscription.locales) == (["pages"], ["vi"])
    assert subscription.secret.startswith("whsec_")
    assert len(base64.b64decode(subscription.secret.removeprefix("whsec_"))) == 24
    edit = client.get(reverse("webhooks:edit", args=[subscription.pk]))
    assert subscription.secret in edit.content.decode()


def test_a_secret_is_rotated_on_request(client, administrator, settings):
    subscription = Subscription.objects.create(
        name="A", url="https://93.184.215.14/hook", categories=["upsert"]
    )
    old = subscription.secret
    client.force_login(administrator)
    url = reverse("webhooks:edit", args=[subscription.pk])
    assert client.post(url, form_data()).status_code == 302
    subscription.refresh_from_db()
    assert subscription.secret == old
    assert client.post(url, form_data(rotate_secret="on")).status_code == 302
    subscription.refresh_from_db()
    assert subscription.secret != old and subscription.secret.startswith("whsec_")


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/hook",
        "https://10.0.0.1/hook",
        "https://[::1]/hook",
        "https://localhost/hook",
        "https://169.254.169.254/latest/meta-data/",
        "https://0.0.0.0/",
        "https://224.0.0.1/",
        "https://[::ffff:127.0.0.1]/",
    ],
)
def test_internal_addresses_are_refused_with_a_form_error(client, administrator, url):
    client.force_login(administrator)
    response = client.post(reverse("webhooks:add"), form_data(url=url))
    assert response.status_code == 200
    errors = response.context["form"].errors["url"]
    assert "địa chỉ nội bộ" in errors[0], errors
    assert not Subscription.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "http://93.184.215.14/hook",
        "ftp://93.184.215.14/",
        "https://user:pw@93.184.215.14/",
        "https://no-such-host.invalid/hook",
        "https://93.184.215.14:99999/",
        "javascript:alert(1)",
    ],
)
def test_plain_http_or_credentials_are_refused(client, administrator, url):
    client.force_login(administrator)
    response = client.post(reverse("webhooks:add"), form_data(url=url))
    assert response.status_code == 200 and response.context["form"].errors["url"]


def test_an_allowed_network_may_use_http(client, administrator, settings):
    settings.WEBHOOK_ALLOWED_NETWORKS = ["10.20.0.0/16"]
    client.force_login(administrator)
    response = client.post(reverse("webhooks:add"), form_data(url="http://10.20.1.5:8080/hook"))
    assert response.status_code == 302
    refused = client.post(reverse("webhooks:add"), form_data(url="http://10.30.1.5/hook"))
    assert refused.status_code == 200


def test_the_delivery_log_replay_and_test_event(client, administrator, subscription):
    content_changed.send(sender=None, change=change())
    delivery = Delivery.objects.get()
    Delivery.objects.filter(pk=delivery.pk).update(
        status="failed", attempts=10, last_status_code=503, last_error="HTTP 503"
    )
    client.force_login(administrator)
    log = client.get(reverse("webhooks:deliveries", args=[subscription.pk]))
    html = log.content.decode()
    assert delivery.message_id in html and "HTTP 503" in html and "content.upsert" in html
    response = client.post(reverse("webhooks:replay", args=[delivery.pk]))
    assert response.status_code == 302
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("pending", 0)
    assert client.post(reverse("webhooks:send_test", args=[subscription.pk])).status_code == 302
    assert client.post(reverse("webhooks:replay", args=[999999])).status_code == 404
    assert client.post(reverse("webhooks:send_test", args=[999999])).status_code == 404
    assert client.get(reverse("webhooks:deliveries", args=[999999])).status_code == 404
    assert (
        client.get(reverse("webhooks:deliveries", args=[subscription.pk]) + "?p=x").status_code
        == 200
    )
    assert client.get(reverse("webhooks:replay", args=[delivery.pk])).status_code == 405
    test_event = subscription.deliveries.latest("id")
    assert test_event.event_type == "webhook.test" and test_event.payload["data"] == {}


def test_actions_need_the_csrf_token(administrator, subscription):
    client = Client(enforce_csrf_checks=True)
    client.force_login(administrator)
    content_changed.send(sender=None, change=change())
    delivery = Delivery.objects.get()
    assert client.post(reverse("webhooks:replay", args=[delivery.pk])).status_code == 403
    assert client.post(reverse("webhooks:send_test", args=[subscription.pk])).status_code == 403
    assert Delivery.objects.count() == 1


def test_the_delivery_log_query_count_does_not_grow(client, administrator, subscription):
    client.force_login(administrator)
    url = reverse("webhooks:deliveries", args=[subscription.pk])
    counts = []
    for total in (3, 30):
        while subscription.deliveries.count() < total:
            n = subscription.deliveries.count()
            content_changed.send(sender=None, change=change(id=n, object_id=n))
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.content.decode().count("<code>msg_") == total
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_a_disabled_subscription_is_shown_on_the_admin_home(client, administrator, editor):
    Subscription.objects.create(
        name="Cổng bị tắt",
        url="https://93.184.215.14/",
        categories=["upsert"],
        enabled=False,
        disabled_reason="Lần gửi msg_1 thất bại 10 lần",
    )
    client.force_login(administrator)
    assert "Cổng bị tắt" in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(editor)
    assert "Cổng bị tắt" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_enabling_again_sends_the_waiting_deliveries(
    client, administrator, django_capture_on_commit_callbacks
):
    subscription = Subscription.objects.create(
        name="A", url="https://93.184.215.14/hook", categories=["upsert"]
    )
    content_changed.send(sender=None, change=change())
    Subscription.objects.filter(pk=subscription.pk).update(enabled=False, disabled_reason="lỗi")
    client.force_login(administrator)
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(reverse("webhooks:edit", args=[subscription.pk]), form_data())
    assert response.status_code == 302
    subscription.refresh_from_db()
    assert subscription.enabled and subscription.disabled_reason == ""
    assert len(callbacks) == 1  # the sending task, enqueued once the form has committed
