"""Public queries: published data only, in a fixed number of queries."""

from collections import defaultdict

from django.db.models import F, Prefetch
from django.utils import timezone
from wagtail.models import Locale, Page

from core.visibility import visible_pages
from snippets.models import Award, AwardRecipient

from .years import BlocMembership, BlocYear, BlocYearAward, BlocYearExceededTarget


def published_awards():
    """Published awards with their conferrers and published named recipients."""
    return (
        Award.objects.live()
        .select_related("conferred_by_person", "conferred_by_agency")
        .prefetch_related(
            Prefetch(
                "recipients",
                queryset=AwardRecipient.objects.filter(agency__live=True).select_related("agency"),
            )
        )
    )


def published_years():
    """Published bloc years with every row the pages and the API show, prefetched.

    Seven queries whatever the number of years, members and awards: years (with their
    bloc, leading unit and document), signing reports (view restrictions are
    cached, see `core.visibility`),
    members, units that exceeded their targets, awards, award recipients.
    Rows naming an unpublished agency or award are left out.
    """
    return (
        BlocYear.objects.live()
        .select_related("locale", "leading_unit", "covenant_document")
        .prefetch_related(
            Prefetch("signing_report", queryset=visible_pages(Page.objects)),
            Prefetch(
                "memberships",
                queryset=BlocMembership.objects.filter(agency__live=True)
                .select_related("agency")
                .order_by("sort_order", "pk"),
            ),
            Prefetch(
                "exceeded_targets",
                queryset=BlocYearExceededTarget.objects.filter(agency__live=True)
                .select_related("agency")
                .order_by("sort_order", "pk"),
            ),
            Prefetch(
                "awards",
                queryset=BlocYearAward.objects.filter(award__live=True)
                .order_by("sort_order", "pk")
                .select_related("award", "award__conferred_by_person", "award__conferred_by_agency")
                .prefetch_related(
                    Prefetch(
                        "award__recipients",
                        queryset=AwardRecipient.objects.filter(agency__live=True).select_related(
                            "agency"
                        ),
                    )
                ),
            ),
        )
    )


def attach_years(bloc_pages, years_queryset=None):
    """Set `published_years` (newest first) on each bloc page; return the pages as a list.

    A page gets the years in its own language. A page whose language has no years yet
    (a bloc page translated before its years were) gets those of the default language,
    and `years_in_other_language` is set, so that the page can say so.
    """
    pages = list(bloc_pages)
    if not pages:
        return pages
    queryset = published_years() if years_queryset is None else years_queryset
    by_bloc = defaultdict(list)
    for year in (
        queryset.filter(bloc__translation_key__in={page.translation_key for page in pages})
        .annotate(bloc_translation_key=F("bloc__translation_key"))
        .order_by("-year", "pk")
    ):
        by_bloc[year.bloc_translation_key].append(year)
    default_locale = None
    for page in pages:
        candidates = by_bloc[page.translation_key]
        own = [year for year in candidates if year.locale_id == page.locale_id]
        page.years_in_other_language = False
        if candidates and not own:
            if default_locale is None:
                default_locale = Locale.get_default()
            own = [year for year in candidates if year.locale_id == default_locale.pk]
            page.years_in_other_language = bool(own)
        page.published_years = own
    return pages


def current_year(years, today=None):
    """The year to show first: the latest one not in the future, else the earliest one."""
    if not years:
        return None
    this_year = (today or timezone.localdate()).year
    past = [year for year in years if year.year <= this_year]
    if past:
        return max(past, key=lambda year: year.year)
    return min(years, key=lambda year: year.year)


def members_year(years, current):
    """The year whose member list to show: `current` if complete, else the latest complete one
    before it."""
    if current is None:
        return None
    for year in sorted(years, key=lambda year: year.year, reverse=True):
        if year.year <= current.year and year.members_complete and year.members:
            return year
    return None
