"""The images and documents endpoints: Wagtail's, with what every endpoint of the portal
shares, and only the files published content uses."""

from wagtail.api import APIField
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet

from core import renditions
from core.visibility import published_media

from .fields import PrefetchedTagsMixin
from .filters import LanguageNeutralLocaleFilter, UpdatedSinceFilter, checked_backends
from .images import ImageAltField, ImageOwnRenditionsField
from .views import CachedAPIMixin


class PortalImagesAPIViewSet(CachedAPIMixin, ImagesAPIViewSet):
    """Wagtail's images endpoint, taking `?locale=` like every endpoint but not filtering on it:
    images have no language (see `LanguageNeutralLocaleFilter`). Only images published content
    uses are listed (`core.visibility.published_media`).

    Images have no update time: `?updated_since=` and `Last-Modified` use `created_at` (the
    upload), which `meta.created_at` gives. A replaced file is not seen as an update.
    """

    base_serializer_class = type(
        "PortalImageSerializer", (PrefetchedTagsMixin, ImageSerializer), {}
    )
    last_modified_field = "created_at"
    filter_backends = checked_backends(
        [LanguageNeutralLocaleFilter, UpdatedSinceFilter, *ImagesAPIViewSet.filter_backends]
    )
    known_query_parameters = ImagesAPIViewSet.known_query_parameters.union(
        ["locale", "updated_since"]
    )
    body_fields = ImagesAPIViewSet.body_fields + [
        APIField("alt", serializer=ImageAltField()),
        APIField("renditions", serializer=ImageOwnRenditionsField()),
    ]
    meta_fields = ImagesAPIViewSet.meta_fields + ["created_at"]
    listing_default_fields = ImagesAPIViewSet.listing_default_fields + [
        "created_at",
        "alt",
        "width",
        "height",
        "renditions",
    ]

    def get_queryset(self):
        # Wagtail leaves out private collections; published content must use the image.
        return (
            published_media(super().get_queryset())
            .prefetch_related("tags")
            .prefetch_renditions(*renditions.API.values())
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
