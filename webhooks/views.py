"""A subscription's delivery log, and its actions (replay a delivery, send a test event): for
whoever may change subscriptions (superusers and "Quản trị viên"), others get 403."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from .models import Delivery, Subscription
from .outbox import replay, send_test_event

PER_PAGE = 50


def forbidden(view):
    """403 for who may not manage webhooks, where Wagtail would redirect to the dashboard with
    a message: a refusal any client (and test) reads without following redirects."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as error:
            return permission_denied(request, error)

    return checked


class AdministratorsOnly(PermissionCheckedMixin):
    model = Subscription
    permission_required = "change"


def log_url(subscription_id):
    return reverse("webhooks:deliveries", args=[subscription_id])


class DeliveryLogView(AdministratorsOnly, WagtailAdminTemplateMixin, TemplateView):
    template_name = "webhooks/deliveries.html"
    page_title = gettext_lazy("Webhook deliveries")
    header_icon = "resubmit"

    def get_page_subtitle(self):
        return self.subscription.name

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("webhooks:index"), "label": Subscription._meta.verbose_name_plural},
            {
                "url": reverse("webhooks:edit", args=[self.subscription.pk]),
                "label": str(self.subscription),
            },
            {"url": "", "label": self.page_title},
        ]

    def dispatch(self, request, pk):
        self.subscription = get_object_or_404(Subscription, pk=pk)
        return super().dispatch(request, pk)

    def get_context_data(self, **kwargs):
        deliveries = self.subscription.deliveries.order_by("-id")
        page = Paginator(deliveries, PER_PAGE).get_page(self.request.GET.get("p"))
        return super().get_context_data(
            subscription=self.subscription, page_obj=page, deliveries=page.object_list, **kwargs
        )


class ReplayView(AdministratorsOnly, View):
    def post(self, request, pk):
        delivery = get_object_or_404(Delivery.objects.select_related("subscription"), pk=pk)
        replay(delivery)
        messages.success(
            request, _("Delivery %(id)s will be sent again.") % {"id": delivery.message_id}
        )
        if not delivery.subscription.enabled:
            messages.warning(request, _("Enable the subscription: nothing is sent meanwhile."))
        return redirect(log_url(delivery.subscription_id))


class SendTestView(AdministratorsOnly, View):
    def post(self, request, pk):
        subscription = get_object_or_404(Subscription, pk=pk)
        send_test_event(subscription)
        messages.success(request, _("A test event will be sent."))
        return redirect(log_url(subscription.pk))
