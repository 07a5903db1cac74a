"""The subscription form: ticked events, endpoints and languages; the receiver's URL checked
against server-side request forgery (webhooks.addresses); the secret rotated on request."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from core.changes.recording import synced_endpoints

from .addresses import ForbiddenAddress, check_url
from .events import Category
from .models import new_secret
from .tasks import schedule


class SubscriptionForm(WagtailAdminModelForm):
    categories = forms.MultipleChoiceField(
        label=_("Events"), choices=Category.choices, widget=forms.CheckboxSelectMultiple
    )
    endpoints = forms.MultipleChoiceField(
        label=_("API endpoints"),
        choices=lambda: [(name, name) for name in synced_endpoints()],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Only changes of these kinds of content; none ticked: all."),
    )
    locales = forms.MultipleChoiceField(
        label=_("languages"),
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Only changes in these languages; none ticked: all."),
    )
    rotate_secret = forms.BooleanField(
        label=_("Make a new signing secret"),
        required=False,
        help_text=_("The old secret stops working at once: give the new one to the receiver."),
    )

    def clean_url(self):
        url = self.cleaned_data["url"]
        try:
            check_url(url)
        except ForbiddenAddress as error:
            raise forms.ValidationError(str(error), code="forbidden_address") from None
        return url

    def save(self, commit=True):
        subscription = self.instance
        if self.cleaned_data.get("rotate_secret"):
            subscription.secret = new_secret()
        if subscription.enabled:
            subscription.disabled_reason = ""
        saved = super().save(commit=commit)
        if commit and saved.enabled:
            schedule(saved.pk)  # enabled again: its waiting deliveries go out, in order
        return saved
