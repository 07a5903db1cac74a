"""Read-only API v2 endpoints of the reference data: agencies, people, awards, banners.

Only published objects are served (banners also only inside their schedule). Related
agencies, people and pages are nested like any Wagtail API object, and become null when
they are not published. The image field and the filters are meant for other apps' endpoints.
"""

from django.db.models import Prefetch
from rest_framework.fields import Field
from rest_framework.filters import BaseFilterBackend
from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.serializers import BaseSerializer, RelatedField
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale

from .models import Agency, Award, AwardRecipient, Banner, Person
from .serializers import ImageRenditionsField, PublishedObjectListField, prefetch_image_renditions


class LocaleField(Field):
    """The object's language code, e.g. "vi"."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        return instance.locale.language_code


class PublishedRelatedField(RelatedField):
    """A nested related object, or null while that object is not published."""

    def get_attribute(self, instance):
        related = super().get_attribute(instance)
        if related is not None and not getattr(related, "live", True):
            return None
        return related


class ReferenceDataSerializer(BaseSerializer):
    serializer_related_field = PublishedRelatedField
    locale = LocaleField(read_only=True)


class BannerLinkField(Field):
    """Where a banner leads: the full URL of its published page, else its URL, else null."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, banner):
        if banner.link_page_id and banner.link_page.live:
            return banner.link_page.get_full_url(self.context["request"])
        return banner.link_url or None


class LocaleFilter(BaseFilterBackend):
    """`?locale=vi`: only the objects in that language. Without it, every language."""

    def filter_queryset(self, request, queryset, view):
        language_code = request.GET.get("locale")
        if language_code is None:
            return queryset
        languages = get_content_languages()
        if language_code not in languages:
            raise BadRequestError(f"locale must be one of: {', '.join(languages)}")
        return queryset.filter(locale=Locale.objects.filter(language_code=language_code).first())


class ReferenceDataAPIViewSet(BaseAPIViewSet):
    """Published objects of one reference data model, in every language or in `?locale=`."""

    base_serializer_class = ReferenceDataSerializer
    # SearchFilter must stay last: search results cannot be filtered further.
    filter_backends = [FieldsFilter, LocaleFilter, OrderingFilter, SearchFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["locale"])
    meta_fields = BaseAPIViewSet.meta_fields + ["locale", "last_published_at"]
    # Serialisers of single fields, replacing what Wagtail would derive from the model.
    field_serializers = {}

    @classmethod
    def get_listing_default_fields(cls, model):
        return cls.get_available_fields(model)

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {**super().get_field_serializer_overrides(model), **cls.field_serializers}

    def get_published_queryset(self):
        """The published objects, with every related object the serialiser reads fetched."""
        raise NotImplementedError

    def get_queryset(self):
        return (
            self.get_published_queryset()
            .select_related("locale")
            .order_by(*self.model._meta.ordering, "id")
        )


class AgenciesAPIViewSet(ReferenceDataAPIViewSet):
    name = "agencies"
    model = Agency
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["name", "abbreviation"]
    field_serializers = {"logo": ImageRenditionsField()}

    def get_published_queryset(self):
        return (
            Agency.objects.live()
            .select_related("parent", "logo")
            .prefetch_related(prefetch_image_renditions("logo"))
        )


class PeopleAPIViewSet(ReferenceDataAPIViewSet):
    name = "people"
    model = Person
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["name", "position"]
    field_serializers = {"photo": ImageRenditionsField()}

    def get_published_queryset(self):
        return (
            Person.objects.live()
            .select_related("agency", "photo")
            .prefetch_related(prefetch_image_renditions("photo"))
        )


class AwardsAPIViewSet(ReferenceDataAPIViewSet):
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


class BannersAPIViewSet(ReferenceDataAPIViewSet):
    name = "banners"
    model = Banner
    # The search index cannot filter on the schedule (Banner.search_fields has no filter
    # fields for it), so banners, which are few anyway, cannot be searched here.
    filter_backends = [FieldsFilter, LocaleFilter, OrderingFilter]
    known_query_parameters = ReferenceDataAPIViewSet.known_query_parameters - {
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
            .prefetch_related(prefetch_image_renditions("image"))
        )
