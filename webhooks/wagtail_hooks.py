"""Webhook subscriptions in the admin (Settings > Webhooks), for administrators only: the
viewset's model permissions are granted to "Quản trị viên" alone (migration 0002), and
superusers have them all; editors and moderators get 403 on every URL."""

from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSet

from .forms import SubscriptionForm
from .models import Subscription
from .views import DeliveryLogView, ReplayView, SendTestView, forbidden


class DeliveriesColumn(Column):
    def get_value(self, instance):
        url = reverse("webhooks:deliveries", args=[instance.pk])
        return format_html('<a href="{}">{}</a>', url, _("Deliveries"))


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    icon = "resubmit"
    url_prefix = "webhooks"
    url_namespace = "webhooks"
    menu_label = _("Webhooks")
    add_to_settings_menu = True
    menu_order = 700
    copy_view_enabled = False
    search_fields = ["name", "url"]
    search_backend_name = None
    list_display = [
        "name",
        "url",
        StatusTagColumn(
            "enabled",
            label=_("enabled"),
            accessor=lambda subscription: _("Enabled") if subscription.enabled else _("Disabled"),
            primary=lambda subscription: subscription.enabled,
        ),
        DeliveriesColumn("deliveries", label=_("Deliveries")),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("url"),
            FieldPanel("categories"),
            FieldPanel("endpoints"),
            FieldPanel("locales"),
            FieldPanel("enabled"),
            FieldPanel("disabled_reason", read_only=True),
            FieldPanel("secret", read_only=True),
            FieldPanel("rotate_secret"),
        ],
        base_form_class=SubscriptionForm,
    )

    def get_urlpatterns(self):
        patterns = [
            *super().get_urlpatterns(),
            path("<int:pk>/deliveries/", DeliveryLogView.as_view(), name="deliveries"),
            path("<int:pk>/test/", SendTestView.as_view(), name="send_test"),
            path("deliveries/<int:pk>/replay/", ReplayView.as_view(), name="replay"),
        ]
        return [path(str(p.pattern), forbidden(p.callback), name=p.name) for p in patterns]


@hooks.register("register_admin_viewset")
def register_subscriptions():
    return SubscriptionViewSet("webhooks")


class DisabledSubscriptionsPanel(Component):
    """On the admin's home page, for administrators: the subscriptions disabled by failures."""

    name = "disabled_webhooks"
    template_name = "webhooks/disabled_panel.html"
    order = 30

    def __init__(self, subscriptions):
        self.subscriptions = subscriptions

    def get_context_data(self, parent_context):
        return {"subscriptions": self.subscriptions}


@hooks.register("construct_homepage_panels")
def add_disabled_subscriptions_panel(request, panels):
    if not request.user.has_perm("webhooks.change_subscription"):
        return
    disabled = list(Subscription.objects.filter(enabled=False).exclude(disabled_reason=""))
    if disabled:
        panels.append(DisabledSubscriptionsPanel(disabled))
