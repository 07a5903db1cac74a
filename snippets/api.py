"""Read-only API v2 endpoints of the reference data: agencies, people, awards, banners.

Only published objects are served (banners also only inside their schedule). Related
agencies, people and pages are nested like any Wagtail API object, and become null when
they are not published. Every endpoint takes `?locale=`, lists each item's translations and
takes `?updated_since=`, `?published_after=` / `?published_before=` on `last_published_at`
(`core.api.views.TranslatableAPIViewSet`).
"""

from django.db.models import Prefetch
from rest_framework.fields import Field
from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter
from wagtail.api.v2.views import BaseAPIViewSet

from core.api.fields import PublishedObjectListField
from core.api.filters import (
    LocaleFilter,
    PublishedRangeFilter,
    UpdatedSinceFilter,
    checked_backends,
)
from core.api.images import ImageRenditionsField, prefetch_image_renditions
from core.api.views import TranslatableAPIViewSet

from .models import Agency, Award, AwardRecipient, Banner, Person, PersonPosition


class BannerLinkField(Field):
    """Where a banner leads (`Banner.target_url`, with its page's full URL), else null."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, banner):
        return banner.target_url(self.context["request"], full=True) or None

    def openapi_schema(self, builder, model):
        return builder.nullable({"type": "string"})


class PositionsField(Field):
    """The posts a person held: title, unit (its id and name, null when unpublished) and
    dates (ISO, `end_date` null while held), newest first."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance.positions.all()

    def to_representation(self, posts):
        return [
            {
                "title": post.title,
                "agency": (
                    {"id": post.agency.pk, "name": post.agency.name}
                    if post.agency is not None and post.agency.live
                    else None
                ),
                "start_date": post.start_date.isoformat(),
                "end_date": post.end_date.isoformat() if post.end_date else None,
            }
            for post in sorted(posts, key=lambda post: post.start_date, reverse=True)
        ]

    def openapi_schema(self, builder, model):
        date = {"type": "string", "format": "date"}
        agency = {
            "type": "object",
            "additionalProperties": False,
            "required": ["id", "name"],
            "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
        }
        post = builder.component(
            "PersonPosition",
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["title", "agency", "start_date", "end_date"],
                "properties": {
                    "title": {"type": "string"},
                    "agency": builder.nullable(agency),
                    "start_date": date,
                    "end_date": builder.nullable(date),
                },
            },
        )
        return {"type": "array", "items": post}


class AgenciesAPIViewSet(TranslatableAPIViewSet):
    name = "agencies"
    model = Agency
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["name", "abbreviation"]
    field_serializers = {"logo": ImageRenditionsField()}

    def get_published_queryset(self):
        return (
            Agency.objects.live()
            .select_related("parent", "logo", "head", "supervisor")
            .prefetch_related(prefetch_image_renditions("logo", self.request))
        )


class PeopleAPIViewSet(TranslatableAPIViewSet):
    name = "people"
    model = Person
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["name", "position"]
    field_serializers = {"photo": ImageRenditionsField(), "positions": PositionsField()}

    def get_published_queryset(self):
        return (
            Person.objects.live()
            .select_related("agency", "photo")
            .prefetch_related(
                prefetch_image_renditions("photo", self.request),
                Prefetch("positions", queryset=PersonPosition.objects.select_related("agency")),
            )
        )


class AwardsAPIViewSet(TranslatableAPIViewSet):
    name = "awards"
    model = Award
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["title", "year"]
    field_serializers = {"recipients": PublishedObjectListField("recipients", "agency")}

    def get_published_queryset(self):
        return (
            Award.objects.live()
            .select_related("conferred_by_agency", "conferred_by_person")
            .prefetch_related(
                Prefetch("recipients", queryset=AwardRecipient.objects.select_related("agency"))
            )
        )


class BannersAPIViewSet(TranslatableAPIViewSet):
    name = "banners"
    model = Banner
    # The search index cannot filter on the schedule (Banner.search_fields has no filter
    # fields for it), so banners, which are few anyway, cannot be searched here.
    filter_backends = checked_backends(
        [FieldsFilter, LocaleFilter, UpdatedSinceFilter, PublishedRangeFilter, OrderingFilter]
    )
    known_query_parameters = TranslatableAPIViewSet.known_query_parameters - {
        "search",
        "search_operator",
    }
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["title"]
    field_serializers = {
        "image": ImageRenditionsField(alt_source="alt_text"),
        "link": BannerLinkField(),
    }

    @classmethod
    def get_body_fields(cls, model):
        # The resolved link comes after the two fields it is resolved from.
        return [*super().get_body_fields(model), APIField("link")]

    def get_published_queryset(self):
        return (
            Banner.objects.visible()
            .select_related("image", "link_page__locale")
            .prefetch_related(prefetch_image_renditions("image", self.request))
        )
