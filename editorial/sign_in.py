"""Every way in goes through the same checks (README.md, "Admin security").

Wagtail adds two sign-in doors besides the admin's: readers' /_util/login/ (where
login-restricted pages send them) and the page and document password forms. Here the first
uses the admin's own form (account_forms.PortalLoginForm: throttled, asking for the one-time
code), the password forms are throttled like sign-ins, and the admin refuses any session
whose user owes a second factor it did not give, whichever view opened it.
"""

import math

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.views.account import get_user_login_form
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction

from core.middleware import is_logged_in
from core.ratelimit import LoginThrottle
from editorial.account_forms import needs_second_factor


class ReaderLoginView(auth_views.LoginView):
    """Wagtail's /_util/login/ with the admin's sign-in form and its "remember me"."""

    def get_template_names(self):
        return [settings.WAGTAIL_FRONTEND_LOGIN_TEMPLATE]

    def get_form_class(self):
        return get_user_login_form()

    def get_default_redirect_url(self):
        return "/"

    def form_valid(self, form):
        response = super().form_valid(form)
        remember = form.cleaned_data.get("remember")
        self.request.session.set_expiry(settings.SESSION_COOKIE_AGE if remember else 0)
        return response


class ThrottledPasswordForm(PasswordViewRestrictionForm):
    """Wagtail's page or collection password form, throttled per restriction and address."""

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.throttle = LoginThrottle.page_password(request, self.restriction)
        self.paused_for = 0

    def clean_password(self):
        self.paused_for = self.throttle.locked_for()
        if self.paused_for:
            minutes = max(1, math.ceil(self.paused_for / 60))
            raise forms.ValidationError(
                ngettext(
                    "Too many wrong passwords. Please try again in %(minutes)d minute.",
                    "Too many wrong passwords. Please try again in %(minutes)d minutes.",
                    minutes,
                )
                % {"minutes": minutes},
                code="throttled",
            )
        try:
            password = super().clean_password()
        except forms.ValidationError:
            self.throttle.record_failure()
            raise
        self.throttle.record_success()
        return password


def check_password(request, restriction):
    """The bound or blank form, and where a right password leads (None until it is given)."""
    if request.method != "POST":
        return ThrottledPasswordForm(instance=restriction, request=request), None
    form = ThrottledPasswordForm(request.POST, instance=restriction, request=request)
    if not form.is_valid():
        return form, None
    return_url = form.cleaned_data["return_url"]
    if not url_has_allowed_host_and_scheme(return_url, request.get_host(), request.is_secure()):
        return_url = settings.LOGIN_REDIRECT_URL
    restriction.mark_as_passed(request)
    return form, return_url


def paused(response, form):
    """A paused guesser gets 429 with `Retry-After` (the form says it in words)."""
    if form.paused_for:
        response.status_code = 429
        response["Retry-After"] = str(form.paused_for)
    return response


def page_password(request, page_view_restriction_id, page_id):
    """Wagtail's wagtailcore_authenticate_with_password, throttled."""
    restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
    page = get_object_or_404(Page, id=page_id).specific
    form, return_url = check_password(request, restriction)
    if return_url:
        return redirect(return_url)
    action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
    return paused(page.serve_password_required_response(request, form, action_url), form)


def document_password(request, restriction_id):
    """Wagtail's wagtaildocs_authenticate_with_password, throttled."""
    restriction = get_object_or_404(CollectionViewRestriction, id=restriction_id)
    form, return_url = check_password(request, restriction)
    if return_url:
        return redirect(return_url)
    template = getattr(
        settings, "WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE", "wagtaildocs/password_required.html"
    )
    context = {
        "form": form,
        "action_url": reverse("wagtaildocs_authenticate_with_password", args=[restriction.id]),
    }
    return paused(TemplateResponse(request, template, context), form)


class SecondFactorMiddleware:
    """The admin signs out a session whose user owes a one-time code it never gave.

    Sign-in forms ask for the code; this holds whatever opened the session (a view added
    later, a session from before the user enrolled or before OTP_REQUIRED_FOR_SUPERUSERS).
    Sits below django_otp's OTPMiddleware and the message middleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path_info.startswith(reverse("wagtailadmin_home"))
            and is_logged_in(request)
            and not request.user.is_verified()
            and needs_second_factor(request.user)
        ):
            logout(request)
            messages.error(
                request,
                _(
                    "The administration asks for two-step sign-in: sign in here with the "
                    "code from your authenticator app."
                ),
            )
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        return self.get_response(request)
