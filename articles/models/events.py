"""Event reports: news articles with the event's facts, officials, agencies and awards."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from blocs.models import BlocPage, BlocYear
from blocs.serializers import BlocTermField
from core.api.fields import PublishedObjectListField
from core.visibility import is_visible
from snippets.models import Agency, AwardRecipient

from .common import linked
from .news import NewsArticlePage


class EventReportPage(NewsArticlePage):
    """A news article about an event: when, where, who presided, who took part, what was awarded."""

    event_start = models.DateTimeField(_("event start"))
    event_end = models.DateTimeField(_("event end"), null=True, blank=True)
    venue = models.CharField(
        _("venue"),
        max_length=255,
        blank=True,
        help_text=_('For example "Trung tâm Hội nghị thành phố".'),
    )
    venue_address = models.CharField(
        _("address of the venue"),
        max_length=255,
        blank=True,
        help_text=_(
            "Search engines show an event only with its place: give the venue, its address or both."
        ),
    )
    bloc_term = models.ForeignKey(
        "blocs.BlocYear",
        verbose_name=_("emulation bloc and year"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="event_reports",
        help_text=_("The bloc year this event belongs to: the bloc's page then lists this report."),
    )

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []

    content_panels = NewsArticlePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("event_start"), FieldPanel("event_end")]),
                FieldRowPanel([FieldPanel("venue"), FieldPanel("venue_address")]),
                FieldPanel("bloc_term"),
                InlinePanel("officials", heading=_("Officials present"), label=_("official")),
                InlinePanel(
                    "participating_agencies",
                    heading=_("Participating agencies"),
                    label=_("agency"),
                ),
                InlinePanel("awards_conferred", heading=_("Awards conferred"), label=_("award")),
            ],
            heading=_("Event"),
        ),
    ]
    search_fields = NewsArticlePage.search_fields + [
        index.SearchField("venue"),
        index.SearchField("venue_address"),
    ]

    def search_related_text(self):
        """Also the officials, participating agencies, awards and bloc of the event."""
        names = [super().search_related_text()]
        for link in self.live_officials:
            names += [link.person.name, link.person.position, link.role]
        for agency in self.live_participating_agencies:
            names += [agency.name, agency.short_name, agency.abbreviation]
        names += [award.title for award in self.live_awards_conferred]
        term = self.bloc_term
        if term is not None and term.live and is_visible(term.bloc):
            names += [term.bloc.title, term.bloc.short_name, term.motto]
        return " ".join(name for name in names if name)

    def search_text_parts(self):
        return [*super().search_text_parts(), self.venue, self.venue_address]

    api_fields = NewsArticlePage.api_fields + [
        APIField("bloc_term", serializer=BlocTermField()),
        APIField("event_start"),
        APIField("event_end"),
        APIField("venue"),
        APIField("venue_address"),
        APIField(
            "officials",
            serializer=PublishedObjectListField(
                "officials", "person", extra_fields=("role", "presided")
            ),
        ),
        APIField(
            "participating_agencies",
            serializer=PublishedObjectListField("participating_agencies", "agency"),
        ),
        APIField(
            "awards_conferred", serializer=PublishedObjectListField("awards_conferred", "award")
        ),
    ]

    class Meta:
        verbose_name = _("event report")
        verbose_name_plural = _("event reports")

    def clean(self):
        super().clean()
        if self.event_start and self.event_end and self.event_end < self.event_start:
            raise ValidationError({"event_end": _("The event cannot end before it starts.")})

    def add_appearances(self, batch):
        """The bloc pages listing it: its bloc year's, and those whose covenant it signs."""
        years = BlocYear.objects.filter(Q(pk=self.bloc_term_id) | Q(signing_report_id=self.pk))
        for bloc in BlocPage.objects.filter(pk__in=years.values("bloc_id")):
            batch.add_page_and_api(bloc)

    @cached_property
    def live_officials(self):
        return [
            link
            for link in linked(self, "officials", "person", "person__agency")
            if link.person.live
        ]

    @cached_property
    def live_participating_agencies(self):
        return [
            link.agency
            for link in linked(self, "participating_agencies", "agency")
            if link.agency.live
        ]

    @cached_property
    def live_awards_conferred(self):
        return [
            link.award
            for link in self.awards_conferred.select_related(
                "award", "award__conferred_by_person", "award__conferred_by_agency"
            ).prefetch_related(
                Prefetch("award__recipients", AwardRecipient.objects.select_related("agency"))
            )
            if link.award.live
        ]


class EventOfficial(TranslatableMixin, Orderable):
    page = ParentalKey(EventReportPage, on_delete=models.CASCADE, related_name="officials")
    person = models.ForeignKey(
        "snippets.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(
        _("role at the event"),
        max_length=120,
        blank=True,
        help_text=_('For example "chủ trì" (presided) or "dự" (attended).'),
    )
    presided = models.BooleanField(_("presided"), default=False)

    panels = [FieldRowPanel([FieldPanel("person"), FieldPanel("role"), FieldPanel("presided")])]
    api_fields = [APIField("person"), APIField("role"), APIField("presided")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("official present")
        verbose_name_plural = _("officials present")


class EventAgency(TranslatableMixin, Orderable):
    page = ParentalKey(
        EventReportPage, on_delete=models.CASCADE, related_name="participating_agencies"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("agency")]
    api_fields = [APIField("agency")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("participating agency")
        verbose_name_plural = _("participating agencies")


class EventAward(TranslatableMixin, Orderable):
    page = ParentalKey(EventReportPage, on_delete=models.CASCADE, related_name="awards_conferred")
    award = models.ForeignKey(
        "snippets.Award", verbose_name=_("award"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("award")]
    api_fields = [APIField("award")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("award conferred")
        verbose_name_plural = _("awards conferred")
