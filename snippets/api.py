"""Read-only API v2 endpoints of the reference data: agencies, people, awards, banners.

Only published objects are served (banners also only inside their schedule). Related
agencies, people and pages are nested like any Wagtail API object, and become null when
they are not published. The image field and the filters are meant for other apps' endpoints.
"""

from django.db.models import Prefetch
from rest_framework.fields import Field
from rest_framework.filters import BaseFilterBackend
from wagtail.api import APIField
from wagtail.api.utils import get_full_url
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.serializers import BaseSerializer, RelatedField
from wagtail.api.v2.utils import BadRequestError, get_object_detail_url
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.coreutils import get_content_languages
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError
from wagtail.models import Locale

from .models import Agency, Award, AwardRecipient, Banner, Person

# The renditions every serialised image carries, by name.
IMAGE_RENDITIONS = {"thumbnail": "max-160x160", "large": "max-1200x1200"}


def prefetch_image_renditions(lookup, renditions=IMAGE_RENDITIONS):
    """Prefetch the renditions an ImageRenditionsField needs for the image at `lookup`.

    Use with `select_related(lookup)`: the renditions of every image on the page then cost
    one query in all, as `Image.objects.prefetch_renditions()` does for an image queryset.
    """
    rendition_model = get_image_model().get_rendition_model()
    return Prefetch(
        f"{lookup}__renditions",
        queryset=rendition_model.objects.filter(filter_spec__in=renditions.values()),
        to_attr="prefetched_renditions",
    )


class ImageRenditionsField(Field):
    """An image as a client displays it: its alt text, size and ready-made renditions.

    Example::

        "logo": {
            "id": 4,
            "meta": {"type": "wagtailimages.Image", "detail_url": ".../api/v2/images/4/"},
            "title": "Logo Sở KH&CN",
            "alt": "Logo of the Department of Science and Technology",
            "width": 800,
            "height": 600,
            "renditions": {
                "thumbnail": {"url": "/media/...", "full_url": "http://...", "width": 160, ...},
                "large": {...}
            }
        }

    `alt_source` names an attribute of the serialised object holding its own alt text
    (a banner's), which wins over the image's. A missing source file gives
    `{"id": 4, "error": "SourceImageIOError"}`, as Wagtail's ImageRenditionField does.
    """

    def __init__(self, renditions=IMAGE_RENDITIONS, alt_source=None, **kwargs):
        self.renditions = renditions
        self.alt_source = alt_source
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        image = super().get_attribute(instance)
        if image is None:
            return None
        alt = getattr(instance, self.alt_source) if self.alt_source else ""
        return image, alt or image.default_alt_text

    def to_representation(self, value):
        image, alt = value
        request = self.context["request"]
        try:
            renditions = image.get_renditions(*self.renditions.values())
        except SourceImageIOError:
            return {"id": image.pk, "error": "SourceImageIOError"}
        meta = {"type": f"{image._meta.app_label}.{type(image).__name__}"}
        detail_url = get_object_detail_url(self.context["router"], request, type(image), image.pk)
        if detail_url:
            meta["detail_url"] = detail_url
        return {
            "id": image.pk,
            "meta": meta,
            "title": image.title,
            "alt": alt,
            "width": image.width,
            "height": image.height,
            "renditions": {
                name: {
                    "url": renditions[spec].url,
                    "full_url": get_full_url(request, renditions[spec].url),
                    "width": renditions[spec].width,
                    "height": renditions[spec].height,
                }
                for name, spec in self.renditions.items()
            },
        }


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


class RecipientAgenciesField(Field):
    """An award's named recipients, as the list of their published agencies."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, award):
        if not hasattr(self, "_agency_serializer"):
            router = self.context["router"]
            endpoint = router.get_model_endpoint(Agency)[1]
            serializer_class = endpoint._get_serializer_class(router, Agency, [], nested=True)
            self._agency_serializer = serializer_class(context=self.context)
        return [
            self._agency_serializer.to_representation(recipient.agency)
            for recipient in award.recipients.all()
            if recipient.agency.live
        ]


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
    field_serializers = {"recipients": RecipientAgenciesField()}

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
