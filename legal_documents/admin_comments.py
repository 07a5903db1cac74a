"""Moderating the comments on drafts, under "Văn bản" in the admin.

Who may do what follows the model's permissions (migration 0002): with "view" (editors, the
drafting unit) the list, a comment's details and the exports of a draft's comments (XLSX
and CSV, with the e-mail addresses: the drafting unit answers the commenters); with
"change" (moderators, administrators) approving and rejecting, recorded in `moderated_at`
and `moderated_by`; with "delete" deleting a comment on its author's request (find it by
e-mail address in the search). Nobody adds or copies a comment here: readers send them.
"""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.components import MediaContainer
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .models import CommentStatus, ConsultationComment, LegalDocumentPage

MENU_HOOK = "register_legal_documents_menu_item"
# What a spreadsheet program would run as a formula: written as text (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def commented_documents(request):
    """The documents that received comments (not every document of the registry)."""
    return LegalDocumentPage.objects.filter(
        pk__in=ConsultationComment.objects.values("document_id")
    ).order_by("-first_published_at", "title")


class CommentFilterSet(WagtailFilterSet):
    document = django_filters.ModelChoiceFilter(
        label=_("Draft document"), queryset=commented_documents
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=CommentStatus.choices,
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Received on"), widget=DateRangePickerWidget
    )

    class Meta:
        model = ConsultationComment
        fields = ["document", "status", "created_at"]


def spreadsheet_text(value):
    """Text as a spreadsheet shows it, never run as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def local_time(value):
    """A moment in the portal's time zone, without offset (what spreadsheets read)."""
    return timezone.localtime(value).replace(tzinfo=None) if value else None


def yes_no(value):
    return str(_("Yes") if value else _("No"))


class CommentIndexView(generic.IndexView):
    list_export = [
        "document.title",
        "document.number",
        "created_at",
        "name",
        "organisation",
        "email",
        "article",
        "body",
        "show_identity",
        "get_status_display",
        "moderated_at",
        "consented_at",
    ]
    export_headings = {
        "document.title": _("Draft document"),
        "document.number": _("Number and symbol"),
        "get_status_display": _("Status"),
    }
    TEXT_FIELDS = ("document.title", "name", "organisation", "article", "body")

    @property
    def custom_field_preprocess(self):
        preprocess = {
            field: {self.FORMAT_CSV: spreadsheet_text, self.FORMAT_XLSX: spreadsheet_text}
            for field in self.TEXT_FIELDS
        }
        for field in ("created_at", "moderated_at", "consented_at"):
            preprocess[field] = {self.FORMAT_CSV: local_time, self.FORMAT_XLSX: local_time}
        preprocess["show_identity"] = {self.FORMAT_CSV: yes_no, self.FORMAT_XLSX: yes_no}
        return preprocess

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("document", "moderated_by")

    def get_filename(self):
        """Named after the draft when the list shows one draft's comments."""
        filters = self.filters
        document = (
            filters.form.cleaned_data.get("document") if filters and filters.is_valid() else None
        )
        slug = document.slug if document else "tat-ca"
        return f"gop-y-{slug}-{timezone.localdate():%Y%m%d}"

    def stream_csv(self, queryset):
        # A byte order mark: spreadsheet programs then read the Vietnamese as UTF-8.
        yield "\ufeff"
        yield from super().stream_csv(queryset)


class YesNoPanel(FieldPanel):
    """A boolean shown read-only in words, not as "True" or "False"."""

    def format_value_for_display(self, value):
        return yes_no(value)


class CommentEditView(generic.EditView):
    """Moderating one comment: its text shown read-only, its status chosen."""

    success_message = _("The comment's status was saved.")

    def get_side_panels(self):
        # Wagtail's status panel would call a comment "live": the status is in the form.
        return MediaContainer()

    def save_instance(self):
        if "status" in self.form.changed_data:
            self.form.instance.moderated_at = timezone.now()
            self.form.instance.moderated_by = self.request.user
        return super().save_instance()


class CommentInspectView(generic.InspectView):
    """A comment's details, with words for the commenter's choice and for what is unset."""

    def get_show_identity_display_value(self):
        return yes_no(self.object.show_identity)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None else value


class ConsultationCommentViewSet(ModelViewSet):
    model = ConsultationComment
    icon = "comment"
    url_prefix = "legal-documents/comments"
    url_namespace = "consultation_comments"
    menu_label = _("Comments on drafts")
    menu_hook = MENU_HOOK
    menu_order = 300
    index_view_class = CommentIndexView
    edit_view_class = CommentEditView
    inspect_view_class = CommentInspectView
    copy_view_enabled = False
    inspect_view_enabled = True
    filterset_class = CommentFilterSet
    search_fields = ["name", "organisation", "email", "article", "body"]
    search_backend_name = None
    list_per_page = 50
    list_display = [
        "excerpt",
        Column("document", label=_("Draft document")),
        "article",
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            primary=lambda comment: comment.status == CommentStatus.APPROVED,
        ),
        DateColumn("created_at", label=_("Received on")),
    ]
    inspect_view_fields = [
        "document",
        "name",
        "organisation",
        "email",
        "article",
        "body",
        "show_identity",
        "consented_at",
        "created_at",
        "status",
        "moderated_at",
        "moderated_by",
    ]
    export_filename = "gop-y-du-thao"
    edit_handler = ObjectList(
        [
            FieldPanel("document", read_only=True),
            FieldRowPanel(
                [FieldPanel("name", read_only=True), FieldPanel("organisation", read_only=True)]
            ),
            FieldRowPanel(
                [FieldPanel("email", read_only=True), FieldPanel("article", read_only=True)]
            ),
            FieldPanel("body", read_only=True),
            YesNoPanel("show_identity", read_only=True),
            FieldPanel("status", widget=forms.RadioSelect),
        ]
    )

    def get_common_view_kwargs(self, **kwargs):
        # Comments come from readers: no "add" button, even for superusers.
        return super().get_common_view_kwargs(**{"add_url_name": None, **kwargs})

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "add"]
