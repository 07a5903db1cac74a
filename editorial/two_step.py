"""Two-step sign-in (TOTP, django-otp): the secret as apps show it, and its QR code."""

from base64 import b32encode
from xml.etree import ElementTree

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


def secret_of(device):
    """The device's key in base 32, in groups of four, as authenticator apps ask for it."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device):
    """An inline SVG QR code of the device's otpauth:// address, drawn here (no network)."""
    picture = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    svg = picture.get_image()
    # Scales with its box (qrcode sizes it in millimetres, one per module).
    svg.set("width", "100%")
    svg.set("height", "100%")
    return ElementTree.tostring(svg, encoding="unicode")


class OneTimeCodeForm(forms.Form):
    otp_token = forms.CharField(
        label=_("Authentication code"),
        help_text=_("The six digits your authenticator app shows now."),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class TwoStepView(WagtailAdminTemplateMixin, FormView):
    """The signed-in user turns two-step sign-in on (scan, then confirm a code) or off.

    Until a code confirms it, the new key is an unconfirmed device: sign-in ignores it.
    """

    template_name = "editorial/two_step.html"
    form_class = OneTimeCodeForm
    page_title = _("Two-step sign-in")
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailadmin_account"), "label": _("Account")},
            {"url": "", "label": self.page_title},
        ]

    def enrolled(self):
        return user_has_device(self.request.user)

    def pending_device(self):
        device, _created = TOTPDevice.objects.get_or_create(
            user=self.request.user, confirmed=False, defaults={"name": "default"}
        )
        return device

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["enrolled"] = self.enrolled()
        if not context["enrolled"]:
            device = self.pending_device()
            # Markup drawn by qrcode from our own otpauth:// address, no user input.
            context["qr_code"] = mark_safe(qr_code_svg(device))
            context["secret"] = secret_of(device)
        return context

    def form_valid(self, form):
        user = self.request.user
        token = form.cleaned_data["otp_token"].strip()
        if self.enrolled():
            if match_token(user, token) is None:
                form.add_error("otp_token", WRONG_CODE)
                return self.form_invalid(form)
            TOTPDevice.objects.filter(user=user).delete()
            messages.success(self.request, _("Two-step sign-in is off."))
            return redirect("wagtailadmin_account")
        device = self.pending_device()
        if not device.verify_token(token):
            form.add_error("otp_token", WRONG_CODE)
            return self.form_invalid(form)
        with transaction.atomic():
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
        otp_login(self.request, device)
        messages.success(self.request, _("Two-step sign-in is on: signing in now asks for a code."))
        return redirect("wagtailadmin_account")


WRONG_CODE = _("This code is not the current one. Check the time on your phone and try again.")
