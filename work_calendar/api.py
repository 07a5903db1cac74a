"""`/api/v2/work-calendar/`: the entries of the approved (published) weeks, read-only::

    {
        "id": 12,
        "meta": {"type": "work_calendar.WorkEntry", "detail_url": ..., "locale": "vi",
                 "translations": [...], "modified_at": "2026-12-01T08:00:00Z"},
        "week": "2026-W49", "date": "2026-12-03", "start_time": "08:00",
        "end_time": "11:30" or null, "content": "...", "venue": "...",
        "presider": {"id", "name", "position", "slug"} or null,
        "participant_units": [{"id", "name", "slug"}], "participant_people": [...],
        "participants_text": "...", "preparer": "...",
        "change": "" | "changed" | "added", "changed_at": ... or null, "sequence": 0
    }

Filters: `?week=2026-W49`, `?leader=<person slug>` (presides or takes part), `?locale=`,
`?updated_since=` (on `modified_at`: entries changed or added by a publication since then).
Entries of a week withdrawn (unpublished) disappear. Only weeks in a language whose calendar
page readers may see are served. Every answer costs a fixed number of queries.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from rest_framework.fields import Field
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet

from core.api.filters import LocaleFilter, UpdatedSinceFilter
from core.api.parameters import SLUG_PATTERN
from core.api.serializers import TranslatableSerializer
from core.api.views import CachedAPIMixin, TranslationsMixin
from core.visibility import visible_pages
from snippets.models import Person

from .models import WorkCalendarPage, WorkEntry
from .queries import published_entries
from .weeks import WEEK_PATTERN, BadWeek, parse_week, week_days

ENDPOINT = "work-calendar"
PERSON = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string"},
        "slug": {"type": "string"},
        "position": {"type": "string"},
    },
    "required": ["id", "name", "slug"],
    "additionalProperties": False,
}


def summary(obj, with_position=False):
    data = {"id": obj.pk, "name": obj.name, "slug": obj.slug}
    if with_position:
        data["position"] = obj.position
    return data


class TimeField(Field):
    def get_attribute(self, instance):
        return getattr(instance, self.field_name)

    def to_representation(self, value):
        return value.strftime("%H:%M")

    def openapi_schema(self, builder, model):
        schema = {"type": "string", "pattern": r"^\d\d:\d\d$", "examples": ["08:00"]}
        return builder.nullable(schema) if model._meta.get_field(self.field_name).null else schema


class WeekField(Field):
    def get_attribute(self, instance):
        return instance.week.label

    def to_representation(self, value):
        return value

    def openapi_schema(self, builder, model):
        return {"type": "string", "pattern": WEEK_PATTERN.pattern, "examples": ["2026-W49"]}


class PresiderField(Field):
    """The presiding leader while published, else null."""

    def get_attribute(self, instance):
        return instance.presider

    def to_representation(self, person):
        return summary(person, with_position=True) if person.live else None

    def openapi_schema(self, builder, model):
        return builder.nullable(builder.component("WorkCalendarPerson", PERSON))


class ParticipantsField(Field):
    """The published units or people taking part (prefetched live ones only)."""

    def get_attribute(self, instance):
        return list(getattr(instance, self.field_name).all())

    def to_representation(self, objects):
        return [summary(obj) for obj in objects]

    def openapi_schema(self, builder, model):
        return {"type": "array", "items": builder.component("WorkCalendarPerson", PERSON)}


class WeekAndLeaderFilter(BaseFilterBackend):
    """`?week=2026-W49` and `?leader=<slug>`: the entries a published person of that slug
    presides or takes part in; a 400 answer for a bad week, a malformed slug or one no
    published person has."""

    def filter_queryset(self, request, queryset, view):
        week = request.GET.get("week")
        if week is not None:
            try:
                monday = parse_week(week.strip())
            except BadWeek as error:
                raise BadRequestError("week must be an ISO week such as 2026-W49") from error
            queryset = queryset.filter(date__range=(monday, week_days(monday)[-1]))
        slug = request.GET.get("leader")
        if slug is not None:
            if not SLUG_PATTERN.fullmatch(slug.strip()):
                raise BadRequestError("leader must be a person's slug")
            slug = slug.strip()
            if not Person.objects.live().filter(slug=slug).exists():
                raise BadRequestError("leader: no published person has this slug")
            queryset = queryset.filter(
                Q(presider__slug=slug, presider__live=True)
                | Q(participant_people__slug=slug, participant_people__live=True)
            ).distinct()
        return queryset


class WorkCalendarAPIViewSet(CachedAPIMixin, TranslationsMixin, BaseAPIViewSet):
    """The approved entries: see the module's docstring."""

    name = ENDPOINT
    model = WorkEntry
    base_serializer_class = TranslatableSerializer
    last_modified_field = "modified_at"
    filter_backends = [LocaleFilter, WeekAndLeaderFilter, UpdatedSinceFilter]
    known_query_parameters = CachedAPIMixin.known_query_parameters.union(
        ["locale", "fallback", "week", "leader"]
    )
    meta_fields = BaseAPIViewSet.meta_fields + ["locale", "fallback", "translations", "modified_at"]
    body_fields = BaseAPIViewSet.body_fields + [
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
    ]
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["date", "content"]
    openapi_parameters = {
        "week": (
            {"type": "string", "pattern": WEEK_PATTERN.pattern, "examples": ["2026-W49"]},
            _("ISO week (Monday to Sunday), such as 2026-W49; years 2000 to 2100."),
        ),
        "leader": (
            {"type": "string", "pattern": r"^\s*[-a-zA-Z0-9_]{1,255}\s*$"},
            _("Slug of a person who presides or takes part."),
        ),
    }

    @classmethod
    def get_listing_default_fields(cls, model):
        return cls.get_available_fields(model)

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {
            **super().get_field_serializer_overrides(model),
            "week": WeekField(read_only=True),
            "start_time": TimeField(read_only=True),
            "end_time": TimeField(read_only=True, allow_null=True),
            "presider": PresiderField(read_only=True, allow_null=True),
            "participant_units": ParticipantsField(read_only=True),
            "participant_people": ParticipantsField(read_only=True),
        }

    def check_query_parameters(self, queryset):
        unknown = set(self.request.GET.keys()) - self.known_query_parameters
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a recognised field: "
                + ", ".join(sorted(name[:100] for name in unknown))
            )

    def get_queryset(self):
        pages = visible_pages(WorkCalendarPage.objects.all(), self.request)
        return published_entries(pages.values("locale_id"))

    def get_translation_candidates(self):
        return self.get_queryset().select_related(None).prefetch_related(None)
