"""Administrators lift sign-in pauses (core.ratelimit.LoginThrottle) from the admin."""

import logging

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.ratelimit import lift_pauses

logger = logging.getLogger(__name__)

# Who may manage accounts may lift their pauses: the administrators ("Quản trị viên").
LIFT_PERMISSION = "auth.change_user"


class LiftPauseForm(forms.Form):
    username = forms.CharField(label=_("Username"), required=False, max_length=150)
    address = forms.GenericIPAddressField(
        label=_("Client address"),
        required=False,
        help_text=_("The IP address the failed attempts came from, e.g. 203.0.113.9."),
    )

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("username") and not cleaned_data.get("address"):
            raise forms.ValidationError(
                _("Give a user name, an address, or both."), code="nothing_to_lift"
            )
        return cleaned_data


class LiftPauseView(WagtailAdminTemplateMixin, FormView):
    """Ends the pauses and failure counts of a user name (from every address) or an address."""

    template_name = "editorial/lift_pause.html"
    form_class = LiftPauseForm
    page_title = _("Sign-in pauses")
    header_icon = "lock-open"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def form_valid(self, form):
        username, address = form.cleaned_data["username"], form.cleaned_data["address"]
        lift_pauses(username=username, address=address)
        logger.info(
            "%s lifted the sign-in pauses of user name %r, address %r",
            self.request.user.get_username(),
            username,
            address,
        )
        messages.success(self.request, _("The pause is lifted: signing in works again."))
        return redirect(reverse("editorial_lift_pause"))
