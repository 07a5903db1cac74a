"""Emulation blocs (khối thi đua): named groups of agencies and what each year brings them.

The public side is made of pages, so that blocs get URLs, previews, menus, the pages API
and wagtail-localize's page translation: a `BlocIndexPage` ("Khối thi đua") lists the
`BlocPage`s, and also serves a profile page per agency (`agencies/<slug>/`).

The yearly data is relational and lives in `BlocYear`, one snippet per bloc and year,
edited on its own admin screen with inline rows:

- `BlocMembership`: the member agencies, each with its role (head, deputy head, member).
  The head and deputy heads are roles of member rows, so they are members by construction;
- the covenant (giao ước thi đua): motto, signing date, signing event report, document;
- the review: the leading unit, `BlocYearExceededTarget` rows (units that exceeded their
  targets) and `BlocYearAward` rows (the awards conferred for that year).

Each `BlocYear` and its rows are translatable: wagtail-localize maps their agencies and
awards to their translations. A year belongs to a bloc *across languages*: it is found by
the bloc page's `translation_key` and the year's own locale, so a translated year still
belongs to its bloc whichever language version of the bloc page its `bloc` points at.

Blocs sit below articles in the layers: nothing here imports `articles`. Event reports
link to a `BlocYear` from their side (`EventReportPage.bloc_term`, reverse name
`event_reports`), and the signing report is a plain page link limited to event reports.
"""

from collections import defaultdict

from django.core.exceptions import FieldDoesNotExist
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Prefetch, Q
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    Locale,
    Orderable,
    Page,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index

from core.indexing import FOLDED_SEARCH_FIELDS, FoldedSearchMixin
from core.text import folded_for_index, searchable_text
from core.visibility import visible_pages
from snippets.models import Agency, Award, AwardRecipient

from .panels import BlocYearsPanel

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
# The page type of a covenant's signing report. A string: blocs must not import articles.
SIGNING_REPORT_PAGE_TYPE = "articles.EventReportPage"
# How many related news items a bloc page lists.
RELATED_NEWS_COUNT = 10


class BlocIndexPage(FoldedSearchMixin, RoutablePageMixin, Page):
    """The "Khối thi đua" section: every bloc, and a public profile page per agency."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blocs.BlocPage"]
    max_count_per_parent = 1

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
        for index_page in cls.objects.filter(locale_id=obj.locale_id):
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

    @path("agencies/", name="agencies")
    def agency_index(self, request):
        return self.render(
            request,
            template="blocs/agency_index.html",
            context_overrides={"agencies": list(self.agencies())},
        )

    @path("agencies/<slug:slug>/", name="agency")
    def agency_profile(self, request, slug):
        agency = self.agencies().select_related("parent", "logo").filter(slug=slug).first()
        if agency is None:
            raise Http404(_("Unknown agency."))
        return self.render(
            request,
            template="blocs/agency_page.html",
            context_overrides={"agency": agency, **AgencyRecord(agency).as_context()},
        )

    def translated_subpage_path(self, translation, url_name, args, kwargs):
        """The sub-page's path below `translation`: an agency's profile leads to its
        translation's (slugs may differ by language); None when it has none there."""
        if url_name == "agency":
            slug = (
                Agency.objects.live()
                .filter(
                    locale_id=translation.locale_id,
                    translation_key__in=Agency.objects.filter(
                        locale_id=self.locale_id, slug=kwargs["slug"]
                    ).values("translation_key"),
                )
                .values_list("slug", flat=True)
                .first()
            )
            if slug is None:
                return None
            kwargs = {"slug": slug}
        return self.reverse_subpage(url_name, args=args, kwargs=kwargs)

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


class BlocPage(FoldedSearchMixin, Page):
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
        )
        return context

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


class BlocYearQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def for_bloc(self, bloc_page):
        """The years of a bloc in the bloc page's language."""
        return self.filter(
            bloc__translation_key=bloc_page.translation_key, locale_id=bloc_page.locale_id
        )


class BlocYearManager(models.Manager.from_queryset(BlocYearQuerySet)):
    def get_queryset(self):
        # A year is always shown with its bloc ("Khối ... – 2024"): fetch them together.
        return super().get_queryset().select_related("bloc")


