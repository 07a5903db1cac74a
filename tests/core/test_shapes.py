"""One declaration gives a field's value and its OpenAPI schema (core/api/shapes.py)."""

import datetime
from types import SimpleNamespace

from core.api.shapes import INTEGER, STRING, Custom, Date, Many, Object, Related, Value


class Builder:
    """The parts of core.openapi.schema.SchemaBuilder the shapes use."""

    def nullable(self, schema):
        return {"anyOf": [schema, {"type": "null"}]}

    def model_ref(self, model):
        return {"$ref": f"#/components/schemas/{model}"}


class Field:
    context = {"prefix": "#"}

    def nested(self, model, obj, fields):
        return {"model": model, "name": obj.name, "fields": fields}


SHAPE = Object(
    {
        "id": Value("pk", INTEGER),
        "on": Date("day"),
        "owner": Related("owner", "Agency", ("slug",), live_only=True),
        "tags": Many(
            "tags", Custom(None, lambda tag, context: context["prefix"] + tag, lambda b: STRING)
        ),
        "note": Object({"text": Value("note.text", STRING)}),
    },
    required=["id"],
)


def test_the_value_follows_the_declaration():
    obj = SimpleNamespace(
        pk=3,
        day=datetime.date(2024, 1, 26),
        owner=SimpleNamespace(name="so-gddt", live=True),
        tags=["a", "b"],
        note=SimpleNamespace(text="hi"),
    )
    assert SHAPE.represent(obj, Field()) == {
        "id": 3,
        "on": "2024-01-26",
        "owner": {"model": "Agency", "name": "so-gddt", "fields": ("slug",)},
        "tags": ["#a", "#b"],
        "note": {"text": "hi"},
    }
    obj.day, obj.owner.live = None, False
    assert SHAPE.represent(obj, Field())["on"] is None
    assert SHAPE.represent(obj, Field())["owner"] is None


def test_the_schema_follows_the_same_declaration():
    assert SHAPE.schema(Builder()) == {
        "type": "object",
        "properties": {
            "id": INTEGER,
            "on": {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]},
            "owner": {"anyOf": [{"$ref": "#/components/schemas/Agency"}, {"type": "null"}]},
            "tags": {"type": "array", "items": STRING},
            "note": {
                "type": "object",
                "properties": {"text": STRING},
                "required": ["text"],
                "additionalProperties": False,
            },
        },
        "required": ["id"],
        "additionalProperties": False,
    }
