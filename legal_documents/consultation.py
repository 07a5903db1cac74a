"""The public comment form of a draft (góp ý dự thảo), at `<draft's URL>gop-y/`.

Open only while the draft's comment window is (`models.consultation.window_state`); before
and after, GET and POST answer with a message and no form. The form asks for consent to the
processing of personal data (Decree 13/2023/NĐ-CP), and keeps spam out with no third party:
a honeypot field hidden from people and assistive technology, a limit of submissions per
client (`CONSULTATION_SUBMISSIONS`, in the cache like the other per-client limits), size
limits on every field and no control characters. A comment is received pending moderation:
the confirmation (after a redirect: reloading does not send it again) says so. The answers
are never cached: the form holds a CSRF token, and the window's state changes with time.
"""

import math
import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.middleware import never_cache
from core.ratelimit import WindowCounter, client_address

from .models import ConsultationComment
from .models.consultation import Window, window_state

COMMENT_MAX_LENGTH = 5000
# The honeypot: a field people never see; programs filling every field fill it.
HONEYPOT = "website"
# The confirmation after a comment is sent (`?sent=1`).
SENT = "sent"
TEMPLATE = "legal_documents/consultation_form.html"
# What a client may send: so many submissions (valid or not) per window of seconds.
SUBMISSIONS, SUBMISSIONS_WINDOW = getattr(settings, "CONSULTATION_SUBMISSIONS", (10, 3600))
# C0 controls but tab, line feed and carriage return, and what XML cannot hold.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def no_control_characters(value):
    if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
        raise ValidationError(
            _("This text holds control characters (such as NUL): remove them and send again."),
            code="control_characters",
        )


class ConsultationForm(forms.ModelForm):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=format_lazy(_("At most {count} characters."), count=COMMENT_MAX_LENGTH),
        error_messages={
            "max_length": _(
                "Your comment has %(show_value)d characters: it may have at most "
                "%(limit_value)d. Shorten it, or send it in several parts."
            )
        },
    )
    website = forms.CharField(
        label=_("Leave this field empty"), required=False, max_length=200, strip=False
    )
    consent = forms.BooleanField(
        label=_(
            "I agree to the processing of my personal data for this consultation, as "
            "described above (Decree 13/2023/NĐ-CP)."
        ),
        error_messages={"required": _("Your comment can only be received with your consent.")},
    )

    class Meta:
        model = ConsultationComment
        fields = ["name", "organisation", "email", "article", "body", "show_identity"]
        labels = {
            "show_identity": _("Show my name and organisation with my comment"),
        }
        help_texts = {
            "email": _("Never published: the drafting agency may use it to reply to you."),
            "show_identity": _("Unticked, your comment is published without them."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields[HONEYPOT].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        # HTML's autofill tokens: "organization" is spelt the American way.
        for name, token in (("name", "name"), ("organisation", "organization"), ("email", "email")):
            self.fields[name].widget.attrs["autocomplete"] = token
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                # One clear message for NUL and the other control characters.
                field.validators = [
                    validator
                    for validator in field.validators
                    if not isinstance(validator, ProhibitNullCharactersValidator)
                ]
                field.validators.append(no_control_characters)

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT]

    def save_for(self, page):
        comment = super().save(commit=False)
        comment.document = page
        comment.consented_at = timezone.now()
        comment.save()
        return comment


def consultation_view(request, page):
    """GET shows the form (or the confirmation), POST receives a comment."""
    never_cache(request)
    if not page.is_draft:
        raise Http404
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    state = window_state(page)
    context = {"page": page, "state": state}
    if state != Window.OPEN:
        # Whatever was typed is shown back, to be kept: nothing is lost.
        context["unsent"] = request.POST.get("body", "")[:COMMENT_MAX_LENGTH]
        status = 403 if state == Window.UPCOMING else 410 if state == Window.CLOSED else 404
        return render(request, TEMPLATE, context, status=status)
    if request.method != "POST":
        context["sent"] = SENT in request.GET
        context["form"] = None if context["sent"] else ConsultationForm()
        return render(request, TEMPLATE, context)
    retry_after = rate_limited(request)
    if retry_after:
        context.update(
            form=ConsultationForm(request.POST),
            retry_after=retry_after,
            retry_minutes=max(1, math.ceil(retry_after / 60)),
        )
        response = render(request, TEMPLATE, context, status=429)
        response["Retry-After"] = str(retry_after)
        return response
    form = ConsultationForm(request.POST)
    if request.POST.get(HONEYPOT):
        # A program: answered as a person would be, and nothing is kept.
        return sent(request)
    if form.is_valid():
        form.save_for(page)
        return sent(request)
    context["form"] = form
    return render(request, TEMPLATE, context, status=400)


def sent(request):
    return HttpResponseRedirect(f"{request.path}?{SENT}=1", status=303)


def rate_limited(request):
    """Seconds until this client may send again, or 0 (limits off: RATE_LIMIT_ENABLED)."""
    if not settings.RATE_LIMIT_ENABLED or not SUBMISSIONS:
        return 0
    counter = WindowCounter("consultation", client_address(request), SUBMISSIONS_WINDOW)
    return counter.retry_after if counter.hit() > SUBMISSIONS else 0
