"""The component schemas of the objects the endpoints serialise, built field by field."""

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from wagtail import blocks
from wagtail.api.v2.views import BaseAPIViewSet

from core.internals import api_endpoints, api_serializer_class

from .components import (
    BLOCK_SCHEMAS,
    FIELD_SCHEMAS,
    SRCSET,
    URL,
    image_with_renditions,
    language_schema,
    model_label,
    nullable,
    ref,
    renditions_schema,
)


class SchemaBuilder:
    """Builds the component schemas of serialised objects, one per endpoint and model."""

    def __init__(self, router):
        self.router = router
        self.components = {}
        self.endpoint_names = {view: name for name, view in api_endpoints(router).items()}

    # Helpers for the openapi_schema(builder, model) methods of the portal's own fields.
    nullable = staticmethod(nullable)
    ref = staticmethod(ref)

    def language(self):
        return language_schema()

    def url(self):
        return dict(URL)

    def image(self):
        return image_with_renditions(self)

    def renditions(self):
        self.components.setdefault("Renditions", renditions_schema())
        return ref("Renditions")

    def srcset(self):
        self.components.setdefault("Srcset", SRCSET)
        return ref("Srcset")

    def component(self, name, schema):
        """A named component schema (built once); returns the reference to it."""
        self.components.setdefault(name, schema)
        return ref(name)

    def model_field_schema(self, model, name):
        """The schema of a plain model field's value (a string, a number, a date...)."""
        field = model._meta.get_field(name)
        if isinstance(field, models.BooleanField):
            schema = {"type": "boolean"}
        elif isinstance(field, models.IntegerField):
            schema = {"type": "integer"}
        elif isinstance(field, models.DateTimeField):
            schema = {"type": "string", "format": "date-time"}
        elif isinstance(field, models.DateField):
            schema = {"type": "string", "format": "date"}
        elif isinstance(field, models.CharField | models.TextField):
            schema = {"type": "string"}
        else:
            raise ImproperlyConfigured(f"No schema for {model_label(model)}.{name}")
        return nullable(schema) if field.null else schema

    def endpoint_class(self, model):
        endpoint = self.router.get_model_endpoint(model)
        return endpoint[1] if endpoint else BaseAPIViewSet

    def model_ref(self, model, view=None):
        """A reference to the schema of `model` as `view` (default: its own endpoint)
        serialises it with `?fields=*`."""
        view = view or self.endpoint_class(model)
        name = f"{self.endpoint_names.get(view, 'nested')}.{model.__name__}"
        if name not in self.components:
            self.components[name] = {}  # Placeholder while building: models refer to each other.
            self.components[name] = self.object_schema(view, model)
        return ref(name)

    def object_schema(self, view, model):
        serializer_class = api_serializer_class(
            view, self.router, model, [("*", False, None)], details=True
        )
        serializer = serializer_class(context={"router": self.router})
        meta, body = {}, {}
        for name, field in serializer.fields.items():
            target = meta if name in serializer.meta_fields else body
            target[name] = self.field_schema(field, model, name)
        properties = {}
        if "id" in body:
            properties["id"] = body.pop("id")
        if meta:
            properties["meta"] = {
                "type": "object",
                "properties": meta,
                "additionalProperties": False,
            }
        properties |= body
        return {
            "type": "object",
            "title": model_label(model),
            "properties": properties,
            "additionalProperties": False,
        }

    def field_schema(self, field, model, name):
        if hasattr(field, "openapi_schema"):
            return field.openapi_schema(self, model)
        for field_class, build in FIELD_SCHEMAS:
            if isinstance(field, field_class):
                return build(self, field, model, name)
        raise ImproperlyConfigured(
            f"The OpenAPI document cannot describe {model_label(model)}.{name} "
            f"({type(field).__name__}): give the field an openapi_schema() method."
        )

    def related_model(self, model, name):
        return model._meta.get_field(name).related_model

    def stream_schema(self, model, name):
        stream_block = model._meta.get_field(name).stream_block
        return {
            "type": "array",
            "items": {
                "oneOf": [
                    {
                        "type": "object",
                        "properties": {
                            "type": {"const": block_name},
                            "value": self.block_schema(child),
                            "id": {"type": "string"},
                        },
                        "required": ["type", "value", "id"],
                        "additionalProperties": False,
                    }
                    for block_name, child in stream_block.child_blocks.items()
                ]
            },
        }

    def block_schema(self, block):
        if hasattr(block, "openapi_schema"):
            return block.openapi_schema(self)
        if isinstance(block, blocks.StructBlock):
            return {
                "type": "object",
                "properties": {
                    name: self.block_schema(child) for name, child in block.child_blocks.items()
                },
                "additionalProperties": False,
            }
        if isinstance(block, blocks.ListBlock):
            return {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "type": {"const": "item"},
                        "value": self.block_schema(block.child_block),
                        "id": {"type": "string"},
                    },
                    "additionalProperties": False,
                },
            }
        for block_class, schema in BLOCK_SCHEMAS:
            if isinstance(block, block_class):
                return schema
        raise ImproperlyConfigured(
            f"The OpenAPI document cannot describe the block {type(block).__name__}: "
            "give it an openapi_schema() method."
        )
