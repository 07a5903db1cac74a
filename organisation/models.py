"""The "Giới thiệu" page: the agency's functions, tasks and powers, its history, its
leadership, its focal-point officials for information provision, and its organisation
chart drawn from the units (`snippets.Agency`, a tree by `parent`), with a sub-page per
unit and per leader (Decree 42/2022/NĐ-CP Art. 4 point e)."""

from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from core.api.fields import PublishedObjectListField
from core.localised_routes import VIETNAMESE_SUFFIX, LocalisedRoutesMixin
from core.visibility import RoutedRestrictionsMixin
from snippets.models import Agency, Person, PersonPosition

from .api_fields import OrganisationChartField
from .chart import MAX_DEPTH, build_tree, units_overseen

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class OrganisationPage(LocalisedRoutesMixin, RoutablePageMixin, RoutedRestrictionsMixin, Page):
    """The organisation section; `don-vi/<slug>/` shows a unit, `lanh-dao/<slug>/` a leader
    (`units/<slug>/` and `leaders/<slug>/` in other languages: core.localised_routes)."""

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The department itself: the root of the organisation chart."),
    )
    functions = RichTextField(
        _("functions, tasks and powers"), blank=True, features=RICH_TEXT_FEATURES
    )
    history = RichTextField(_("history"), blank=True, features=RICH_TEXT_FEATURES)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = Page.content_panels + [
        FieldPanel("agency"),
        FieldPanel("functions"),
        InlinePanel("leaders", heading=_("Leadership"), label=_("leader")),
        InlinePanel("focal_points", heading=_("Focal points"), label=_("focal point")),
        FieldPanel("history"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("functions"),
        index.SearchField("history"),
    ]
    api_fields = [
        APIField("agency"),
        APIField("functions"),
        APIField("history"),
        APIField(
            "leaders",
            serializer=PublishedObjectListField("leaders", "person", extra_fields=("role",)),
        ),
        APIField(
            "focal_points",
            serializer=PublishedObjectListField(
                "focal_points", "person", extra_fields=("role", "phone", "email")
            ),
        ),
        APIField("chart", serializer=OrganisationChartField()),
    ]

    class Meta:
        verbose_name = _("organisation page")
        verbose_name_plural = _("organisation pages")

    # The data ----------------------------------------------------------------------------

    @cached_property
    def chart(self):
        """The published units below the agency (`organisation.chart.Unit`), or None."""
        return build_tree(self.agency if self.agency_id else None)

    def units(self):
        return list(self.chart.walk()) if self.chart else []

    @cached_property
    def live_leaders(self):
        """The leadership rows of published people, with the units each oversees."""
        overseen = units_overseen(self.chart)
        rows = [
            row
            for row in self.leaders.select_related("person__photo", "person__agency")
            if row.person.live
        ]
        for row in rows:
            row.units = overseen.get(row.person_id, [])
        return rows

    @cached_property
    def live_focal_points(self):
        return [row for row in self.focal_points.select_related("person") if row.person.live]

    # Sub-pages ---------------------------------------------------------------------------

    localised_routes = frozenset({"unit", "leader"})

    @path("don-vi/<slug:slug>/", name="unit_vi")
    @path("units/<slug:slug>/", name="unit")
    def unit_page(self, request, slug):
        unit = next((u for u in self.units() if u.agency.slug == slug), None)
        if unit is None or unit.depth == 0:
            raise Http404(_("Unknown unit."))
        return self.render(
            request, template="organisation/unit_page.html", context_overrides={"unit": unit}
        )

    @path("lanh-dao/<slug:slug>/", name="leader_vi")
    @path("leaders/<slug:slug>/", name="leader")
    def leader_page(self, request, slug):
        row = next((r for r in self.live_leaders if r.person.slug == slug), None)
        if row is None:
            raise Http404(_("Unknown leader."))
        posts = PersonPosition.objects.filter(person=row.person).select_related("agency")
        return self.render(
            request,
            template="organisation/leader_page.html",
            context_overrides={"leader": row, "posts": posts.order_by("-start_date")},
        )

    def unit_url(self, agency, request=None):
        base = self.get_url(request)
        return base + self.reverse_subpage("unit", kwargs={"slug": agency.slug}) if base else None

    def translated_subpage_path(self, translation, url_name, args, kwargs):
        """A unit's or leader's sub-page leads to its translation's (slugs and, by language,
        segments may differ)."""
        url_name = url_name.removesuffix(VIETNAMESE_SUFFIX)
        model = Agency if url_name == "unit" else Person
        if url_name in ("unit", "leader"):
            slug = model.objects.translated_slug(
                kwargs["slug"], self.locale_id, translation.locale_id
            )
            if slug is None:
                return None
            kwargs = {"slug": slug}
        return translation.specific.reverse_subpage(url_name, args=args, kwargs=kwargs)

    # Caching -----------------------------------------------------------------------------

    def sub_paths(self):
        """The sub-pages' paths: every unit below the agency and every leader."""
        units = [u.agency.slug for u in self.units()[1:]]
        leaders = self.leaders.values_list("person__slug", flat=True)
        return [self.reverse_subpage("unit", kwargs={"slug": s}) for s in units] + [
            self.reverse_subpage("leader", kwargs={"slug": s}) for s in leaders
        ]

    def get_cached_paths(self):
        return [*super().get_cached_paths(), *self.sub_paths()]

    @classmethod
    def get_cached_urls_of(cls, obj, batch):
        """A unit, a person or a post shows on the organisation pages of every language and
        on their sub-pages (the chart, the leaders, a unit's head and sub-units)."""
        if isinstance(obj, PersonPosition):
            obj = obj.person
        if not isinstance(obj, (Agency, Person)):
            return []
        url_name = "unit" if isinstance(obj, Agency) else "leader"
        translations = type(obj).objects.filter(translation_key=obj.translation_key)
        slugs = dict(translations.values_list("locale_id", "slug"))
        urls = []
        for page in pages_showing(cls, obj):
            base = page.get_full_url(batch)
            if not base:
                continue
            paths = page.sub_paths()
            if page.locale_id in slugs:  # its sub-page, even when no longer in the chart
                paths.append(page.reverse_subpage(url_name, kwargs={"slug": slugs[page.locale_id]}))
            urls += [base, *(base + p.lstrip("/") for p in paths)]
        return urls

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if base:
            urls.extend({"location": base + p.lstrip("/")} for p in self.sub_paths())
        return urls


def pages_showing(page_class, obj):
    """The organisation pages showing a unit (one whose agency is the unit or above it) or a
    person (a unit's head or leader in charge, a leader, a focal point), in any language."""
    if isinstance(obj, Agency):
        keys, node = set(), obj
        for _depth in range(MAX_DEPTH):
            keys.add(node.translation_key)
            if node.parent_id is None:
                break
            node = node.parent
        return page_class.objects.filter(agency__translation_key__in=keys)
    same = Person.objects.filter(translation_key=obj.translation_key)
    shown = (
        Agency.objects.filter(Q(head__in=same) | Q(supervisor__in=same)).exists()
        or OrganisationLeader.objects.filter(person__in=same).exists()
        or FocalPoint.objects.filter(person__in=same).exists()
    )
    return page_class.objects.all() if shown else page_class.objects.none()


class OrganisationLeader(TranslatableMixin, Orderable):
    """The director or a deputy: their areas, contact and photo are the person's own."""

    class Role(models.TextChoices):
        DIRECTOR = "director", _("Director")
        DEPUTY = "deputy", _("Deputy director")

    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="leaders")
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.DEPUTY)

    panels = [FieldRowPanel([FieldPanel("person"), FieldPanel("role")])]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("leader")
        verbose_name_plural = _("leadership")


class FocalPoint(TranslatableMixin, Orderable):
    """An official in charge of providing information (người phát ngôn, đầu mối)."""

    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="focal_points")
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(
        _("role"), max_length=255, help_text=_('For example "Người phát ngôn của Sở".')
    )
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("person"), FieldPanel("role")]),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Contact")),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")

    @property
    def contact_phone(self):
        return self.phone or self.person.phone

    @property
    def contact_email(self):
        return self.email or self.person.official_email
