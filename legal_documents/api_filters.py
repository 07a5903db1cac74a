"""The filters of `/api/v2/legal-documents/` (see `legal_documents.api`), and their
descriptions in the OpenAPI document.

They mean what the registry page's facets mean: `?type=<slug>`, `?issuer=<id or slug>`,
`?field=<subject area slug>`, `?signer=<id or slug>`, `?year=` (of the issue date),
`?status=`, `?number=` (exact, or the start of a number part by part, typed any way),
`?is_draft=`; `?order=` takes one of `ORDERINGS`. An unknown value is a 400 answer. Each
filter is on an indexed field (or on ids), so that `?search=`, last, still works after it.
"""

from datetime import date

from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError

from core.api.parameters import SLUG_PATTERN, id_or_slug, parse_year
from snippets.models import Agency, Person

from .models import DocumentType, LegalDocumentPage, SubjectArea
from .numbers import number_key, number_match_q
from .status import Status, status_expression

FILTER_PARAMETERS = ["type", "issuer", "field", "signer", "year", "status", "number", "is_draft"]
# `?order=` values, as the database orders, the id breaking ties. Documents without an issue
# date (drafts) come first newest first, as on the Văn bản page, and last oldest first,
# whatever the database; newest first is PostgreSQL's own order of a descending index
# (`legal_newest_issued`), read without sorting.
ORDERINGS = {
    "-issue_date": (F("issue_date").desc(nulls_first=True), "-id"),
    "issue_date": (F("issue_date").asc(nulls_last=True), "id"),
    "-last_published_at": ("-last_published_at", "-id"),
}
BOOLEANS = {"true": True, "1": True, "false": False, "0": False}
MAX_NUMBER_LENGTH = 80


def translations_of(matching, name, request_value):
    """The ids of every language version of the objects of `matching` (one query); a 400
    answer naming `name` when there is none."""
    model = matching.model
    keys = matching.values("translation_key")
    ids = list(model.objects.filter(translation_key__in=keys).values_list("pk", flat=True))
    if not ids:
        raise BadRequestError(f"{name}: no such value {request_value[:50]!r}")
    return ids


def slug_condition(request, name):
    value = request.GET[name].strip()
    if not SLUG_PATTERN.fullmatch(value):
        raise BadRequestError(f"{name} must be a slug")
    return Q(slug=value)


class LegalDocumentFilter(BaseFilterBackend):
    """`?type=`, `?issuer=`, `?field=`, `?signer=`, `?year=`, `?status=`, `?number=`,
    `?is_draft=` (see the module's docstring)."""

    def filter_queryset(self, request, queryset, view):
        params = request.GET
        for name, field, model in (
            ("type", "document_type", DocumentType),
            ("field", "subject_area", SubjectArea),
        ):
            if name in params:
                matching = model.objects.filter(slug_condition(request, name))
                ids = translations_of(matching, name, params[name])
                queryset = queryset.filter(**{f"{field}__in": ids})
        for name, model in (("issuer", Agency), ("signer", Person)):
            condition = id_or_slug(request, name)
            if condition is not None:
                matching = model.objects.live().filter(condition)
                ids = translations_of(matching, name, params[name])
                queryset = queryset.filter(**{f"{name}__in": ids})
        year = parse_year(request)
        if year is not None:
            queryset = queryset.filter(
                issue_date__gte=date(year, 1, 1), issue_date__lte=date(year, 12, 31)
            )
        return self.filter_state(request, queryset)

    def filter_state(self, request, queryset):
        params = request.GET
        if "status" in params:
            status = params["status"]
            if status not in Status.values:
                raise BadRequestError(f"status must be one of: {', '.join(Status.values)}")
            matching = LegalDocumentPage.objects.annotate(
                state=status_expression(every_row=True)
            ).filter(state=status)
            queryset = queryset.filter(id__in=matching.values("id"))
        if "number" in params:
            value = params["number"]
            if not number_key(value) or len(value) > MAX_NUMBER_LENGTH:
                raise BadRequestError(
                    "number must be a document number or its start, such as 15/2024/QĐ-UBND"
                )
            queryset = queryset.filter(number_match_q(value))
        if "is_draft" in params:
            value = params["is_draft"]
            if value not in BOOLEANS:
                raise BadRequestError("is_draft must be true or false")
            queryset = queryset.filter(is_draft=BOOLEANS[value])
        return queryset


class LegalDocumentOrdering(BaseFilterBackend):
    """`?order=-issue_date` (the default), `issue_date` or `-last_published_at`."""

    def filter_queryset(self, request, queryset, view):
        order = request.GET.get("order")
        if order is None:
            return queryset
        if order not in ORDERINGS:
            raise BadRequestError(f"order must be one of: {', '.join(ORDERINGS)}")
        return queryset.order_by(*ORDERINGS[order])


def openapi_parameters():
    """How the OpenAPI document describes this endpoint's own parameters."""
    slug = {"type": "string", "pattern": r"^\s*[-a-zA-Z0-9_]{1,255}\s*$"}
    id_or_slug_schema = {"type": "string", "pattern": r"^\s*([0-9]+|[-a-zA-Z0-9_]{1,255})\s*$"}
    return {
        "type": (slug, _("Document type slug (quyet-dinh, cong-van…); an unknown one is a 400.")),
        "issuer": (id_or_slug_schema, _("Issuing agency id or slug (published agencies only).")),
        "field": (slug, _("Subject area (lĩnh vực) slug, such as giao-duc.")),
        "signer": (id_or_slug_schema, _("Signer (a published person) id or slug.")),
        "year": (
            {"type": "integer", "minimum": 1, "maximum": 9999},
            _("Documents issued that year."),
        ),
        "status": (
            {"type": "string", "enum": Status.values},
            _("Legal status, as on the document's page; computed from its dates and relations."),
        ),
        "number": (
            {"type": "string", "minLength": 1, "maxLength": MAX_NUMBER_LENGTH},
            _(
                "Number and symbol, exactly or its first parts, typed any way:"
                " `15/2024/QĐ-UBND`, `15/2024/qd-ubnd`, `15 2024`."
            ),
        ),
        "is_draft": (
            {"type": "string", "enum": list(BOOLEANS)},
            _("Only drafts for public comment (true) or only final documents (false)."),
        ),
        "order": (
            {"type": "string", "enum": list(ORDERINGS)},
            _(
                "Newest issued first (`-issue_date`, the default), oldest first, or last"
                " published first; drafts, without an issue date, come first newest first and"
                " last oldest first. With `search` and no `order`, by relevance."
            ),
        ),
    }
