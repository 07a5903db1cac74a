from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_otp import match_token, user_has_device
from wagtail.admin.forms.auth import LoginForm, PasswordResetForm

from core.ratelimit import LoginThrottle


def needs_second_factor(user):
    """Whether `user` must give a one-time code: enrolled, or a superuser when required."""
    return user_has_device(user) or (user.is_superuser and settings.OTP_REQUIRED_FOR_SUPERUSERS)


class PortalLoginForm(LoginForm):
    """The one sign-in form: throttled, asking for a one-time code from enrolled users.

    Both the admin's login and readers' /_util/login/ (editorial.sign_in) use it.
    Wagtail derives the labels from field names: they are set here to be translatable.
    Users with a confirmed TOTP device (django-otp; `manage.py enrol_totp`, or the admin's
    account menu) must give a current code; with OTP_REQUIRED_FOR_SUPERUSERS, superusers
    cannot sign in without one. Failures count towards the throttle (core.ratelimit).
    """

    otp_token = forms.CharField(
        label=_("Authentication code"),
        help_text=_("Six digits from your authenticator app, if two-step sign-in is on."),
        required=False,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Username")
        self.fields["password"].label = _("Password")
        self.fields["remember"].label = _("Remember me")

    def clean(self):
        throttle = LoginThrottle.sign_in(self.request, self.cleaned_data.get("username"))
        locked_for = throttle.locked_for()
        if locked_for:
            raise forms.ValidationError(throttle.message(locked_for), code="throttled")
        try:
            cleaned_data = super().clean()
            if self.user_cache is not None:
                self.check_one_time_code(self.user_cache, self.cleaned_data.get("otp_token"))
        except forms.ValidationError:
            throttle.record_failure()
            raise
        throttle.record_success()
        return cleaned_data

    def check_one_time_code(self, user, token):
        if user_has_device(user):
            device = match_token(user, token.strip()) if token else None
            if device is None:
                raise forms.ValidationError(
                    _("Enter the current six-digit code from your authenticator app."),
                    code="invalid_otp",
                )
            # django_otp marks the session as verified when the login completes.
            user.otp_device = device
        elif needs_second_factor(user):
            raise forms.ValidationError(
                _(
                    "Two-step sign-in is required for administrators. Ask the server's "
                    "operator to run `manage.py enrol_totp %(username)s`."
                ),
                code="otp_required",
                params={"username": user.get_username()},
            )


class PortalPasswordResetForm(PasswordResetForm):
    """Wagtail's password reset form, throttled per e-mail address and client address.

    Every request counts; past the limit no more e-mail is sent until the lockout ends. The
    page says the same either way, so it tells nothing about which addresses have accounts.
    """

    def save(self, *args, request=None, **kwargs):
        throttle = LoginThrottle.password_reset(request, self.cleaned_data["email"])
        if throttle.locked_for():
            return
        throttle.record_failure()
        super().save(*args, request=request, **kwargs)
