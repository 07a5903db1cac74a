"""The bloc pages: the bloc index, with the agency profiles (`AgencyRecord`, their links:
`AgencyLinker`), and one page per bloc."""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.indexing import FOLDED_SEARCH_FIELDS, FoldedSearchMixin
from core.localised_routes import VIETNAMESE_SUFFIX, LocalisedRoutesMixin
from core.text import searchable_text
from core.visibility import RoutedRestrictionsMixin, visible_pages
from snippets.models import Agency

from ..panels import BlocYearsPanel
from .agency_news import agency_news
from .queries import attach_years, current_year, members_year, published_awards
from .years import BlocMembership, BlocYear, BlocYearAward, BlocYearExceededTarget

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
# How many related news items a bloc page lists.
RELATED_NEWS_COUNT = 10


class BlocIndexPage(
    FoldedSearchMixin, LocalisedRoutesMixin, RoutablePageMixin, RoutedRestrictionsMixin, Page
):
    """The "Khối thi đua" section: every bloc, and a public profile page per agency
    ("don-vi/<slug>/" on the Vietnamese site, "agencies/<slug>/" on the others)."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blocs.BlocPage"]
    max_count_per_parent = 1
    localised_routes = frozenset({"agencies", "agency"})

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro"), *FOLDED_SEARCH_FIELDS]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("emulation bloc index")
        verbose_name_plural = _("emulation bloc indexes")

    def blocs(self):
        return visible_pages(BlocPage.objects).child_of(self).order_by("path")

    def get_cached_paths(self):
        """The agency index is purged with it (core.purging)."""
        return [*super().get_cached_paths(), self.reverse_subpage("agencies")]

    @classmethod
    def get_cached_urls_of(cls, obj, batch):
        """An agency is shown on its profile and in the agency index, in its language."""
        if not isinstance(obj, Agency):
            return []
        urls = []
        for index_page in cls.objects.filter(locale_id=obj.locale_id).select_related("locale"):
            base = index_page.get_full_url(batch)
            if base:
                profile = index_page.reverse_subpage("agency", kwargs={"slug": obj.slug})
                urls += [base + index_page.reverse_subpage("agencies"), base + profile]
        return urls

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        match = getattr(request, "routable_resolver_match", None)
        if match is None or match.url_name == "index_route":
            blocs = attach_years(self.blocs())
            for bloc in blocs:
                bloc.current_year = current_year(bloc.published_years)
            context["blocs"] = blocs
        base = self.get_url(request)
        context["agencies_url"] = base + self.reverse_subpage("agencies") if base else None
        return context

    # Agency profiles ----------------------------------------------------------------------

    def agency_url(self, agency, request=None):
        base = self.get_url(request)
        if base is None:
            return None
        return base + self.reverse_subpage("agency", kwargs={"slug": agency.slug})

    def agencies(self):
        return Agency.objects.live().filter(locale_id=self.locale_id).order_by("name")

    @path("don-vi/", name="agencies_vi")
    @path("agencies/", name="agencies")
    def agency_index(self, request):
        return self.render(
            request,
            template="blocs/agency_index.html",
            context_overrides={"agencies": list(self.agencies())},
        )

    @path("don-vi/<slug:slug>/", name="agency_vi")
    @path("agencies/<slug:slug>/", name="agency")
    def agency_profile(self, request, slug):
        agency = self.agencies().select_related("parent", "logo").filter(slug=slug).first()
        if agency is None:
            raise Http404(_("Unknown agency."))
        return self.render(
            request,
            template="blocs/agency_page.html",
            context_overrides={"agency": agency, **AgencyRecord(agency, request).as_context()},
        )

    def translated_subpage_path(self, translation, url_name, args, kwargs):
        """The sub-page's path below `translation`: an agency's profile leads to its
        translation's (slugs may differ by language); None when it has none there."""
        if url_name.removesuffix(VIETNAMESE_SUFFIX) == "agency":
            slug = Agency.objects.translated_slug(
                kwargs["slug"], self.locale_id, translation.locale_id
            )
            if slug is None:
                return None
            kwargs = {"slug": slug}
        return translation.specific.reverse_subpage(url_name, args=args, kwargs=kwargs)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if base:
            urls.append({"location": base + self.reverse_subpage("agencies")})
            urls.extend(
                {"location": base + self.reverse_subpage("agency", kwargs={"slug": slug})}
                for slug in self.agencies().values_list("slug", flat=True)
            )
        return urls


