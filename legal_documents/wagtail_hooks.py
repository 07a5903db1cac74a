"""Admin of the registry, one "Văn bản" menu: the flat listing of every document, the
editable lists of document types and subject areas, and the comments on drafts."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, LocaleColumn
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.middleware import never_cache

from .admin_comments import MENU_HOOK, ConsultationCommentViewSet
from .models import DocumentType, LegalDocumentPage, SubjectArea
from .models.consultation import window_changes_within


class DocumentTypeViewSet(SnippetViewSet):
    model = DocumentType
    icon = "tag"
    list_display = ["name", "slug", "is_legislation", "sort_order", LocaleColumn(label=_("Locale"))]
    ordering = ["sort_order", "name"]
    search_fields = ["name"]


class SubjectAreaViewSet(SnippetViewSet):
    model = SubjectArea
    icon = "folder-inverse"
    list_display = ["name", "slug", LocaleColumn(label=_("Locale"))]
    ordering = ["name"]
    search_fields = ["name"]


class LegalDocumentsViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Legal documents")
    menu_icon = "doc-full-inverse"
    menu_order = 250
    submenu_hook = MENU_HOOK
    items = (DocumentTypeViewSet, SubjectAreaViewSet)


register_snippet(LegalDocumentsViewSetGroup)


class LegalDocumentFilterSet(PageListingViewSet.filterset_class):
    class Meta:
        model = LegalDocumentPage
        fields = ["document_type", "issuer", "subject_area", "is_draft"]


class LegalDocumentIndexView(PageListingViewSet.index_view_class):
    list_export = ["pk", "number", "title", "document_type", "issuer", "issue_date", "live"]
    export_filename = "van-ban"


class LegalDocumentListingViewSet(PageListingViewSet):
    """Every document in one flat, filterable listing: with thousands of documents, the page
    explorer's tree is no way to find one."""

    model = LegalDocumentPage
    icon = "doc-full"
    menu_label = _("All legal documents")
    menu_hook = MENU_HOOK
    menu_order = 10
    columns = PageListingViewSet.columns + [
        Column("number", label=_("Number and symbol"), sort_key="number"),
        Column("document_type", label=_("Document type")),
        Column("issue_date", label=_("Issue date"), sort_key="issue_date"),
    ]
    index_view_class = LegalDocumentIndexView
    filterset_class = LegalDocumentFilterSet


@hooks.register("register_admin_viewset")
def register_legal_document_listing():
    return LegalDocumentListingViewSet("legal_documents")


@hooks.register("register_admin_viewset")
def register_consultation_comments():
    """The comments on drafts, in the "Văn bản" menu (legal_documents.admin_comments)."""
    return ConsultationCommentViewSet()


@hooks.register("before_serve_page")
def never_cache_a_draft_about_to_open_or_close(page, request, serve_args, serve_kwargs):
    """A cached copy of a draft's page must not outlive its window's state (the form's
    link, "closed"): within a shared cache's lifetime of the change, it is never cached."""
    if isinstance(page, LegalDocumentPage) and window_changes_within(
        page, settings.HTTP_CACHE_S_MAXAGE
    ):
        never_cache(request)