class BlocYear(TranslatableMixin, DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """One year of a bloc: members and roles, the covenant, and the review of the year."""

    bloc = models.ForeignKey(
        BlocPage, verbose_name=_("bloc"), on_delete=models.PROTECT, related_name="years"
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1945), MaxValueValidator(2100)]
    )
    members_complete = models.BooleanField(
        _("the member list is complete"),
        default=True,
        help_text=_(
            "Untick when only some members of this year are known: the website then says "
            "that the list is incomplete."
        ),
    )
    # The covenant (giao ước thi đua).
    motto = models.CharField(
        _("motto"),
        max_length=500,
        blank=True,
        help_text=_('For example "đoàn kết, sáng tạo, tăng tốc và hiệu quả".'),
    )
    covenant_signed_on = models.DateField(_("covenant signed on"), null=True, blank=True)
    signing_report = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("event report of the signing"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    covenant_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("covenant document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The review of the year.
    leading_unit = models.ForeignKey(
        Agency,
        verbose_name=_("leading unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="bloc_years_led",
        help_text=_('The unit that received the flag "Đơn vị dẫn đầu khối thi đua".'),
    )
    review_summary = models.TextField(_("summary of the review"), blank=True)

    objects = BlocYearManager()

    search_fields = [
        index.SearchField("motto"),
        index.AutocompleteField("motto"),
        index.RelatedFields("bloc", [index.SearchField("title")]),
        index.SearchField("search_folded_text"),
        index.FilterField("year"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("bloc year")
        verbose_name_plural = _("bloc years")
        ordering = ["-year", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["bloc", "year", "locale"], name="unique_bloc_year_per_locale"
            )
        ]

    def __str__(self):
        if self.bloc_id is None:
            return str(self.year or "")
        return f"{self.bloc.short_name or self.bloc.title} – {self.year}"

    def add_appearances(self, batch):
        """The bloc's page shows its years."""
        batch.add_page_and_api(self.bloc)

    def save(self, *args, **kwargs):
        # A translated year points at the bloc page of its own language once there is one.
        if self.bloc_id and self.locale_id and self.bloc.locale_id != self.locale_id:
            translated = BlocPage.objects.filter(
                translation_key=self.bloc.translation_key, locale_id=self.locale_id
            ).first()
            if translated is not None:
                self.bloc = translated
        super().save(*args, **kwargs)

    def search_folded_text(self):
        return folded_for_index(self.motto, self.bloc.title, self.bloc.short_name)

    # Read from the rows, which the public queries prefetch (published agencies only).

    @cached_property
    def member_rows(self):
        return list(self.memberships.all())

    @cached_property
    def head(self):
        return next(
            (row.agency for row in self.member_rows if row.role == BlocMembership.Role.HEAD),
            None,
        )

    @cached_property
    def deputies(self):
        return [row.agency for row in self.member_rows if row.role == BlocMembership.Role.DEPUTY]

    @cached_property
    def members(self):
        return [row.agency for row in self.member_rows]

    @cached_property
    def exceeded_target_agencies(self):
        return [row.agency for row in self.exceeded_targets.all()]

    @cached_property
    def award_list(self):
        return [row.award for row in self.awards.all()]

    @property
    def live_leading_unit(self):
        unit = self.leading_unit
        return unit if unit is not None and unit.live else None

    @property
    def has_covenant(self):
        return bool(
            self.motto or self.covenant_signed_on or self.signing_report or self.covenant_document
        )

    @property
    def has_review(self):
        return bool(
            self.live_leading_unit
            or self.exceeded_target_agencies
            or self.award_list
            or self.review_summary
        )


class BlocMembership(TranslatableMixin, Orderable):
    """A member agency of a bloc in one year, with its role."""

    class Role(models.TextChoices):
        HEAD = "head", _("Head")
        DEPUTY = "deputy", _("Deputy head")
        MEMBER = "member", _("Member")

    bloc_year = ParentalKey(BlocYear, on_delete=models.CASCADE, related_name="memberships")
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="bloc_memberships"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)

    panels = [FieldRowPanel([FieldPanel("agency"), FieldPanel("role")])]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self):
        return f"{self.agency} ({self.get_role_display()})"


class BlocYearExceededTarget(TranslatableMixin, Orderable):
    """A unit that exceeded its targets in the year (hoàn thành vượt chỉ tiêu)."""

    bloc_year = ParentalKey(BlocYear, on_delete=models.CASCADE, related_name="exceeded_targets")
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="bloc_years_exceeded_targets",
    )

    panels = [FieldPanel("agency")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("unit that exceeded its targets")
        verbose_name_plural = _("units that exceeded their targets")


class BlocYearAward(TranslatableMixin, Orderable):
    """An award conferred for the year on the bloc's units."""

    bloc_year = ParentalKey(BlocYear, on_delete=models.CASCADE, related_name="awards")
    award = models.ForeignKey(
        Award, verbose_name=_("award"), on_delete=models.PROTECT, related_name="bloc_year_links"
    )

    panels = [FieldPanel("award")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("award of the year")
        verbose_name_plural = _("awards of the year")


# Public queries: published data only, in a fixed number of queries -----------------------


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


class AgencyRecord:
    """What the emulation movement records about one agency, for its profile page."""

    def __init__(self, agency):
        self.agency = agency

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
        return {
            "memberships": memberships,
            "years_as_head": [row for row in memberships if row.role == BlocMembership.Role.HEAD],
            "years_as_deputy": [
                row for row in memberships if row.role == BlocMembership.Role.DEPUTY
            ],
            "awards": self.awards(),
            "years_leading": self.years_leading(),
            "years_exceeding_targets": self.years_exceeding_targets(),
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
