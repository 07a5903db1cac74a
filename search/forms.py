from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

MAX_QUERY_LENGTH = 200

TYPE_CHOICES = [
    ("", _("All types")),
    ("news", _("News")),
    ("event", _("Event reports")),
    ("announcement", _("Announcements")),
    ("bloc", _("Emulation blocs")),
    ("legal_document", _("Legal documents")),
]
MATCH_CHOICES = [("all", _("All the words")), ("any", _("Any of the words"))]


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _(
                "The search text is too long: at most %(limit_value)d characters, "
                "it has %(show_value)d."
            )
        },
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    type = forms.ChoiceField(label=_("Type"), choices=TYPE_CHOICES, required=False)
    section = forms.ChoiceField(label=pgettext_lazy("search filter", "Section"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    match = forms.ChoiceField(
        label=_("Match"), choices=MATCH_CHOICES, required=False, widget=forms.RadioSelect
    )

    def __init__(self, data, sections, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["section"].choices = [("", _("All sections"))] + [
            (section.slug, section.title) for section in sections
        ]

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("The end date cannot be before the start date."))
        return cleaned
