"""A serialiser field's JSON value declared once, for its representation and its schema.

A field that emits a nested structure (a bloc's years, an award's bloc years) declares it as
a tree of shapes. `shape.represent(obj, field)` builds the value from `obj` and
`shape.schema(builder)` builds its OpenAPI schema with the document's builder
(`core.openapi.schema.SchemaBuilder`), so the two cannot drift apart. Objects keep the
declaration's property order.

`source` is a dotted attribute path read from the object at hand (None: the object itself).

Written here rather than taken from a library: the document is built by the portal's own
builder over Wagtail's API v2 viewsets, which schema generators for DRF (drf-spectacular,
DRF's own) do not understand.
"""

from operator import attrgetter

INTEGER = {"type": "integer"}
STRING = {"type": "string"}
BOOLEAN = {"type": "boolean"}


def reader(source):
    return attrgetter(source) if source else lambda obj: obj


class Value:
    """An attribute as it is (a number, a string, a boolean), with its schema."""

    def __init__(self, source, schema):
        self.read = reader(source)
        self._schema = schema

    def represent(self, obj, field):
        return self.read(obj)

    def schema(self, builder):
        return self._schema


class Date:
    """A date attribute in ISO 8601, or null."""

    def __init__(self, source):
        self.read = reader(source)

    def represent(self, obj, field):
        value = self.read(obj)
        return value.isoformat() if value else None

    def schema(self, builder):
        return builder.nullable({"type": "string", "format": "date"})


class Related:
    """A related object as its model's endpoint nests it, through the field's
    `nested(model, obj, fields)`; null when there is none (or, with `live_only`, when it is
    not live) unless `nullable` is false."""

    def __init__(self, source, model, fields=(), *, nullable=True, live_only=False):
        self.read = reader(source)
        self.model = model
        self.fields = fields
        self.nullable = nullable
        self.live_only = live_only

    def represent(self, obj, field):
        related = self.read(obj)
        if related is None or self.live_only and not related.live:
            return None
        return field.nested(self.model, related, self.fields)

    def schema(self, builder):
        schema = builder.model_ref(self.model)
        return builder.nullable(schema) if self.nullable else schema


class Custom:
    """A value built by `represent(value, serializer context)`, described by
    `schema(builder)`: a structure other code already builds and describes."""

    def __init__(self, source, represent, schema):
        self.read = reader(source)
        self._represent = represent
        self._schema = schema

    def represent(self, obj, field):
        return self._represent(self.read(obj), field.context)

    def schema(self, builder):
        return self._schema(builder)


class Many:
    """A list attribute, each element given by the `item` shape (whose source is None)."""

    def __init__(self, source, item):
        self.read = reader(source)
        self.item = item

    def represent(self, obj, field):
        return [self.item.represent(element, field) for element in self.read(obj)]

    def schema(self, builder):
        return {"type": "array", "items": self.item.schema(builder)}


class Object:
    """An object whose properties are shapes read from the same object; all are required
    unless `required` names fewer."""

    def __init__(self, properties, required=None):
        self.properties = properties
        self.required = list(properties if required is None else required)

    def represent(self, obj, field):
        return {name: shape.represent(obj, field) for name, shape in self.properties.items()}

    def schema(self, builder):
        return {
            "type": "object",
            "properties": {name: shape.schema(builder) for name, shape in self.properties.items()},
            "required": self.required,
            "additionalProperties": False,
        }