class BlocPage(FoldedSearchMixin, RoutedRestrictionsMixin, Page):
    """One emulation bloc: its current year, heads by year, awards by year, related news."""

    short_name = models.CharField(
        _("short name"),
        max_length=160,
        blank=True,
        help_text=_('For example "Khối Văn hóa - xã hội".'),
    )
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    parent_page_types = ["blocs.BlocIndexPage"]
    subpage_types = []
    # Site-wide changes (banners, settings) leave its cached copies until their s-maxage.
    purged_by_site_changes = False

    content_panels = Page.content_panels + [
        FieldPanel("short_name"),
        FieldPanel("intro"),
        BlocYearsPanel(heading=_("Years")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("short_name"),
        index.SearchField("intro"),
        index.SearchField("search_mottos"),
        *FOLDED_SEARCH_FIELDS,
    ]
    api_fields = [APIField("short_name"), APIField("intro")]

    class Meta:
        verbose_name = _("emulation bloc")
        verbose_name_plural = _("emulation blocs")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        attach_years([self])
        years = self.published_years
        current = current_year(years)
        context.update(
            years=years,
            current_year=current,
            members_year=members_year(years, current),
            related_news=self.related_news(years),
            **self.year_summaries(years, current),
        )
        return context

    @staticmethod
    def year_summaries(years, current):
        """The years to list in the heads table and the review timeline, and the years left
        out of each, so that the page says so in one sentence instead of a column of blanks."""
        with_heads = [year for year in years if year.head or year.deputies]
        reviewed = [
            year for year in years if year.has_review or (year.motto and year is not current)
        ]
        return {
            "years_with_heads": with_heads,
            "any_deputies": any(year.deputies for year in with_heads),
            "years_without_heads": [year.year for year in years if year not in with_heads],
            "years_reviewed": reviewed,
            "years_not_reviewed": [year.year for year in years if not year.has_review],
        }

    def search_mottos(self):
        """The covenant mottos of the bloc's published years."""
        years = BlocYear.objects.live().for_bloc(self).exclude(motto="")
        return " ".join(years.values_list("motto", flat=True))

    def search_text_parts(self):
        return [self.short_name, searchable_text(self, "intro"), self.search_mottos()]

    def related_news(self, years, limit=RELATED_NEWS_COUNT):
        """Published event reports linked to this bloc's years, or signing its covenants."""
        try:
            report_model = BlocYear._meta.get_field("event_reports").related_model
        except FieldDoesNotExist:  # the articles app is not installed
            return []
        signing_ids = [year.signing_report_id for year in years if year.signing_report_id]
        return list(
            visible_pages(report_model.objects)
            .filter(locale_id=self.locale_id)
            .filter(
                Q(bloc_term__bloc__translation_key=self.translation_key, bloc_term__live=True)
                | Q(pk__in=signing_ids)
            )
            .distinct()
            .order_by("-first_published_at", "-pk")[:limit]
        )


class AgencyRecord:
    """What the emulation movement records about one agency, for its profile page."""

    def __init__(self, agency, request=None):
        self.agency = agency
        self.request = request

    def public_blocs(self):
        return visible_pages(BlocPage.objects)

    def memberships(self):
        return list(
            BlocMembership.objects.filter(
                agency=self.agency,
                bloc_year__live=True,
                bloc_year__bloc__in=self.public_blocs(),
            )
            .select_related("bloc_year__bloc")
            .order_by("-bloc_year__year", "bloc_year__bloc__title")
        )

    def awards(self):
        return list(
            published_awards()
            .filter(recipients__agency=self.agency)
            .prefetch_related(
                Prefetch(
                    "bloc_year_links",
                    queryset=BlocYearAward.objects.filter(
                        bloc_year__live=True, bloc_year__bloc__in=self.public_blocs()
                    ).select_related("bloc_year__bloc"),
                )
            )
            .distinct()
            .order_by("-year", "title")
        )

    def years_leading(self):
        return list(
            BlocYear.objects.live()
            .filter(leading_unit=self.agency, bloc__in=self.public_blocs())
            .order_by("-year")
        )

    def years_exceeding_targets(self):
        return list(
            BlocYearExceededTarget.objects.filter(
                agency=self.agency,
                bloc_year__live=True,
                bloc_year__bloc__in=self.public_blocs(),
            )
            .select_related("bloc_year__bloc")
            .order_by("-bloc_year__year")
        )

    def as_context(self):
        memberships = self.memberships()
        awards = self.awards()
        years_leading = self.years_leading()
        years_exceeding_targets = self.years_exceeding_targets()
        return {
            "news": agency_news(self.agency, self.request),
            "has_emulation_record": bool(
                memberships or awards or years_leading or years_exceeding_targets
            ),
            "memberships": memberships,
            "years_as_head": [row for row in memberships if row.role == BlocMembership.Role.HEAD],
            "years_as_deputy": [
                row for row in memberships if row.role == BlocMembership.Role.DEPUTY
            ],
            "awards": awards,
            "years_leading": years_leading,
            "years_exceeding_targets": years_exceeding_targets,
        }


class AgencyLinker:
    """Links to agency profiles: each lives under the bloc index page of the agency's language.

    One query per language however many agencies are linked; keep one per request
    (`agency_linker(request)`).
    """

    def __init__(self, request=None):
        self.request = request
        self._index_pages = {}

    def index_page(self, locale_id):
        if locale_id not in self._index_pages:
            self._index_pages[locale_id] = (
                visible_pages(BlocIndexPage.objects)
                .filter(locale_id=locale_id)
                .select_related("locale")  # its routes are named by its language
                .order_by("path")
                .first()
            )
        return self._index_pages[locale_id]

    def url(self, agency):
        if agency is None or not agency.live:
            return None
        index_page = self.index_page(agency.locale_id)
        return index_page.agency_url(agency, self.request) if index_page else None


def agency_linker(request):
    if request is None:
        return AgencyLinker()
    linker = getattr(request, "_blocs_agency_linker", None)
    if linker is None:
        linker = request._blocs_agency_linker = AgencyLinker(request)
    return linker
