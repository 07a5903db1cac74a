"""Images as the API serialises them: alt text, size, the ready-made renditions of
`core.renditions.API` and those the request names in `?renditions=` (from the allow-list
`settings.API_RENDITION_SPECS`), with a `srcset`, and the prefetches that keep a listing at a
fixed number of queries. Safe to import from models.py and blocks.py (for
`APIField(serializer=...)`, StreamField blocks): nothing here touches the app registry at
import time.

Renditions asked for are created on the first request that names them (Wagtail's
`get_renditions`, all the missing ones of an image at once) and kept, as every rendition is:
later requests find them in the one prefetch query of the listing. Images in a private
collection (a view restriction on it or on a parent) get no requested renditions: they keep
the ready-made ones the public pages using them show, and nothing new is generated for them.
"""

from django.db.models import (
    CharField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    prefetch_related_objects,
)
from rest_framework.fields import Field
from wagtail.api.utils import get_full_url
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.blocks.struct_block import StructValue
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage, Filter, SourceImageIOError
from wagtail.models import Collection, CollectionViewRestriction

from core.renditions import API as API_RENDITIONS
from core.renditions import prefetch_renditions_of


def requested_renditions(request):
    """`core.api.parameters.requested_renditions`, imported when called: Wagtail's API
    utilities read the app registry when imported."""
    from .parameters import requested_renditions

    return requested_renditions(request)


def api_rendition_specs(request=None, renditions=API_RENDITIONS):
    """Every filter spec the API may serve for an image in this request: the ready-made
    `renditions` and those of `?renditions=`. What the prefetches below fetch."""
    requested = requested_renditions(request) if request is not None else ()
    return tuple(dict.fromkeys([*renditions.values(), *requested]))


def prefetch_image_renditions(lookup, request=None):
    """Prefetch the renditions an ImageRenditionsField needs for the image at `lookup`.

    Use with `select_related(lookup)`: the renditions of every image on the page then cost
    one query in all, as `Image.objects.prefetch_renditions()` does for an image queryset.
    """
    return prefetch_renditions_of(lookup, api_rendition_specs(request))


def private_collections():
    """The collections with a view restriction on them or on a parent, as a subquery for
    `.exclude(collection__in=...)` (no query of its own; search backends take it)."""
    restricted_parent = CollectionViewRestriction.objects.alias(
        own_path=ExpressionWrapper(OuterRef("path"), output_field=CharField())
    ).filter(own_path__startswith=F("collection__path"))
    return Collection.objects.filter(Exists(restricted_parent)).values("pk")


def private_collection_ids(request):
    """The ids of the collections with a view restriction, on them or a parent, whoever asks
    (a session that passed a collection's password changes nothing in the API). Two
    queries, once per request, and only for requests that ask for renditions."""
    if not hasattr(request, "_api_private_collections"):
        paths = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
        condition = Q()
        for path in paths:
            condition |= Q(path__startswith=path)
        request._api_private_collections = (
            set(Collection.objects.filter(condition).values_list("pk", flat=True))
            if condition
            else set()
        )
    return request._api_private_collections


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
                "large": {...},
                "width-800": {...}
            },
            "srcset": "http://.../logo.width-800.png 800w"
        }

    (`width-800` with `?renditions=width-800`; see `image_renditions`.)

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
        rendered = image_renditions(image, request, renditions)
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
        **rendered,
    }


def image_renditions(image, request, renditions=API_RENDITIONS):
    """`{"renditions": {...}, "srcset": "..."}` for `image` in this request.

    `renditions` holds the ready-made ones by name (`thumbnail`, `large`), then those of
    `?renditions=` by their spec (`width-800`), each `{"url", "full_url", "width",
    "height"}`. `srcset` lists the requested ones (without `?renditions=`: the ready-made
    ones) as `<full_url> <width>w`, narrowest first, one per width. Kept on the image for
    the request, so that `renditions` and `srcset` fields cost one computation. Raises
    SourceImageIOError when the image's file is missing.
    """
    requested = requested_renditions(request)
    if requested and image.collection_id in private_collection_ids(request):
        requested = ()
    key = (id(request), tuple(renditions.items()), requested)
    cached = getattr(image, "_api_renditions", None)
    if cached and cached[0] == key:
        return cached[1]
    by_name = {**renditions, **{spec: spec for spec in requested}}
    rendered = image.get_renditions(*by_name.values())
    entries = {}
    for name, spec in by_name.items():
        # An SVG's renditions drop the operations a vector image cannot take (format-webp).
        rendition = rendered[image.clean_filter_for_svg(Filter(spec)).spec]
        entries[name] = {
            "url": rendition.url,
            "full_url": get_full_url(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
        }
    candidates = {}
    for entry in sorted(
        (entries[spec] for spec in requested) if requested else entries.values(),
        key=lambda entry: entry["width"],
    ):
        candidates.setdefault(entry["width"], f"{entry['full_url']} {entry['width']}w")
    value = {"renditions": entries, "srcset": ", ".join(candidates.values())}
    image._api_renditions = (key, value)
    return value


class ImageAltField(Field):
    """The images endpoint's `alt`: the image's default alternative text."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, image):
        return image.default_alt_text

    def openapi_schema(self, builder, model):
        return {"type": "string"}


class ImageOwnRenditionsField(Field):
    """The images endpoint's `renditions` (see `image_renditions`), or null when the image's
    file is missing."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, image):
        try:
            return image_renditions(image, self.context["request"])["renditions"]
        except SourceImageIOError:
            return None

    def openapi_schema(self, builder, model):
        return builder.nullable(builder.renditions())


class ImageSrcsetField(ImageOwnRenditionsField):
    """The images endpoint's `srcset` (see `image_renditions`), or null when the image's file
    is missing."""

    def to_representation(self, image):
        try:
            return image_renditions(image, self.context["request"])["srcset"]
        except SourceImageIOError:
            return None

    def openapi_schema(self, builder, model):
        return builder.nullable(builder.srcset())


def prefetch_stream_fields(items, field_names, specs=None):
    """Load the StreamFields `field_names` of all `items` (model instances) together.

    Each StreamValue otherwise fetches its own chosen objects (images, documents) when first
    read, and each image its renditions: a listing would cost queries per item. Here every
    stream of the listing goes through one `StreamBlock.bulk_to_python` (one query per kind
    of chosen object), then the renditions `specs` of all their images are fetched in one
    query (`api_rendition_specs(request)`).
    """
    images = []
    for name in field_names:
        stream_block = items[0]._meta.get_field(name).stream_block
        values = stream_block.bulk_to_python([list(getattr(item, name).raw_data) for item in items])
        for item, value in zip(items, values, strict=True):
            setattr(item, name, value)
            images.extend(_images_in(value))
    if images:
        specs = api_rendition_specs() if specs is None else specs
        rendition_model = get_image_model().get_rendition_model()
        prefetch_related_objects(
            images,
            Prefetch(
                "renditions",
                queryset=rendition_model.objects.filter(filter_spec__in=specs),
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
