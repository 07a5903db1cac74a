"""Subscriptions (who receives which changes) and deliveries (the outbox: one row per event and
subscription, sent in order by webhooks.delivery)."""

import base64
import secrets
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_secret():
    """A Standard Webhooks secret: `whsec_` + base64 of 24 random bytes."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


def new_message_id():
    return f"msg_{uuid.uuid4().hex}"


class Subscription(models.Model):
    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(
        _("receiver URL"),
        max_length=500,
        help_text=_("HTTPS address that receives the signed POST requests."),
    )
    categories = models.JSONField(_("events"), default=list, help_text=_("Which changes are sent."))
    endpoints = models.JSONField(
        _("API endpoints"),
        default=list,
        blank=True,
        help_text=_("Only changes of these kinds of content; none ticked: all."),
    )
    locales = models.JSONField(
        _("languages"),
        default=list,
        blank=True,
        help_text=_(
            "Only changes in these languages; none ticked: all. Images and documents have no "
            "language and are always sent."
        ),
    )
    # Made on the first save: the create form has none to show, the edit form shows it.
    secret = models.CharField(_("signing secret"), max_length=100, blank=True)
    enabled = models.BooleanField(_("enabled"), default=True)
    disabled_reason = models.CharField(_("why it was disabled"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # A worker's lease on the subscription: one sender at a time keeps deliveries in order.
    locked_until = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("webhook subscription")
        verbose_name_plural = _("webhook subscriptions")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.secret = self.secret or new_secret()
        super().save(*args, **kwargs)

    def wants(self, category, endpoint, locale):
        return (
            category in self.categories
            and (not self.endpoints or endpoint in self.endpoints)
            and (not self.locales or not locale or locale in self.locales)
        )


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SUCCEEDED = "succeeded", _("Delivered")
        FAILED = "failed", _("Failed")

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    # The `webhook-id` header: the same on every attempt and replay (the idempotency key).
    message_id = models.CharField(max_length=40, unique=True, default=new_message_id)
    event_type = models.CharField(_("event"), max_length=40)
    payload = models.JSONField()
    change_id = models.BigIntegerField(null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    first_attempt_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    last_status_code = models.PositiveIntegerField(_("last response code"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-id"]
        indexes = [models.Index(fields=["subscription", "status", "id"])]

    def __str__(self):
        return self.message_id
