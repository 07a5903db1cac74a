"""Read-only API endpoints of the emulation blocs, and the awards endpoint's bloc filter.

`/api/v2/blocs/`: published, public bloc pages, each with every published year::

    {
        "id": 21, "meta": {"type": "blocs.BlocPage", "detail_url": ..., "html_url": ...,
                           "locale": "vi",
                           "translations": [{"locale": "en", "id": 40, "detail_url": ...,
                                             "html_url": ...}], ...},
        "title": "Khối các cơ quan Quản lý nhà nước về Văn hóa - xã hội thành phố",
        "years": [
            {
                "id": 2, "year": 2024,
                "head": {"id": 5, "meta": {...}, "name": "Sở Giáo dục và Đào tạo", ...},
                "deputies": [],
                "members": [{"agency": {...}, "role": "head"}],
                "members_complete": false,
                "covenant": {"motto": "đoàn kết, sáng tạo, tăng tốc và hiệu quả",
                             "signed_on": "2024-01-26", "signing_report": {...}, "document": null},
                "review": {"leading_unit": null, "exceeded_targets": [], "summary": ""},
                "awards": []
            },
            ...
        ]
    }

Filters (listing): `?year=2024` keeps the blocs with a published 2024 and only that year;
`?agency=<id or slug>` keeps the blocs and years the agency was a member of, and with
`&role=head` (or `deputy`, `member`) only those where it had that role. The detail view
(`/api/v2/blocs/<id>/`) narrows its years by the same parameters.
Also: `?locale=vi`, `?slug=`, `?search=`, `?order=`, `?fields=`, and `?updated_since=`,
`?published_after=`, `?published_before=` (ISO 8601) on `last_published_at`.

`/api/v2/awards/` (`BlocAwardsAPIViewSet`, registered in place of the snippets' one): the
awards with the bloc years they were conferred for, filterable by `?bloc=<id or slug>`,
`?year=` and `?recipient_agency=<id or slug>`.

Every listing costs a fixed number of queries, whatever the number of blocs, years,
members and awards (see `blocs.models.published_years`).
"""

import re
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import redirect
from rest_framework.fields import Field
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.documents import get_document_model
from wagtail.models import Page

from core.api.shapes import BOOLEAN, INTEGER, STRING, Custom, Date, Many, Object, Related, Value
from core.internals import api_fields, api_serializer_class
from core.visibility import visible_pages
from snippets.api import (
    AwardsAPIViewSet,
    LocaleFilter,
    PublishedRangeFilter,
    ReferenceDataAPIViewSet,
    UpdatedSinceFilter,
    checked_backends,
)
from snippets.models import Agency, Award, AwardRecipient

from .models import BlocMembership, BlocPage, BlocYear, BlocYearAward, attach_years
from .serializers import BLOCS_ENDPOINT, bloc_summary, bloc_summary_schema, endpoint_detail_url

SLUG_PATTERN = re.compile(r"[-a-zA-Z0-9_]{1,255}")


def parse_year(request, name="year"):
    """`?year=2024` as an int, None when absent; a 400 answer for anything else."""
    value = request.GET.get(name)
    if value is None:
        return None
    value = value.strip()
    if not value.isdigit() or not 1 <= int(value) <= 9999:
        raise BadRequestError(f"{name} must be a year, such as 2024")
    return int(value)


def id_or_slug(request, name):
    """`?name=<id or slug>` as a Q object on the id or slug; None when absent."""
    value = request.GET.get(name)
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return Q(pk=int(value))
    if SLUG_PATTERN.fullmatch(value):
        return Q(slug=value)
    raise BadRequestError(f"{name} must be an id or a slug")


@dataclass(frozen=True)
class YearFilters:
    """What `?year=`, `?agency=` and `?role=` ask of a bloc's years."""

    year: int | None = None
    agency_ids: frozenset | None = None
    role: str | None = None

    @classmethod
    def from_request(cls, request):
        year = parse_year(request)
        agency = id_or_slug(request, "agency")
        role = request.GET.get("role")
        if role is not None:
            if role not in BlocMembership.Role.values:
                raise BadRequestError(
                    f"role must be one of: {', '.join(BlocMembership.Role.values)}"
                )
            if agency is None:
                raise BadRequestError("role is used with agency, e.g. ?agency=so-gddt&role=head")
        agency_ids = None
        if agency is not None:
            agency_ids = frozenset(
                Agency.objects.live().filter(agency).values_list("pk", flat=True)
            )
        return cls(year, agency_ids, role)

    @property
    def active(self):
        return self.year is not None or self.agency_ids is not None

    def matches(self, bloc_year):
        if self.year is not None and bloc_year.year != self.year:
            return False
        if self.agency_ids is not None:
            return any(
                row.agency_id in self.agency_ids and self.role in (None, row.role)
                for row in bloc_year.member_rows
            )
        return True

    def matching_years(self):
        """The published years that match, as a queryset."""
        years = BlocYear.objects.live()
        if self.year is not None:
            years = years.filter(year=self.year)
        if self.agency_ids is not None:
            rows = BlocMembership.objects.filter(agency_id__in=self.agency_ids)
            if self.role is not None:
                rows = rows.filter(role=self.role)
            years = years.filter(pk__in=rows.values("bloc_year_id"))
        return years


