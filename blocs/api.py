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
from core.api.shapes import BOOLEAN, INTEGER, STRING, Custom, Date, Many, Object, Related, Value
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
