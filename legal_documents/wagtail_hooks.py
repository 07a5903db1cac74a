"""Admin of the registry: the flat listing of every document, and the editable lists of
document types and subject areas."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, LocaleColumn
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import DocumentType, LegalDocumentPage, SubjectArea


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
    menu_label = _("Document lists")
    menu_icon = "doc-full-inverse"
    menu_order = 250
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
    menu_order = 249
    add_to_admin_menu = True
    columns = PageListingViewSet.columns + [
        Column("number", label=_("number and symbol"), sort_key="number"),
        Column("document_type", label=_("document type")),
        Column("issue_date", label=_("issue date"), sort_key="issue_date"),
    ]
    index_view_class = LegalDocumentIndexView
    filterset_class = LegalDocumentFilterSet


@hooks.register("register_admin_viewset")
def register_legal_document_listing():
    return LegalDocumentListingViewSet("legal_documents")
