"""A bloc's years: members and roles, the covenant, and the review of the year."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin, TranslatableMixin
from wagtail.search import index

from core.text import folded_for_index
from snippets.models import Agency, Award

# The page type of a covenant's signing report. A string: blocs must not import articles.
SIGNING_REPORT_PAGE_TYPE = "articles.EventReportPage"


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
        "blocs.BlocPage", verbose_name=_("bloc"), on_delete=models.PROTECT, related_name="years"
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
            # BlocPage, whose module imports this one.
            bloc_pages = self._meta.get_field("bloc").related_model.objects
            translated = bloc_pages.filter(
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
