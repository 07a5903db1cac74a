"""Admin for the registry's editable lists, grouped under "Văn bản"."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import LocaleColumn
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
