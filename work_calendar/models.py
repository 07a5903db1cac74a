"""The weekly work calendar (lịch công tác tuần): a week, approved as a whole, and its entries.

A week is a snippet with Wagtail's draft, revision, lock and workflow machinery: the secretary
("Văn thư") edits its entries and submits it, a leader ("Lãnh đạo"), moderator or administrator
approves (publishes) it, and only published weeks are shown. Publishing a week that was
already published marks the entries changed or added since (`changes.mark_changes`); saving
one points its entries' participants at their translations in its language (`localising`).
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    PublishingPanel,
)
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from snippets.models import Agency, Person

from .changes import mark_changes
from .localising import localise_participants
from .weeks import week_days, week_label


class WorkWeekQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)


class WorkWeek(
    TranslatableMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
):
    """One week of the agency's leaders' calendar, Monday to Sunday."""

    week_start = models.DateField(_("week starting on (Monday)"))
    note = models.TextField(_("note"), blank=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="work_week")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="work_week",
        for_concrete_model=False,
    )

    objects = WorkWeekQuerySet.as_manager()

    panels = [
        FieldPanel("week_start"),
        FieldPanel("note"),
        InlinePanel("entries", heading=_("Entries"), label=_("entry")),
        PublishingPanel(),
    ]
    search_fields = [
        index.FilterField("week_start"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("work calendar week")
        verbose_name_plural = _("work calendar weeks")
        ordering = ["-week_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "week_start"], name="unique_work_week_per_locale"
            )
        ]

    def __str__(self):
        days = week_days(self.week_start)
        return _("Week %(week)s (%(first)s – %(last)s)") % {
            "week": week_label(self.week_start),
            "first": days[0].strftime("%d/%m"),
            "last": days[-1].strftime("%d/%m/%Y"),
        }

    @property
    def revisions(self):
        return self._revisions

    @property
    def label(self):
        return week_label(self.week_start)

    def clean(self):
        super().clean()
        if self.week_start and self.week_start.weekday() != 0:
            raise ValidationError({"week_start": _("A week starts on a Monday.")})

    def save(self, *args, **kwargs):
        if not kwargs.get("update_fields"):
            localise_participants(self)
        if self.pk and self.live and not kwargs.get("update_fields"):
            mark_changes(self)
        super().save(*args, **kwargs)

    def add_appearances(self, batch):
        """The calendar pages, feeds and API that show this week (core.purging)."""
        from .pages import WorkCalendarPage

        batch.add_urls(WorkCalendarPage.cached_urls_of_week(self, batch))
        for entry in WorkEntry.objects.filter(week=self):
            batch.add_api_object(entry)


class WorkEntry(TranslatableMixin, Orderable, ClusterableModel):
    """One engagement: when, what, where, who presides, who takes part, who prepares."""

    class Change(models.TextChoices):
        NONE = "", _("As approved")
        CHANGED = "changed", _("Changed")
        ADDED = "added", _("Added")

    week = ParentalKey(WorkWeek, on_delete=models.CASCADE, related_name="entries")
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    content = models.TextField(_("content"))
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    presider = models.ForeignKey(
        Person,
        verbose_name=_("presided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="presided_work_entries",
    )
    participant_units = ParentalManyToManyField(
        Agency, verbose_name=_("participating units"), blank=True, related_name="+"
    )
    participant_people = ParentalManyToManyField(
        Person, verbose_name=_("participating people"), blank=True, related_name="+"
    )
    participants_text = models.CharField(_("other participants"), max_length=255, blank=True)
    preparer = models.CharField(
        _("prepared by"), max_length=255, blank=True, help_text=_('For example "Văn phòng Sở".')
    )
    # Set on publishing (changes.mark_changes), never by the form.
    change = models.CharField(
        _("change"), max_length=10, choices=Change.choices, blank=True, editable=False
    )
    changed_at = models.DateTimeField(_("changed at"), null=True, editable=False)
    modified_at = models.DateTimeField(_("last modified"), null=True, editable=False)
    sequence = models.PositiveIntegerField(_("revision number"), default=0, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("content"),
        FieldPanel("venue"),
        FieldPanel("presider"),
        FieldPanel("participant_units"),
        FieldPanel("participant_people"),
        FieldPanel("participants_text"),
        FieldPanel("preparer"),
    ]

    # Published with its week: the change log (core.changes) records the entries then.
    change_log_parent = "week"

    # Served by work_calendar.api, which says how the times, week and people are shown.
    api_fields = [
        "week",
        "date",
        "start_time",
        "end_time",
        "content",
        "venue",
        "presider",
        "participant_units",
        "participant_people",
        "participants_text",
        "preparer",
        "change",
        "changed_at",
        "sequence",
        "modified_at",
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("work calendar entry")
        verbose_name_plural = _("work calendar entries")
        indexes = [models.Index(fields=["date", "start_time"], name="work_entry_date_time")]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.start_time:%H:%M} {self.content[:60]}"

    def clean(self):
        super().clean()
        if self.end_time and self.start_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("The end must come after the start.")})
        try:
            week = self.week
        except WorkWeek.DoesNotExist:
            week = None
        in_week = week is None or not week.week_start or not self.date
        if not in_week and self.date not in week_days(week.week_start):
            raise ValidationError({"date": _("The date must fall within the week.")})


# The page type lives in its own module; imported here so that Django finds it.
from .pages import WorkCalendarPage as WorkCalendarPage  # noqa: E402