class BlocYearFilter(BaseFilterBackend):
    """Listing: only the blocs with a published year matching `?year=` / `?agency=`."""

    def filter_queryset(self, request, queryset, view):
        filters = view.year_filters
        if view.action != "listing_view" or not filters.active:
            return queryset
        return queryset.filter(
            translation_key__in=filters.matching_years().values("bloc__translation_key")
        )


class NestedSerializers:
    """Serialisers of related objects as their own endpoints nest them, built once per field."""

    def __init__(self, context):
        self.context = context
        self._serializers = {}

    def __call__(self, model, obj, fields=()):
        if obj is None:
            return None
        key = (model, fields)
        if key not in self._serializers:
            router = self.context["router"]
            endpoint = router.get_model_endpoint(model)
            endpoint_class = endpoint[1] if endpoint else BaseAPIViewSet
            config = [(name, False, None) for name in fields]
            serializer_class = api_serializer_class(
                endpoint_class, router, model, config, nested=True
            )
            self._serializers[key] = serializer_class(context=self.context)
        return self._serializers[key].to_representation(obj)


AGENCY_FIELDS = ("slug",)
AWARD_FIELDS = (
    "kind",
    "recipients",
    "recipient_count",
    "recipient_description",
    "conferred_by_agency",
    "conferred_by_person",
    "decision_number",
    "decision_date",
)


def nested_agency(source=None):
    """An agency as the agencies endpoint nests it; null when absent or unpublished."""
    return Related(source, Agency, AGENCY_FIELDS, live_only=True)


class BlocYearsField(Field):
    """A bloc's published years, newest first, narrowed by the request's year filters."""

    # Each year, as both the representation and the OpenAPI schema ("BlocYear") give it.
    year_shape = Object(
        {
            "id": Value("pk", INTEGER),
            "year": Value("year", INTEGER),
            "head": nested_agency("head"),
            "deputies": Many("deputies", nested_agency()),
            "members": Many(
                "member_rows",
                Object(
                    {
                        "agency": nested_agency("agency"),
                        "role": Value("role", {**STRING, "enum": BlocMembership.Role.values}),
                    }
                ),
            ),
            "members_complete": Value("members_complete", BOOLEAN),
            "covenant": Object(
                {
                    "motto": Value("motto", STRING),
                    "signed_on": Date("covenant_signed_on"),
                    "signing_report": Related("signing_report", Page, ("html_url",)),
                    "document": Related("covenant_document", get_document_model()),
                }
            ),
            "review": Object(
                {
                    "leading_unit": nested_agency("leading_unit"),
                    "exceeded_targets": Many("exceeded_target_agencies", nested_agency()),
                    "summary": Value("review_summary", STRING),
                }
            ),
            "awards": Many("award_list", Related(None, Award, AWARD_FIELDS, nullable=False)),
        },
        required=["id", "year", "head", "deputies", "members", "members_complete"],
    )

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        if not hasattr(page, "published_years"):
            attach_years([page])
        if not hasattr(self, "_nested"):
            self._nested = NestedSerializers(self.context)
        filters = getattr(self.context.get("view"), "year_filters", None) or YearFilters()
        return [
            self.year_shape.represent(year, self)
            for year in page.published_years
            if filters.matches(year)
        ]

    def nested(self, model, obj, fields):
        return self._nested(model, obj, fields)

    def openapi_schema(self, builder, model):
        year = self.year_shape.schema(builder)
        return {"type": "array", "items": builder.component("BlocYear", year)}


