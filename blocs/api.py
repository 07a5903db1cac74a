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

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from rest_framework.fields import Field
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.documents import get_document_model
from wagtail.models import Page

from core.api.fields import endpoint_detail_url
from core.api.filters import (
    LocaleFilter,
    PublishedRangeFilter,
    UpdatedSinceFilter,
    checked_backends,
)
from core.api.serializers import NestedSerializers
from core.api.views import TranslatableAPIViewSet
from core.internals import api_fields
from core.visibility import visible_pages
from snippets.api import AwardsAPIViewSet
from snippets.models import Agency, Award

from .filters import AwardBlocFilter, BlocYearFilter, YearFilters
from .models import BlocMembership, BlocPage, BlocYearAward, attach_years
from .serializers import BLOCS_ENDPOINT, bloc_summary, bloc_summary_schema

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


class BlocYearsField(Field):
    """A bloc's published years, newest first, narrowed by the request's year filters."""

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
            self.year_representation(year) for year in page.published_years if filters.matches(year)
        ]

    def agency(self, agency):
        if agency is None or not agency.live:
            return None
        return self._nested(Agency, agency, AGENCY_FIELDS)

    def year_representation(self, year):
        nested = self._nested
        return {
            "id": year.pk,
            "year": year.year,
            "head": self.agency(year.head),
            "deputies": [self.agency(agency) for agency in year.deputies],
            "members": [
                {"agency": self.agency(row.agency), "role": row.role} for row in year.member_rows
            ],
            "members_complete": year.members_complete,
            "covenant": {
                "motto": year.motto,
                "signed_on": year.covenant_signed_on.isoformat()
                if year.covenant_signed_on
                else None,
                "signing_report": nested(Page, year.signing_report, ("html_url",)),
                "document": nested(get_document_model(), year.covenant_document),
            },
            "review": {
                "leading_unit": self.agency(year.leading_unit),
                "exceeded_targets": [
                    self.agency(agency) for agency in year.exceeded_target_agencies
                ],
                "summary": year.review_summary,
            },
            "awards": [nested(Award, award, AWARD_FIELDS) for award in year.award_list],
        }

    def openapi_schema(self, builder, model):
        agency = builder.nullable(builder.model_ref(Agency))
        year = {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "year": {"type": "integer"},
                "head": agency,
                "deputies": {"type": "array", "items": agency},
                "members": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "agency": agency,
                            "role": {"type": "string", "enum": BlocMembership.Role.values},
                        },
                        "required": ["agency", "role"],
                        "additionalProperties": False,
                    },
                },
                "members_complete": {"type": "boolean"},
                "covenant": {
                    "type": "object",
                    "properties": {
                        "motto": {"type": "string"},
                        "signed_on": builder.nullable({"type": "string", "format": "date"}),
                        "signing_report": builder.nullable(builder.model_ref(Page)),
                        "document": builder.nullable(builder.model_ref(get_document_model())),
                    },
                    "required": ["motto", "signed_on", "signing_report", "document"],
                    "additionalProperties": False,
                },
                "review": {
                    "type": "object",
                    "properties": {
                        "leading_unit": agency,
                        "exceeded_targets": {"type": "array", "items": agency},
                        "summary": {"type": "string"},
                    },
                    "required": ["leading_unit", "exceeded_targets", "summary"],
                    "additionalProperties": False,
                },
                "awards": {"type": "array", "items": builder.model_ref(Award)},
            },
            "required": ["id", "year", "head", "deputies", "members", "members_complete"],
            "additionalProperties": False,
        }
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


class BlocsAPIViewSet(TranslatableAPIViewSet):
    name = BLOCS_ENDPOINT
    model = BlocPage
    body_fields = TranslatableAPIViewSet.body_fields + ["title", "slug"]
    meta_fields = TranslatableAPIViewSet.meta_fields + ["html_url", "first_published_at"]
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
    known_query_parameters = TranslatableAPIViewSet.known_query_parameters.union(
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

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, award):
        return [
            {"year": link.bloc_year.year, "bloc": bloc_summary(link.bloc_year.bloc, self.context)}
            for link in award.bloc_year_links.all()
        ]

    def openapi_schema(self, builder, model):
        link = {
            "type": "object",
            "properties": {"year": {"type": "integer"}, "bloc": bloc_summary_schema(builder)},
            "required": ["year", "bloc"],
            "additionalProperties": False,
        }
        return {"type": "array", "items": link}


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
