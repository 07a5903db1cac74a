"""Schemas of fixed shapes (an image with its renditions, a page summary, an error) and of
the serialiser field and StreamField block classes of Django REST framework and Wagtail."""

from rest_framework import fields as drf
from wagtail import blocks
from wagtail.api.v2 import serializers as wagtail_serializers
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.coreutils import get_content_languages
from wagtail.documents.api.v2.serializers import DocumentDownloadUrlField
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.api.v2.serializers import ImageDownloadUrlField
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from core import renditions

NULL = {"type": "null"}
URL = {"type": "string", "format": "uri"}


def nullable(schema):
    return {"anyOf": [schema, NULL]}


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def model_label(model):
    return f"{model._meta.app_label}.{model.__name__}"


def language_schema():
    return {"type": "string", "enum": list(get_content_languages())}


def string_schema(builder, field, model, name):
    schema = {"type": "string"}
    if getattr(field, "max_length", None):
        schema["maxLength"] = field.max_length
    return nullable(schema) if field.allow_null else schema


def choice_schema(builder, field, model, name):
    values = [str(value) for value in field.choices]
    if field.allow_blank:
        values.append("")
    schema = {"type": "string", "enum": values}
    return nullable(schema) if field.allow_null else schema


def simple(schema):
    def build(builder, field, model, name):
        return nullable(schema) if getattr(field, "allow_null", False) else schema

    return build


def related_schema(builder, field, model, name):
    related = field.serializer_class.Meta.model
    return nullable(builder.model_ref(related))


def child_relation_schema(builder, field, model, name):
    return {"type": "array", "items": builder.model_ref(field.serializer_class.Meta.model)}


PAGE_SUMMARY = "PageSummary"


def page_summary_schema(builder, field, model, name):
    builder.components.setdefault(
        PAGE_SUMMARY,
        {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "meta": {
                    "type": "object",
                    "properties": {
                        "type": {"type": "string"},
                        "detail_url": {"type": "string", "format": "uri"},
                        "html_url": nullable({"type": "string", "format": "uri"}),
                    },
                    "additionalProperties": False,
                },
                "title": {"type": "string"},
            },
            "additionalProperties": False,
        },
    )
    return nullable(ref(PAGE_SUMMARY))


# Serialiser field classes of Django REST framework and Wagtail, most specific first.
FIELD_SCHEMAS = [
    (wagtail_serializers.TypeField, simple({"type": "string", "examples": ["snippets.Agency"]})),
    (wagtail_serializers.PageTypeField, simple({"type": "string"})),
    (wagtail_serializers.DetailUrlField, simple(URL)),
    (wagtail_serializers.PageHtmlUrlField, lambda b, f, m, n: nullable(URL)),
    (wagtail_serializers.PageLocaleField, lambda b, f, m, n: language_schema()),
    (wagtail_serializers.PageParentField, page_summary_schema),
    (wagtail_serializers.PageAliasOfField, page_summary_schema),
    (wagtail_serializers.RelatedField, related_schema),
    (wagtail_serializers.ChildRelationField, child_relation_schema),
    (wagtail_serializers.StreamField, lambda b, f, m, n: b.stream_schema(m, n)),
    (
        wagtail_serializers.RichTextFieldSerializer,
        simple({"type": "string", "description": "rich text, see ?rich_text_format="}),
    ),
    (wagtail_serializers.TagsField, simple({"type": "array", "items": {"type": "string"}})),
    (ImageDownloadUrlField, simple({"type": "string"})),
    (DocumentDownloadUrlField, simple(URL)),
    (drf.BooleanField, simple({"type": "boolean"})),
    (drf.IntegerField, simple({"type": "integer"})),
    (drf.DateTimeField, simple({"type": "string", "format": "date-time"})),
    (drf.DateField, simple({"type": "string", "format": "date"})),
    (drf.ChoiceField, choice_schema),
    (drf.CharField, string_schema),
]

BLOCK_SCHEMAS = [
    (blocks.RichTextBlock, {"type": "string", "description": "rich text, see ?rich_text_format="}),
    (blocks.ChoiceBlock, {"type": "string"}),
    (blocks.CharBlock, {"type": "string"}),
    (blocks.TextBlock, {"type": "string"}),
    (EmbedBlock, nullable({"type": "string"})),
    (DocumentChooserBlock, nullable({"type": "integer"})),
    (ImageChooserBlock, nullable({"type": "integer"})),
    (ImageBlock, nullable({"type": "integer"})),
    (TableBlock, nullable({"type": "object"})),
]


def image_with_renditions(builder):
    """The component of an image as `core.api.images.serialize_image` gives it."""
    builder.components.setdefault("Renditions", renditions_schema())
    builder.components.setdefault("Srcset", SRCSET)
    builder.components.setdefault(
        "ImageWithRenditions",
        {
            "oneOf": [
                {
                    "type": "object",
                    "properties": {
                        "id": {"type": "integer"},
                        "meta": {
                            "type": "object",
                            "properties": {"type": {"type": "string"}, "detail_url": URL},
                            "required": ["type"],
                            "additionalProperties": False,
                        },
                        "title": {"type": "string"},
                        "alt": {"type": "string"},
                        "width": {"type": "integer"},
                        "height": {"type": "integer"},
                        "renditions": ref("Renditions"),
                        "srcset": ref("Srcset"),
                    },
                    "required": [
                        *("id", "meta", "title", "alt", "width", "height"),
                        *("renditions", "srcset"),
                    ],
                    "additionalProperties": False,
                },
                {
                    "type": "object",
                    "description": "The image's file is missing.",
                    "properties": {
                        "id": {"type": "integer"},
                        "error": {"const": "SourceImageIOError"},
                    },
                    "required": ["id", "error"],
                    "additionalProperties": False,
                },
            ]
        },
    )
    return ref("ImageWithRenditions")


def renditions_schema():
    rendition = {
        "type": "object",
        "properties": {
            "url": {"type": "string"},
            "full_url": URL,
            "width": {"type": "integer"},
            "height": {"type": "integer"},
        },
        "required": ["url", "full_url", "width", "height"],
        "additionalProperties": False,
    }
    requestable = renditions.requestable()
    return {
        "type": "object",
        "description": "Ready-made sizes: "
        + ", ".join(f"{name} ({spec})" for name, spec in renditions.API.items())
        + "; then each one `?renditions=` names, under its spec ("
        + ", ".join(requestable)
        + "), except for images in a private collection.",
        "properties": dict.fromkeys(renditions.API, rendition),
        "required": list(renditions.API),
        "propertyNames": {"enum": [*renditions.API, *requestable]},
        "additionalProperties": rendition,
    }


SRCSET = {
    "type": "string",
    "description": "For an <img srcset>: the full URL and width (`800w`) of each rendition"
    " `?renditions=` names, narrowest first, one per width (without it: the ready-made ones).",
    "examples": ["https://portal.example.gov.vn/media/images/a.width-400.jpg 400w"],
}


MESSAGE = {
    "type": "object",
    "properties": {"message": {"type": "string"}},
    "required": ["message"],
    "additionalProperties": False,
}
