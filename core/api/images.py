"""Images as the API serialises them: alt text, size and the ready-made renditions of
`core.renditions.API`, with the prefetches that keep a listing at a fixed number of queries.
Safe to import from models.py and blocks.py (for `APIField(serializer=...)`, StreamField
blocks): nothing here touches the app registry at import time.
"""

from django.db.models import Prefetch, prefetch_related_objects
from rest_framework.fields import Field
from wagtail.api.utils import get_full_url
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.blocks.struct_block import StructValue
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage, SourceImageIOError

from core.renditions import API as API_RENDITIONS


def prefetch_image_renditions(lookup, renditions=API_RENDITIONS):
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

    def __init__(self, renditions=API_RENDITIONS, alt_source=None, **kwargs):
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
        return serialize_image(image, alt, self.context, self.renditions)

    def openapi_schema(self, builder, model):
        return builder.nullable(builder.image())


def serialize_image(image, alt, context, renditions=API_RENDITIONS):
    """The representation documented on ImageRenditionsField, for use outside serialisers
    too (StreamField blocks). `context` is the serialiser context: request and router."""
    from wagtail.api.v2.utils import get_object_detail_url

    request = context["request"]
    try:
        rendered = rendition_representations(image, request, renditions)
    except SourceImageIOError:
        return {"id": image.pk, "error": "SourceImageIOError"}
    meta = {"type": f"{image._meta.app_label}.{type(image).__name__}"}
    detail_url = get_object_detail_url(context["router"], request, type(image), image.pk)
    if detail_url:
        meta["detail_url"] = detail_url
    return {
        "id": image.pk,
        "meta": meta,
        "title": image.title,
        "alt": alt,
        "width": image.width,
        "height": image.height,
        "renditions": rendered,
    }


def rendition_representations(image, request, renditions=API_RENDITIONS):
    """`{"thumbnail": {"url", "full_url", "width", "height"}, "large": {...}}` for `image`.
    Raises SourceImageIOError when the image's file is missing."""
    rendered = image.get_renditions(*renditions.values())
    return {
        name: {
            "url": rendered[spec].url,
            "full_url": get_full_url(request, rendered[spec].url),
            "width": rendered[spec].width,
            "height": rendered[spec].height,
        }
        for name, spec in renditions.items()
    }


class ImageAltField(Field):
    """The images endpoint's `alt`: the image's default alternative text."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, image):
        return image.default_alt_text

    def openapi_schema(self, builder, model):
        return {"type": "string"}


class ImageOwnRenditionsField(Field):
    """The images endpoint's `renditions` (see `rendition_representations`), or null when
    the image's file is missing."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, image):
        try:
            return rendition_representations(image, self.context["request"])
        except SourceImageIOError:
            return None

    def openapi_schema(self, builder, model):
        return builder.nullable(builder.renditions())


def prefetch_stream_fields(items, field_names, renditions=API_RENDITIONS):
    """Load the StreamFields `field_names` of all `items` (model instances) together.

    Each StreamValue otherwise fetches its own chosen objects (images, documents) when first
    read, and each image its renditions: a listing would cost queries per item. Here every
    stream of the listing goes through one `StreamBlock.bulk_to_python` (one query per kind
    of chosen object), then the renditions of all their images are fetched in one query.
    """
    images = []
    for name in field_names:
        stream_block = items[0]._meta.get_field(name).stream_block
        values = stream_block.bulk_to_python([list(getattr(item, name).raw_data) for item in items])
        for item, value in zip(items, values, strict=True):
            setattr(item, name, value)
            images.extend(_images_in(value))
    if images:
        rendition_model = get_image_model().get_rendition_model()
        prefetch_related_objects(
            images,
            Prefetch(
                "renditions",
                queryset=rendition_model.objects.filter(filter_spec__in=renditions.values()),
                to_attr="prefetched_renditions",
            ),
        )


def _images_in(value):
    """Every image chosen anywhere in a block value (streams, structs and lists nest)."""
    if isinstance(value, AbstractImage):
        yield value
    elif isinstance(value, StreamValue | ListValue):
        for child in value:
            yield from _images_in(getattr(child, "value", child))
    elif isinstance(value, StructValue):
        for child in value.values():
            yield from _images_in(child)
