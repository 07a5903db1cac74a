"""Admin of the registry, one "Văn bản" menu: the flat listing of every document, the
editable lists of document types and subject areas, and the comments on drafts."""

import datetime

from django.conf import settings
from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, LocaleColumn
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.middleware import never_cache
from core.required_information import RequiredInformation
from core.visibility import visible_pages

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


# A department issues documents every few weeks: three months without one is worth a look.
LEGAL_DOCUMENTS_STALE_AFTER = datetime.timedelta(days=90)


def newest_change(issue_date, published_at):
    """The later of the newest issue date (at the start of its day) and the newest publication."""
    dates = [published_at] if published_at else []
    if issue_date:
        start = datetime.datetime.combine(issue_date, datetime.time.min)
        dates.append(timezone.make_aware(start))
    return max(dates, default=None)


@hooks.register("register_required_information")
def legal_documents_required_information(request):
    """Are documents published (in the site's language), and is the newest one recent? Two
    queries, however many documents there are."""
    documents = LegalDocumentPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    figures = visible_pages(documents).aggregate(
        count=Count("pk"), issued=Max("issue_date"), published=Max("last_published_at")
    )
    published = figures["count"] > 0
    present = published or documents.exists()
    if published:
        detail = gettext("%(count)s published documents, the newest dated %(date)s.") % {
            "count": figures["count"],
            "date": (figures["issued"] or figures["published"]).strftime("%d/%m/%Y"),
        }
    elif present:
        detail = gettext("No document is published yet.")
    else:
        detail = gettext("No document has been entered yet.")
    return [
        RequiredInformation(
            topic="legal_documents",
            label=gettext("Legal documents"),
            present=present,
            published=published,
            fix_url=reverse("legal_documents:index"),
            updated_at=newest_change(figures["issued"], figures["published"]),
            stale_after=LEGAL_DOCUMENTS_STALE_AFTER,
            detail=detail,
        )
    ]
