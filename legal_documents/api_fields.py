"""The serialiser fields of `/api/v2/legal-documents/` (see `legal_documents.api`), each
describing its own OpenAPI schema. They read what the viewset's queryset fetched along:
nothing here queries per document."""

from django.utils import timezone, translation
from rest_framework.fields import Field
from wagtail.api.utils import get_full_url

from blocs.api import PageFullUrlField
from core.api.fields import endpoint_detail_url
from core.api.serializers import NestedSerializers
from core.api.shapes import BOOLEAN, INTEGER, STRING, Custom, Date, Object, Related
from core.api.shapes import Value as Plain
from snippets.models import Agency, Person

from .models import ExtractionOutcome
from .status import REVERSE_WORDING, RelationKind, Status

LEGAL_DOCUMENTS_ENDPOINT = "legal-documents"
PERSON_FIELDS = AGENCY_FIELDS = ("slug",)


def document_status(page):
    """The status the listing's query computed (`status_expression`), else computed here."""
    return getattr(page, "computed_status", None) or page.status


def status_schema(builder):
    return {**STRING, "enum": Status.values}


def approved_comments(page):
    """The count the listing's query annotated, else counted here."""
    count = getattr(page, "approved_comment_count", None)
    return page.consultation_comments.approved().count() if count is None else count


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
            "approved_comments": approved_comments(page),
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
    "status": ShapeField(Custom(None, lambda page, context: document_status(page), status_schema)),
    "issue_date": ShapeField(Date("issue_date")),
    "effective_date": ShapeField(Date("effective_date")),
    "expiry_date": ShapeField(Date("expiry_date")),
    "attachments": AttachmentsField(),
    "relations": RelationsField(),
    "consultation": ConsultationField(),
}
