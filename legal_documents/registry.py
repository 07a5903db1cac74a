"""The registry's filters and facets, shared by the "Văn bản" page and the API.

`clean_filters(values)` reads the filter values a reader sent (type, issuer, field, signer,
year, status, q) and refuses unknown or malformed ones with `InvalidFilter`;
`filter_documents(queryset, values)` narrows a queryset of documents by them;
`facet_counts(queryset, values)` counts the documents per value of each facet given the
other active filters (classic faceting), one GROUP BY query per facet whatever the number
of documents.

A query `q` that looks like a document number (`15/2024/qd-ubnd`, `15 2024`) matches the
numbers part by part; other words go through the search backend (which folds diacritics)
over the title, number, abstract, full text and the attached files' text. The backend
hands over at most `MAX_WORD_MATCHES` documents (the newest issued): a words search is a
filter among them, and `facet_counts` says whether the cut was reached.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.text import query_words
from snippets.models import Agency, Person

from .models import DocumentType, LegalDocumentPage, SubjectArea
from .numbers import looks_like_number, number_match_q
from .status import Status, status_expression

FACETS = ("type", "issuer", "field", "signer", "year", "status")
FILTER_KEYS = (*FACETS, "q")
MAX_VALUE_LENGTH = 200
MAX_WORD_MATCHES = 1000
STATUS_FIELD = "computed_status"
_SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")
_YEAR = re.compile(r"^\d{4}$")

# facet: (model of its values, the document's field, whether only live values count)
SLUG_FACETS = {
    "type": (DocumentType, "document_type", False),
    "issuer": (Agency, "issuer", True),
    "field": (SubjectArea, "subject_area", False),
    "signer": (Person, "signer", True),
}
FACET_LABELS = {
    "type": _("Document type"),
    "issuer": _("Issuing agency"),
    "field": _("Subject area"),
    "signer": _("Signer"),
    "year": _("Year of issue"),
    "status": _("Legal status"),
}
UNKNOWN_MESSAGES = {
    "type": _("There is no such document type."),
    "issuer": _("There is no such issuing agency."),
    "field": _("There is no such subject area."),
    "signer": _("There is no such signer."),
}


class InvalidFilter(ValueError):
    """A filter value that is malformed (status 400) or names nothing (status 404)."""

    def __init__(self, key, message, status=400):
        super().__init__(str(message))
        self.key = key
        self.message = message
        self.status = status


@dataclass
class Filters:
    """Cleaned filter values: a condition per active facet, and the query."""

    conditions: dict = field(default_factory=dict)
    values: dict = field(default_factory=dict)
    query: str = ""
    is_number: bool = False
    today: date = None
    # The ids the words matched (see `word_matches`), once looked up; whether they were cut.
    matched_ids: list = None
    capped: bool = False

    def key(self):
        """What identifies the selection (a cache key part)."""
        return "&".join(f"{key}={self.values[key]}" for key in sorted(self.values))


def _text_value(values, key):
    value = values.get(key) or ""
    if not isinstance(value, str):
        raise InvalidFilter(key, _("This filter takes one value."))
    if "\x00" in value:
        raise InvalidFilter(key, _("The value contains characters that are not allowed."))
    if len(value) > MAX_VALUE_LENGTH:
        raise InvalidFilter(key, _("The value is too long."))
    return value.strip()


def _slug_condition(key, slug):
    model, document_field, live_only = SLUG_FACETS[key]
    if not _SLUG.match(slug):
        raise InvalidFilter(key, UNKNOWN_MESSAGES[key], status=404)
    found = model.objects.filter(slug=slug)
    if live_only:
        found = found.filter(live=True)
    ids = list(found.values_list("pk", flat=True))
    if not ids:
        raise InvalidFilter(key, UNKNOWN_MESSAGES[key], status=404)
    return Q(**{f"{document_field}__in": ids})


def _year_condition(value):
    if not _YEAR.match(value) or not 1900 <= int(value) <= 2100:
        raise InvalidFilter("year", _("The year must be written with four digits, as 2024."))
    year = int(value)
    return Q(issue_date__gte=date(year, 1, 1), issue_date__lt=date(year + 1, 1, 1))


def _status_condition(value):
    if value not in Status.values:
        raise InvalidFilter("status", _("There is no such status."))
    return Q(**{STATUS_FIELD: value})


def clean_filters(values, today=None):
    """`Filters` from the raw values (a dict or a QueryDict); raises `InvalidFilter`."""
    filters = Filters(today=today or timezone.localdate())
    for key in FACETS:
        value = _text_value(values, key)
        if not value:
            continue
        if key in SLUG_FACETS:
            filters.conditions[key] = _slug_condition(key, value)
        elif key == "year":
            filters.conditions[key] = _year_condition(value)
        else:
            filters.conditions[key] = _status_condition(value)
        filters.values[key] = value
    query = " ".join(_text_value(values, "q").split())
    if query:
        filters.query = query
        filters.values["q"] = query
        filters.is_number = looks_like_number(query)
    return filters


def with_status(queryset, today=None, every_row=False):
    """The documents with their status computed (`computed_status`); `every_row` when the
    status of each document of the set is read (see `status_expression`)."""
    if STATUS_FIELD in queryset.query.annotations:
        return queryset
    return queryset.annotate(**{STATUS_FIELD: status_expression(today, every_row)})


def word_matches(queryset, query):
    """The ids of the documents of `queryset` matching the words (the newest issued first,
    at most `MAX_WORD_MATCHES`); None when the query holds no word."""
    if not query_words(query):
        return None
    # Only the ids are read: a match's full text can be long.
    candidates = (
        LegalDocumentPage.objects.filter(pk__in=queryset.values("pk"))
        .only("pk")
        .order_by("-issue_date", "-first_published_at")
    )
    results = candidates.search(query, operator="and", order_by_relevance=False)
    return [page.pk for page in results[:MAX_WORD_MATCHES]]


def _narrow(queryset, filters, skip=None):
    if "status" in filters.conditions and skip != "status":
        queryset = with_status(queryset, filters.today, every_row=True)
    for key, condition in filters.conditions.items():
        if key != skip:
            queryset = queryset.filter(condition)
    return queryset


def _matching(queryset, filters):
    """`queryset` narrowed by the query alone (number or words)."""
    if not filters.query:
        return queryset
    if filters.is_number:
        numbered = queryset.filter(number_match_q(filters.query))
        if numbered.exists():
            return numbered
        # "15 cán bộ" starts like a number but is words: search them.
        filters.is_number = False
    if filters.matched_ids is None:
        filters.matched_ids = word_matches(queryset, filters.query)
        filters.capped = len(filters.matched_ids or ()) >= MAX_WORD_MATCHES
    if filters.matched_ids is None:
        return queryset
    return queryset.filter(pk__in=filters.matched_ids)


def filter_documents(queryset, values, today=None):
    """The documents of `queryset` that the filter values (raw or `Filters`) select."""
    filters = values if isinstance(values, Filters) else clean_filters(values, today)
    return _narrow(_matching(queryset, filters), filters)


def _group(queryset, key, today):
    if key in SLUG_FACETS:
        document_field = SLUG_FACETS[key][1]
        rows = queryset.exclude(**{f"{document_field}__isnull": True}).values(document_field)
        column = document_field
    elif key == "year":
        rows = queryset.exclude(issue_date__isnull=True).annotate(
            facet_year=ExtractYear("issue_date")
        )
        rows, column = rows.values("facet_year"), "facet_year"
    else:
        rows = with_status(queryset, today, every_row=True).values(STATUS_FIELD)
        column = STATUS_FIELD
    counted = rows.annotate(documents=Count("pk")).order_by()
    return {row[column]: row["documents"] for row in counted.values(column, "documents")}


def facet_counts(queryset, values, today=None):
    """{facet: {value id (or year, status): documents}} over the documents of `queryset`
    matching the query, each facet counted under the other facets' filters."""
    filters = values if isinstance(values, Filters) else clean_filters(values, today)
    matching = _matching(queryset, filters)
    return {key: _group(_narrow(matching, filters, skip=key), key, filters.today) for key in FACETS}


def _labelled(key, ids):
    """{id: (slug, label)} of the facet's values, in the order they are listed."""
    model, _field, live_only = SLUG_FACETS[key]
    objects = model.objects.filter(pk__in=ids)
    if live_only:
        objects = objects.filter(live=True)
    order = ("sort_order", "name") if model is DocumentType else ("name",)
    return {obj.pk: (obj.slug, str(obj)) for obj in objects.order_by(*order)}


def facet_options(counts, filters):
    """{facet: [{"value", "label", "count", "selected"}]}: what a reader may choose, with
    the documents each choice finds (values with no document are left out)."""
    options = {}
    for key in FACETS:
        found = counts.get(key, {})
        if key in SLUG_FACETS:
            labels = _labelled(key, [pk for pk in found if found[pk]]) if found else {}
            rows = [(slug, label, found[pk]) for pk, (slug, label) in labels.items()]
        elif key == "year":
            rows = [(str(year), str(year), found[year]) for year in sorted(found, reverse=True)]
        else:
            rows = [
                (value, label, found[value]) for value, label in Status.choices if value in found
            ]
        selected = filters.values.get(key)
        options[key] = [
            {"value": value, "label": label, "count": count, "selected": value == selected}
            for value, label, count in rows
            if count
        ]
    return options
