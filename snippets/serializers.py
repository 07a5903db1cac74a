"""Serialiser fields shared by every app's API: images with renditions, lists of published
related objects, an object's translations. Safe to import from models.py (for
`APIField(serializer=...)`): nothing here touches the app registry at import time.
"""

from django.db.models import Prefetch, prefetch_related_objects
from django.urls import NoReverseMatch, reverse
from rest_framework.fields import Field, SkipField
from wagtail.api.utils import get_full_url
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.blocks.struct_block import StructValue
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage, SourceImageIOError

from core import renditions
from core.internals import api_serializer_class
from core.visibility import shown

# The renditions every serialised image carries, by name.
IMAGE_RENDITIONS = renditions.API


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
        return serialize_image(image, alt, self.context, self.renditions)

    def openapi_schema(self, builder, model):
        return builder.nullable(builder.image())


def serialize_image(image, alt, context, renditions=IMAGE_RENDITIONS):
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


def rendition_representations(image, request, renditions=IMAGE_RENDITIONS):
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


class PublishedObjectListField(Field):
    """The published objects behind a list of inline rows, nested as their endpoint nests them.

    `PublishedObjectListField("recipients", "agency")` serialises an award's recipient rows
    as the list of their published agencies. With `extra_fields`, each item is a dict of the
    nested object under `attribute` plus those fields of the row (an official's role).
    Rows whose object is unpublished are left out.
    """

    def __init__(self, relation, attribute, extra_fields=(), **kwargs):
        self.relation = relation
        self.attribute = attribute
        self.extra_fields = extra_fields
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return getattr(instance, self.relation).all()

    def nested_serializer(self, model):
        cache = self.context.setdefault("nested_serializers", {})
        if model not in cache:
            router = self.context["router"]
            endpoint = router.get_model_endpoint(model)[1]
            serializer_class = api_serializer_class(endpoint, router, model, [], nested=True)
            cache[model] = serializer_class(context=self.context)
        return cache[model]

    def to_representation(self, rows):
        items = []
        for row in rows:
            obj = getattr(row, self.attribute)
            if not shown(obj):
                continue
            nested = self.nested_serializer(type(obj)).to_representation(obj)
            if self.extra_fields:
                nested = {
                    self.attribute: nested,
                    **{name: getattr(row, name) for name in self.extra_fields},
                }
            items.append(nested)
        return items

    def openapi_schema(self, builder, model):
        row_model = model._meta.get_field(self.relation).related_model
        item = builder.model_ref(row_model._meta.get_field(self.attribute).related_model)
        if self.extra_fields:
            item = {
                "type": "object",
                "properties": {
                    self.attribute: item,
                    **{
                        name: builder.model_field_schema(row_model, name)
                        for name in self.extra_fields
                    },
                },
                "required": [self.attribute, *self.extra_fields],
                "additionalProperties": False,
            }
        return {"type": "array", "items": item}


def endpoint_detail_url(context, endpoint_name, pk):
    """The full URL of an object in a named endpoint of the context's router, or None."""
    router = context["router"]
    try:
        path = reverse(f"{router.url_namespace}:{endpoint_name}:detail", args=(pk,))
    except NoReverseMatch:
        return None
    return get_full_url(context["request"], path)


class TranslationsField(Field):
    """The object's other published translations, as the endpoint serving it serves them.

    Example (a page; snippets have no `html_url`)::

        "translations": [
            {
                "locale": "en",
                "id": 12,
                "detail_url": "http://.../api/v2/pages/12/",
                "html_url": "http://.../en/news/science-conference/"
            }
        ]

    Only objects the endpoint itself would serve to this request are listed: live ones (and
    for pages, public ones on the requested site; for banners, inside their schedule).
    The view finds them: `view.get_translations(instance)` (see
    `snippets.api.TranslationsMixin`), one query for all the items of a listing page.
    Objects of another model nested in an item (an award's recipients) have no
    `translations`: their own endpoint lists them.
    """

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        view = self.context.get("view")
        if not hasattr(view, "get_translations") or not isinstance(instance, view.model):
            raise SkipField
        return instance

    def detail_url(self, pk):
        """The object's address in the endpoint serving this request (a bloc page's is in
        the blocs endpoint, not the pages one, whatever the router would say for its model;
        the view's `name` cannot tell: Django REST framework clears it)."""
        request = self.context["request"]
        match = request.resolver_match
        if match is None or not match.namespace:
            return None
        try:
            path = reverse(f"{match.namespace}:detail", args=(pk,))
        except NoReverseMatch:
            return None
        return get_full_url(request, path)

    def to_representation(self, instance):
        from wagtail.models import Page

        view = self.context["view"]
        request = self.context["request"]
        items = []
        for translation in view.get_translations(instance):
            item = {
                "locale": translation.locale.language_code,
                "id": translation.pk,
                "detail_url": self.detail_url(translation.pk),
            }
            if isinstance(translation, Page):
                item["html_url"] = translation.get_full_url(request)
            items.append(item)
        return items

    def openapi_schema(self, builder, model):
        translation = {
            "type": "object",
            "properties": {
                "locale": builder.language(),
                "id": {"type": "integer"},
                "detail_url": builder.nullable(builder.url()),
                "html_url": builder.nullable(builder.url()),
            },
            "required": ["locale", "id", "detail_url"],
            "additionalProperties": False,
        }
        return {"type": "array", "items": builder.component("Translation", translation)}


class TagNamesField(Field):
    """Tags as a sorted list of names, read from prefetched tags when there are some
    (Wagtail's TagsField orders them in the database: one query per object)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())

    def openapi_schema(self, builder, model):
        return {"type": "array", "items": {"type": "string"}}


class PrefetchedTagsMixin:
    """For a serialiser: its tags fields are TagNamesFields (use with prefetch_related("tags"))."""

    def build_property_field(self, field_name, model_class):
        from taggit.managers import _TaggableManager

        if isinstance(getattr(model_class, field_name, None), _TaggableManager):
            return TagNamesField, {}
        return super().build_property_field(field_name, model_class)


def prefetch_stream_fields(items, field_names, renditions=IMAGE_RENDITIONS):
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
