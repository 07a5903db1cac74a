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
from django.utils import timezone, translation
from rest_framework.fields import Field
from wagtail.api.utils import get_full_url
from wagtail.api.v2.views import BaseAPIViewSet

from blocs.api import PageFullUrlField
from core.api.fields import endpoint_detail_url
from core.api.filters import LocaleFilter, UpdatedSinceFilter, checked_backends
from core.api.serializers import NestedSerializers
from core.api.shapes import BOOLEAN, INTEGER, STRING, Date, Object, Related
from core.api.shapes import Value as Plain
from core.api.views import TranslatableAPIViewSet
from core.visibility import visible_pages
from snippets.models import Agency, Person

from .api_filters import (
    FILTER_PARAMETERS,
    ORDERINGS,
    LegalDocumentFilter,
    LegalDocumentOrdering,
    LegalDocumentSearch,
    openapi_parameters,
)
from .models import (
    ConsultationComment,
    LegalDocumentAttachment,
    LegalDocumentPage,
    LegalDocumentRelation,
)
from .status import REVERSE_WORDING, RelationKind, Status, status_expression

LEGAL_DOCUMENTS_ENDPOINT = "legal-documents"
PERSON_FIELDS = AGENCY_FIELDS = ("slug",)


def nullable_object(source, properties):
    """An object read from the related object at `source`, or null when there is none."""

    class Maybe(Object):
        def represent(self, obj, field):
            related = getattr(obj, source)
            return None if related is None else super().represent(related, field)

        def schema(self, builder):
            return builder.nullable(super().schema(builder))

    return Maybe(properties)


class ShapeField(Field):
    """A field whose value and OpenAPI schema are one shape (`core.api.shapes`), read from the
    whole document; a `component` name makes its schema a named component."""

    def __init__(self, shape, component=None, **kwargs):
        self.shape = shape
        self.component_name = component
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return self.shape.represent(page, self)

    def nested(self, model, obj, fields):
        if not hasattr(self, "_nested"):
            self._nested = NestedSerializers(self.context)
        return self._nested(model, obj, fields)

    def openapi_schema(self, builder, model):
        schema = self.shape.schema(builder)
        if self.component_name:
            return builder.component(self.component_name, schema)
        return schema


class DetailUrlField(Field):
    """The document's address in this endpoint (the router would name the pages endpoint)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return endpoint_detail_url(self.context, LEGAL_DOCUMENTS_ENDPOINT, page.pk)

    def openapi_schema(self, builder, model):
        return builder.nullable(builder.url())


class AttachmentsField(Field):
    """The document's files: their address (never the file objects), type, size, and whether
    their text could be read for search."""

    def get_attribute(self, instance):
        return instance.attachments.all()

    def to_representation(self, rows):
        request = self.context["request"]
        items = []
        for row in rows:
            document = row.document
            extracted = getattr(document, "extracted_text", None)
            items.append(
                {
                    "title": row.title or document.title,
                    "url": get_full_url(request, document.url),
                    "file_type": document.file_extension.lower(),
                    "size": document.file_size,
                    "text_extraction": extracted.outcome if extracted else None,
                }
            )
        return items

    def openapi_schema(self, builder, model):
        from .models import ExtractionOutcome

        attachment = {
            "type": "object",
            "properties": {
                "title": STRING,
                "url": builder.url(),
                "file_type": {**STRING, "examples": ["pdf", "docx"]},
                "size": builder.nullable({**INTEGER, "description": "bytes"}),
                "text_extraction": builder.nullable({**STRING, "enum": ExtractionOutcome.values}),
            },
            "required": ["title", "url", "file_type", "size", "text_extraction"],
            "additionalProperties": False,
        }
        return {"type": "array", "items": builder.component("LegalDocumentAttachment", attachment)}


class RelationsField(Field):
    """The visible documents this one acts on (`outgoing`) and those acting on it
    (`incoming`), with the wording in the document's language."""

    def get_attribute(self, instance):
        return instance

    def item(self, direction, kind, wording, other):
        return {
            "direction": direction,
            "kind": kind,
            "wording": str(wording),
            "id": other.pk,
            "number": other.number,
            "title": other.title,
            "detail_url": endpoint_detail_url(self.context, LEGAL_DOCUMENTS_ENDPOINT, other.pk),
        }

    def to_representation(self, page):
        with translation.override(page.locale.language_code):
            outgoing = [
                self.item("outgoing", row.kind, RelationKind(row.kind).label, row.target)
                for row in page.relations.all()
            ]
            incoming = [
                self.item("incoming", row.kind, REVERSE_WORDING[RelationKind(row.kind)], row.source)
                for row in page.relations_in.all()
            ]
        return outgoing + incoming

    def openapi_schema(self, builder, model):
        relation = {
            "type": "object",
            "properties": {
                "direction": {
                    **STRING,
                    "enum": ["outgoing", "incoming"],
                    "description": "outgoing: this document acts on the other one;"
                    " incoming: the other one acts on this document.",
                },
                "kind": {**STRING, "enum": RelationKind.values},
                "wording": STRING,
                "id": INTEGER,
                "number": STRING,
                "title": STRING,
                "detail_url": builder.nullable(builder.url()),
            },
            "required": ["direction", "kind", "wording", "id", "number", "title", "detail_url"],
            "additionalProperties": False,
        }
        return {"type": "array", "items": builder.component("LegalDocumentRelation", relation)}


