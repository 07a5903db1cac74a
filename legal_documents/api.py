"""`/api/v2/legal-documents/`: the registry of legal documents (văn bản), read-only.

Wagtail's `documents` endpoint serves files; this one serves the live, public document pages
(`core.visibility`), each as::

    {
        "id": 31,
        "meta": {"type": "legal_documents.LegalDocumentPage", "detail_url": ...,
                 "html_url": ..., "locale": "vi", "translations": [...],
                 "last_published_at": "2024-05-02T08:00:00Z"},
        "title": "...", "number": "15/2024/QĐ-UBND",
        "document_type": {"id": 2, "name": "Quyết định", "slug": "quyet-dinh",
                          "is_legislation": true},
        "issuer": {"id": 5, "meta": {...}, "name": "Ủy ban nhân dân Thành phố", ...},
        "signer": {...} or null, "signer_title": "Phó Chủ tịch",
        "subject_area": {"name": "Giáo dục", "slug": "giao-duc"} or null,
        "issue_date": "2024-03-01", "effective_date": ..., "expiry_date": ...,
        "status": "in_force", "abstract": "...", "full_text": "..." (detail, or fields=*),
        "attachments": [{"title", "url", "file_type", "size", "text_extraction"}],
        "relations": [{"direction": "outgoing", "kind": "replaces", "wording": "Thay thế",
                       "id", "number", "title", "detail_url"}],
        "national_database_url": "", "is_draft": false,
        "consultation": {"opens", "closes", "open", "approved_comments"} or null
    }

Unpublished agencies and people are null; relations name visible documents only; comments
are only counted (their authors' data is never served). The filters are `LegalDocumentFilter`'s.
Every answer costs a fixed number of queries, whatever the number of documents, files and
relations.
"""

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import redirect
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet

from core.api.fields import endpoint_detail_url
from core.api.filters import LocaleFilter, UpdatedSinceFilter, checked_backends
from core.api.views import TranslatableAPIViewSet
from core.visibility import visible_pages

from .api_fields import FIELD_SERIALIZERS, LEGAL_DOCUMENTS_ENDPOINT
from .api_filters import (
    FILTER_PARAMETERS,
    ORDERINGS,
    LegalDocumentFilter,
    LegalDocumentOrdering,
    openapi_parameters,
)
from .models import (
    ConsultationComment,
    LegalDocumentAttachment,
    LegalDocumentPage,
    LegalDocumentRelation,
)
from .status import status_expression


def approved_comment_count():
    comments = (
        ConsultationComment.objects.approved()
        .filter(document=OuterRef("pk"))
        .order_by()
        .values("document")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(comments, output_field=IntegerField()), Value(0))


class LegalDocumentsAPIViewSet(TranslatableAPIViewSet):
    """The registry's documents: see the module's docstring."""

    name = LEGAL_DOCUMENTS_ENDPOINT
    model = LegalDocumentPage
    body_fields = BaseAPIViewSet.body_fields + [
        "title",
        "number",
        "document_type",
        "issuer",
        "signer",
        "signer_title",
        "subject_area",
        "issue_date",
        "effective_date",
        "expiry_date",
        "status",
        "abstract",
        "full_text",
        "attachments",
        "relations",
        "national_database_url",
        "is_draft",
        "consultation",
    ]
    meta_fields = TranslatableAPIViewSet.meta_fields + ["html_url"]
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["title", "number"]
    # SearchFilter must stay last: search results cannot be filtered further.
    filter_backends = [
        LocaleFilter,
        LegalDocumentFilter,
        UpdatedSinceFilter,
        LegalDocumentOrdering,
        *checked_backends([SearchFilter]),
    ]
    known_query_parameters = (
        TranslatableAPIViewSet.known_query_parameters - {"published_after", "published_before"}
    ).union(FILTER_PARAMETERS)
    field_serializers = FIELD_SERIALIZERS
    # How core.openapi describes these parameters (their names mean other things elsewhere).
    openapi_parameters = openapi_parameters()

    @classmethod
    def get_listing_default_fields(cls, model):
        return [name for name in cls.get_available_fields(model) if name != "full_text"]

    def check_query_parameters(self, queryset):
        """Only the documented parameters: no field filters besides them."""
        unknown = set(self.request.GET.keys()) - self.known_query_parameters
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a recognised field: "
                + ", ".join(sorted(name[:100] for name in unknown))
            )

    def get_published_queryset(self):
        return visible_pages(LegalDocumentPage.objects, self.request)

    def get_queryset(self):
        visible = self.get_published_queryset()
        return (
            visible.select_related("locale", "document_type", "issuer", "signer", "subject_area")
            .annotate(
                computed_status=status_expression(), approved_comment_count=approved_comment_count()
            )
            .prefetch_related(
                Prefetch(
                    "attachments",
                    LegalDocumentAttachment.objects.select_related("document__extracted_text"),
                ),
                Prefetch(
                    "relations",
                    LegalDocumentRelation.objects.filter(target__in=visible).select_related(
                        "target"
                    ),
                ),
                Prefetch(
                    "relations_in",
                    LegalDocumentRelation.objects.filter(source__in=visible)
                    .select_related("source")
                    .order_by("-source__issue_date", "source_id"),
                ),
            )
            .order_by(*ORDERINGS["-issue_date"])
        )

    def find_view(self, request):
        """`find/?id=` redirects to the document in this endpoint (Wagtail's would name the
        pages endpoint: a document is a page)."""
        try:
            document = self.find_object(self.get_queryset(), request)
        except LegalDocumentPage.DoesNotExist:
            document = None
        if document is None:
            raise Http404("not found")
        context = {"request": request, "router": request.wagtailapi_router}
        query = request.GET.copy()
        for name in self.find_query_parameters:
            query.pop(name, None)
        url = endpoint_detail_url(context, LEGAL_DOCUMENTS_ENDPOINT, document.pk)
        return redirect(f"{url}?{query.urlencode()}" if query else url)
