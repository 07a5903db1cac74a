"""What the blocs' and awards' API filters select: a bloc's years by `?year=`, `?agency=` and
`?role=`, the awards by `?bloc=` and `?recipient_agency=` (see `blocs.api`)."""

from dataclasses import dataclass

from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError

from core.api.parameters import id_or_slug, parse_year
from core.visibility import visible_pages
from snippets.models import Agency, AwardRecipient

from .models import BlocMembership, BlocPage, BlocYear, BlocYearAward


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