class ConsultationField(Field):
    """A draft's comment window and its number of approved comments; null for other
    documents. Nothing of the comments themselves."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        if not page.is_draft:
            return None
        opens, closes = page.comments_open_at, page.comments_close_at
        now = timezone.now()
        return {
            "opens": opens.isoformat() if opens else None,
            "closes": closes.isoformat() if closes else None,
            "open": bool(opens and closes and opens <= now < closes),
            "approved_comments": page.approved_comment_count,
        }

    def openapi_schema(self, builder, model):
        moment = builder.nullable({**STRING, "format": "date-time"})
        consultation = {
            "type": "object",
            "properties": {
                "opens": moment,
                "closes": moment,
                "open": BOOLEAN,
                "approved_comments": {**INTEGER, "minimum": 0},
            },
            "required": ["opens", "closes", "open", "approved_comments"],
            "additionalProperties": False,
        }
        return builder.nullable(builder.component("LegalDocumentConsultation", consultation))


FIELD_SERIALIZERS = {
    "detail_url": DetailUrlField(),
    "html_url": PageFullUrlField(),
    "document_type": ShapeField(
        Object(
            {
                "id": Plain("document_type.pk", INTEGER),
                "name": Plain("document_type.name", STRING),
                "slug": Plain("document_type.slug", STRING),
                "is_legislation": Plain("document_type.is_legislation", BOOLEAN),
            }
        ),
        component="LegalDocumentType",
    ),
    "issuer": ShapeField(Related("issuer", Agency, AGENCY_FIELDS, live_only=True)),
    "signer": ShapeField(Related("signer", Person, PERSON_FIELDS, live_only=True)),
    "subject_area": ShapeField(
        nullable_object(
            "subject_area",
            {
                "id": Plain("pk", INTEGER),
                "name": Plain("name", STRING),
                "slug": Plain("slug", STRING),
            },
        )
    ),
    "status": ShapeField(Plain("computed_status", {**STRING, "enum": Status.values})),
    "issue_date": ShapeField(Date("issue_date")),
    "effective_date": ShapeField(Date("effective_date")),
    "expiry_date": ShapeField(Date("expiry_date")),
    "attachments": AttachmentsField(),
    "relations": RelationsField(),
    "consultation": ConsultationField(),
}


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
        *checked_backends([LegalDocumentSearch]),
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
            from wagtail.api.v2.utils import BadRequestError

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