class BlocDetailUrlField(Field):
    """The bloc's address in this endpoint (the router would give the pages endpoint's)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return endpoint_detail_url(self.context, BLOCS_ENDPOINT, page.pk)

    def openapi_schema(self, builder, model):
        return builder.nullable(builder.url())


class PageFullUrlField(Field):
    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return page.get_full_url(self.context["request"])

    def openapi_schema(self, builder, model):
        return builder.nullable(builder.url())


class BlocsAPIViewSet(ReferenceDataAPIViewSet):
    name = BLOCS_ENDPOINT
    model = BlocPage
    body_fields = ReferenceDataAPIViewSet.body_fields + ["title", "slug"]
    meta_fields = ReferenceDataAPIViewSet.meta_fields + ["html_url", "first_published_at"]
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["title", "html_url"]
    # SearchFilter must stay last: search results cannot be filtered further.
    filter_backends = checked_backends(
        [
            FieldsFilter,
            LocaleFilter,
            BlocYearFilter,
            UpdatedSinceFilter,
            PublishedRangeFilter,
            OrderingFilter,
            SearchFilter,
        ]
    )
    known_query_parameters = ReferenceDataAPIViewSet.known_query_parameters.union(
        ["year", "agency", "role"]
    )
    field_serializers = {
        "detail_url": BlocDetailUrlField(),
        "html_url": PageFullUrlField(),
        "years": BlocYearsField(),
    }

    @classmethod
    def get_body_fields(cls, model):
        # The years last, after the page's own fields (short name, introduction).
        return super().get_body_fields(model) + api_fields(cls, ["years"])

    @property
    def year_filters(self):
        if not hasattr(self, "_year_filters"):
            self._year_filters = YearFilters.from_request(self.request)
        return self._year_filters

    def get_published_queryset(self):
        return visible_pages(BlocPage.objects)

    def get_queryset(self):
        return self.get_published_queryset().select_related("locale").order_by("path")

    def paginate_queryset(self, queryset):
        return attach_years(super().paginate_queryset(queryset))

    def get_object(self):
        first_call = not hasattr(self, "_cached_object")
        bloc = super().get_object()
        if first_call:
            attach_years([bloc])
        return bloc

    def find_view(self, request):
        """`find/?slug=...` redirects to the bloc in this endpoint: Wagtail's would name the
        first endpoint serving the model, the pages endpoint (a bloc is a page)."""
        try:
            bloc = self.find_object(self.get_queryset(), request)
        except BlocPage.DoesNotExist:
            bloc = None
        if bloc is None:
            raise Http404("not found")
        context = {"request": request, "router": request.wagtailapi_router}
        query = request.GET.copy()
        for name in self.find_query_parameters:
            query.pop(name, None)
        url = endpoint_detail_url(context, BLOCS_ENDPOINT, bloc.pk)
        return redirect(f"{url}?{query.urlencode()}" if query else url)


class AwardBlocYearsField(Field):
    """The published bloc years an award was conferred for: `[{"year": 2023, "bloc": {...}}]`."""

    # Each link, as both the representation and the OpenAPI schema give it.
    link_shape = Object(
        {
            "year": Value("bloc_year.year", INTEGER),
            "bloc": Custom("bloc_year.bloc", bloc_summary, bloc_summary_schema),
        }
    )

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, award):
        return [self.link_shape.represent(link, self) for link in award.bloc_year_links.all()]

    def openapi_schema(self, builder, model):
        return {"type": "array", "items": self.link_shape.schema(builder)}


class AwardBlocFilter(BaseFilterBackend):
    """`?bloc=<id or slug>`, `?recipient_agency=<id or slug>`; checks `?year=`."""

    def filter_queryset(self, request, queryset, view):
        parse_year(request)  # a 400 answer for a malformed year, before FieldsFilter uses it
        bloc = id_or_slug(request, "bloc")
        if bloc is not None:
            blocs = visible_pages(BlocPage.objects).filter(bloc)
            links = BlocYearAward.objects.filter(
                bloc_year__live=True,
                bloc_year__bloc__translation_key__in=blocs.values("translation_key"),
            )
            queryset = queryset.filter(pk__in=links.values("award_id"))
        agency = id_or_slug(request, "recipient_agency")
        if agency is not None:
            recipients = AwardRecipient.objects.filter(
                agency__in=Agency.objects.live().filter(agency)
            )
            queryset = queryset.filter(pk__in=recipients.values("award_id"))
        return queryset


class BlocAwardsAPIViewSet(AwardsAPIViewSet):
    """The awards endpoint, with the bloc years of each award and a `?bloc=` filter."""

    # The awards' own backends end with the search filter, which must stay last.
    filter_backends = [AwardBlocFilter, *AwardsAPIViewSet.filter_backends]
    known_query_parameters = AwardsAPIViewSet.known_query_parameters.union(
        ["bloc", "recipient_agency"]
    )
    field_serializers = {**AwardsAPIViewSet.field_serializers, "bloc_years": AwardBlocYearsField()}

    @classmethod
    def get_body_fields(cls, model):
        return super().get_body_fields(model) + api_fields(cls, ["bloc_years"])

    def get_published_queryset(self):
        return (
            super()
            .get_published_queryset()
            .prefetch_related(
                Prefetch(
                    "bloc_year_links",
                    queryset=BlocYearAward.objects.filter(
                        bloc_year__live=True,
                        bloc_year__bloc__in=visible_pages(BlocPage.objects),
                    ).select_related("bloc_year__bloc"),
                )
            )
        )
