"""The images and documents endpoints: Wagtail's, with what every endpoint of the portal
shares, and only the files published content uses."""

from wagtail.api import APIField
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet

from core.visibility import published_media

from .fields import PrefetchedTagsMixin
from .filters import LanguageNeutralLocaleFilter, UpdatedSinceFilter, checked_backends
from .images import (
    ImageAltField,
    ImageOwnRenditionsField,
    ImageSrcsetField,
    api_rendition_specs,
    private_collections,
)
from .views import CachedAPIMixin


class PortalImagesAPIViewSet(CachedAPIMixin, ImagesAPIViewSet):
    """Wagtail's images endpoint, taking `?locale=` like every endpoint but not filtering on it:
    images have no language (see `LanguageNeutralLocaleFilter`). Only images published content
    uses are listed (`core.visibility.published_media`).

    Images have no update time: `?updated_since=` and `Last-Modified` use `created_at` (the
    upload), which `meta.created_at` gives. A replaced file is not seen as an update.

    `?renditions=width-800,fill-400x300` adds those renditions to each image's `renditions`
    and makes its `srcset` of them (`core.api.images.image_renditions`).
    """

    base_serializer_class = type(
        "PortalImageSerializer", (PrefetchedTagsMixin, ImageSerializer), {}
    )
    last_modified_field = "created_at"
    filter_backends = checked_backends(
        [LanguageNeutralLocaleFilter, UpdatedSinceFilter, *ImagesAPIViewSet.filter_backends]
    )
    known_query_parameters = ImagesAPIViewSet.known_query_parameters.union(
        ["locale", "updated_since", "renditions"]
    )
    body_fields = ImagesAPIViewSet.body_fields + [
        APIField("alt", serializer=ImageAltField()),
        APIField("renditions", serializer=ImageOwnRenditionsField()),
        APIField("srcset", serializer=ImageSrcsetField()),
    ]
    meta_fields = ImagesAPIViewSet.meta_fields + ["created_at"]
    listing_default_fields = ImagesAPIViewSet.listing_default_fields + [
        "created_at",
        "alt",
        "width",
        "height",
        "renditions",
        "srcset",
    ]

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        # `renditions` is the image's reverse relation, but here a parameter: no field filter.
        fields = super().get_available_fields(model, db_fields_only)
        return [name for name in fields if not db_fields_only or name != "renditions"]

    def get_queryset(self):
        # Wagtail leaves out the private collections this request may not see; none are
        # served here, whatever the session. Published content must use the image.
        return (
            published_media(super().get_queryset())
            .exclude(collection__in=private_collections())
            .prefetch_related("tags")
            .prefetch_renditions(*api_rendition_specs(self.request))
        )


class PortalDocumentsAPIViewSet(CachedAPIMixin, DocumentsAPIViewSet):
    """Wagtail's documents endpoint, taking `?locale=` like every endpoint but not filtering on
    it: documents have no language (see `LanguageNeutralLocaleFilter`). Only documents
    published content uses are listed (`core.visibility.published_media`).

    Documents have no update time: `?updated_since=` and `Last-Modified` use `created_at` (the
    upload), which `meta.created_at` gives. A replaced file is not seen as an update.
    """

    base_serializer_class = type(
        "PortalDocumentSerializer", (PrefetchedTagsMixin, DocumentSerializer), {}
    )
    last_modified_field = "created_at"
    filter_backends = checked_backends(
        [LanguageNeutralLocaleFilter, UpdatedSinceFilter, *DocumentsAPIViewSet.filter_backends]
    )
    known_query_parameters = DocumentsAPIViewSet.known_query_parameters.union(
        ["locale", "updated_since"]
    )
    meta_fields = DocumentsAPIViewSet.meta_fields + ["created_at"]
    listing_default_fields = DocumentsAPIViewSet.listing_default_fields + ["created_at"]

    def get_queryset(self):
        # Wagtail leaves out private collections; published content must use the document.
        return published_media(super().get_queryset()).prefetch_related("tags")
