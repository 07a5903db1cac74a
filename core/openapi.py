"""The OpenAPI 3.1 document of `/api/v2/`, generated from the router so that it cannot drift.

- Paths: every endpoint registered on `portal.api.api_router`, with its listing, detail and
  `find` views (the URL patterns each endpoint class declares).
- Query parameters: the endpoint's `known_query_parameters`, each described by
  `QUERY_PARAMETERS` below (with the bounds the filters enforce), plus its field filters
  (every database field among its API fields, typed from the model field). A parameter
  without a description is an error: adding one to a view without documenting it fails
  the tests.
- Response bodies: built from the serialisers the endpoints themselves build with
  `?fields=*`, field by field: Django REST framework's and Wagtail's field classes are
  mapped here, the portal's own serialiser fields describe themselves with an
  `openapi_schema(builder, model)` method. A field of an unknown class is an error.
  Every object schema forbids other properties, so a response with an undocumented field
  breaks the schema tests.

Cross-parameter rules that OpenAPI cannot express (a page type's own fields need
`?type=`, `role` needs `agency`, ...) are in each parameter's description and listed in
the operation's `x-constraints`.
"""

from functools import cache

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db import models
from django.http import JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_safe
from rest_framework import fields as drf
from taggit.managers import TaggableManager
from wagtail import blocks
from wagtail.api.v2 import serializers as wagtail_serializers
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.coreutils import get_content_languages
from wagtail.documents.api.v2.serializers import DocumentDownloadUrlField
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.api.v2.serializers import ImageDownloadUrlField
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.models import Page, get_page_models

from core import renditions
from core.api.parameters import MAX_INTEGER
from core.internals import api_endpoints, api_serializer_class

OPENAPI_VERSION = "3.1.0"
# Parameters Wagtail knows that are not part of this API's contract: jQuery's cache-busting
# `_` and the browsable API's `format`.
UNDOCUMENTED_PARAMETERS = {"_", "format"}
NULL = {"type": "null"}


def nullable(schema):
    return {"anyOf": [schema, NULL]}


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def model_label(model):
    return f"{model._meta.app_label}.{model.__name__}"


# What parse_iso_datetime reads starts with a four-digit year; the rest is checked there.
ISO_8601 = r"^\s*\d{4}"


def iso_parameter(description):
    return {
        "schema": {"type": "string", "pattern": ISO_8601, "examples": ["2024-05-01"]},
        "description": f"{description} "
        + _(
            "ISO 8601: a date (2024-05-01) or a date and time (2024-05-01T08:30:00+07:00);"
            " without an offset, Asia/Ho_Chi_Minh. A date that does not exist is a 400 answer."
        ),
    }


ID_OR_SLUG = {"type": "string", "pattern": r"^\s*([0-9]+|[-a-zA-Z0-9_]{1,255})\s*$"}


def limit_parameter(view, model):
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
    return {
        "schema": {"type": "integer", "minimum": 0, "maximum": limit_max, "default": 20},
        "description": _("Items per page (at most %(limit)s).") % {"limit": limit_max},
    }


def order_parameter(view, model):
    names = "|".join(sorted(view.get_available_fields(model, db_fields_only=True)))
    return {
        "schema": {"type": "string", "pattern": rf"^(random|-?({names})(,-?({names}))*)?$"},
        "description": _(
            "Sort by one or more fields, `-` for descending (`-date` on"
            " `?type=articles.NewsArticlePage`), or `random` (without `offset`). With `search`,"
            " only indexed fields can sort."
        ),
    }


def fields_parameter(view, model):
    names = "|".join(sorted(view.get_available_fields(model)))
    field = rf"({names})"
    return {
        "schema": {
            "type": "string",
            "pattern": rf"^(\*(,-{field})*|_(,{field})*|-?{field}(,-?{field})*)?$",
            "examples": ["*", "title,date", "*,-body", "_,title"],
        },
        "description": _(
            "Which fields each item carries: names separated by commas, `-name`"
            " to leave one out, `*` first for all, `_` first for none. Related objects take sub"
            " fields in brackets (`related_agencies(name)`). On pages, a type's own fields need"
            " `?type=` naming that type."
        ),
    }


def page_types():
    return sorted(model_label(model) for model in [Page, *get_page_models()])


def type_parameter(view, model):
    names = "|".join(name.replace(".", r"\.") for name in page_types())
    return {
        "schema": {"type": "string", "pattern": rf"^({names})(,({names}))*$"},
        "description": _(
            "Only pages of these types (comma-separated). With one type, its own"
            " fields can be asked for, filtered and sorted on."
        ),
    }


def page_id_parameter(description):
    def build(view, model):
        return {
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_INTEGER},
            "description": f"{description} "
            + _("An id that is not a live public page is a 400 answer."),
        }

    return build


def fixed(schema, description):
    def build(view, model):
        return {"schema": schema, "description": str(description)}

    return build


def language_schema():
    return {"type": "string", "enum": list(get_content_languages())}


QUERY_PARAMETERS = {
    "limit": limit_parameter,
    "offset": fixed(
        {"type": "integer", "minimum": 0, "maximum": MAX_INTEGER, "default": 0},
        _l("Items to skip: page with `offset` and `limit` up to `meta.total_count`."),
    ),
    "fields": fields_parameter,
    "order": order_parameter,
    "search": fixed(
        {"type": "string"},
        _l(
            "Full-text search; Vietnamese matches with or without diacritics. Results come by"
            " relevance unless `order` is given. Not with a tag field filter."
        ),
    ),
    "search_operator": fixed(
        {"type": "string", "enum": ["and", "or"]}, _l("How the words of `search` combine.")
    ),
    "rich_text_format": fixed(
        {"type": "string", "enum": ["db_html", "html", "db_markdown", "markdown"]},
        _l(
            "Rich text as stored (`db_html`, the default: internal links as ids), as"
            " display-ready HTML with real links and images (`html`), or as Markdown."
        ),
    ),
    "locale": fixed(
        language_schema(),
        _l(
            "Only content in this language. Images and documents have no language: they take"
            " the parameter and are not filtered."
        ),
    ),
    "updated_since": lambda view, model: iso_parameter(
        _("Only what changed at or after this moment (by `meta.%(field)s`), for incremental sync.")
        % {"field": view.last_modified_field}
    ),
    "published_after": lambda view, model: iso_parameter(
        _l("Only what was published at or after this moment (pages: the article's `date`).")
    ),
    "published_before": lambda view, model: iso_parameter(
        _l("Only what was published at or before this moment; a date alone includes that day.")
    ),
    "type": type_parameter,
    "child_of": page_id_parameter(_l("Only the children of this page.")),
    "ancestor_of": page_id_parameter(_l("Only the ancestors of this page.")),
    "descendant_of": page_id_parameter(_l("Only the descendants of this page.")),
    "translation_of": page_id_parameter(_l("Only the translations of this page.")),
    "site": fixed(
        {"type": "string", "pattern": r"^[-.a-zA-Z0-9]+(:[0-9]+)?$"},
        _l("Pages of the site with this host name (404 when there is none)."),
    ),
    "agency": fixed(
        ID_OR_SLUG,
        _l(
            "Agency id or slug. Pages: articles relating to it and event reports it took part"
            " in. Blocs: the blocs and years it was a member of."
        ),
    ),
    "bloc": fixed(ID_OR_SLUG, _l("Emulation bloc id or slug: its event reports or awards.")),
    "year": fixed(
        {"type": "integer", "minimum": 1, "maximum": 9999},
        _l(
            "Pages: articles and announcements dated that year. Blocs: that year only."
            " Awards: awards of that year."
        ),
    ),
    "tag": fixed(
        {"type": "string", "minLength": 1, "maxLength": 100, "pattern": r"\S"},
        _l("Articles with this tag (name or slug)."),
    ),
    "role": fixed(
        {"type": "string", "enum": ["head", "deputy", "member"]},
        _l("With `agency`: only where the agency had this role."),
    ),
    "recipient_agency": fixed(ID_OR_SLUG, _l("Only awards conferred on this agency (id or slug).")),
}

CONSTRAINTS = {
    "pages": [
        _l("A page type's own fields (in fields, order, field filters) need ?type= naming it."),
        _l("order=random cannot be combined with offset or search."),
        _l("search cannot be combined with a tags field filter."),
    ],
    "blocs": [_l("role needs agency.")],
}


def field_filter_schema(field):
    """The schema of a field filter's value, as Wagtail's FieldsFilter reads it."""
    if isinstance(field, models.BooleanField):
        return {"type": "string", "enum": ["true", "false", "1", "0"]}
    if getattr(field, "choices", None):  # reverse relations have none
        return {"type": "string", "enum": [str(value) for value, _label in field.flatchoices]}
    if (
        field.is_relation
        and not isinstance(field, TaggableManager)
        or isinstance(field, models.IntegerField | models.AutoField)
    ):
        return {"type": "integer", "minimum": -MAX_INTEGER, "maximum": MAX_INTEGER}
    if isinstance(field, models.DateTimeField):
        return {"type": "string", "format": "date-time"}
    if isinstance(field, models.DateField):
        return {"type": "string", "format": "date"}
    if isinstance(field, TaggableManager):
        return {"type": "string", "description": "tag names, comma-separated: all must match"}
    return {"type": "string"}


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


URL = {"type": "string", "format": "uri"}

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
    """The component of an image as `snippets.serializers.serialize_image` gives it."""
    builder.components.setdefault("Renditions", renditions_schema())
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
                    },
                    "required": ["id", "meta", "title", "alt", "width", "height", "renditions"],
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
    return {
        "type": "object",
        "description": "Ready-made sizes: "
        + ", ".join(f"{name} ({spec})" for name, spec in renditions.API.items()),
        "properties": dict.fromkeys(renditions.API, rendition),
        "required": list(renditions.API),
        "additionalProperties": False,
    }


MESSAGE = {
    "type": "object",
    "properties": {"message": {"type": "string"}},
    "required": ["message"],
    "additionalProperties": False,
}


def endpoint_models(name, view):
    """The models an endpoint serves: every page type for the pages endpoint."""
    if issubclass(view, PagesAPIViewSet):
        return [Page, *sorted(get_page_models(), key=model_label)]
    return [view.model]


def parameters_of(name, view, models_served):
    parameters = []
    for parameter in sorted(view.known_query_parameters - UNDOCUMENTED_PARAMETERS):
        if parameter not in QUERY_PARAMETERS:
            raise ImproperlyConfigured(
                f"The OpenAPI document has no description of ?{parameter}= ({name}): "
                "add it to core.openapi.QUERY_PARAMETERS."
            )
        spec = QUERY_PARAMETERS[parameter](view, models_served[0])
        parameters.append({"name": parameter, "in": "query", **spec})
    documented = {parameter["name"] for parameter in parameters}
    for model in models_served:
        for field_name in view.get_available_fields(model, db_fields_only=True):
            if field_name in documented or field_name == "locale":
                continue
            documented.add(field_name)
            try:
                field = model._meta.get_field(field_name)
            except FieldDoesNotExist:
                field = getattr(model, field_name).field  # tags (a manager)
            description = _("Field filter: only items whose %(field)s equals this.") % {
                "field": field_name
            }
            if model is not models_served[0]:
                description += " " + _("Needs ?type=%(type)s (or a subtype).") % {
                    "type": model_label(model)
                }
            parameters.append(
                {
                    "name": field_name,
                    "in": "query",
                    "schema": field_filter_schema(field),
                    "description": description,
                }
            )
    return parameters


def responses(success, description, headers=True):
    cache_headers = {
        "ETag": {"schema": {"type": "string"}},
        "Last-Modified": {"schema": {"type": "string"}},
        "Cache-Control": {"schema": {"type": "string"}},
    }
    answer = {"description": description, "content": {"application/json": {"schema": success}}}
    if headers:
        answer["headers"] = cache_headers
    return {
        "200": answer,
        "304": {"description": "Not modified (If-None-Match / If-Modified-Since)."},
        "400": {
            "description": "A bad parameter: the message names it and says why.",
            "content": {"application/json": {"schema": ref("Error")}},
        },
        "404": {
            "description": "Not found.",
            "content": {"application/json": {"schema": ref("Error")}},
        },
    }


def item_schema(builder, view, models_served, required=()):
    variants = []
    for model in models_served:
        schema = builder.model_ref(model, view)
        if required:
            schema = {"allOf": [schema, {"required": list(required)}]}
        variants.append(schema)
    return variants[0] if len(variants) == 1 else {"anyOf": variants}


@cache
def openapi_document(language="en"):
    """The document (a dict), built once per process and language: it depends on code only.

    The published document (`/api/v2/openapi.json`) is in English, the language of API
    contracts; the reference page shows the parameters described in the reader's language.
    """
    with translation.override(language):
        return build_document()


def build_document():
    from portal.api import api_router

    builder = SchemaBuilder(api_router)
    builder.components["Error"] = MESSAGE
    paths = {}
    for name, view in api_endpoints(api_router).items():
        base = reverse(f"{api_router.url_namespace}:{name}:listing")
        if hasattr(view, "openapi_paths"):
            # An endpoint of our own, not a Wagtail viewset, describes itself.
            paths.update(view.openapi_paths(base, responses))
            continue
        models_served = endpoint_models(name, view)
        listing_parameters = parameters_of(name, view, models_served)
        listing_schema = {
            "type": "object",
            "properties": {
                "meta": {
                    "type": "object",
                    "properties": {"total_count": {"type": "integer", "minimum": 0}},
                    "required": ["total_count"],
                    "additionalProperties": False,
                },
                "items": {"type": "array", "items": item_schema(builder, view, models_served)},
            },
            "required": ["meta", "items"],
            "additionalProperties": False,
        }
        listing = {
            "operationId": f"{name}_listing",
            "tags": [name],
            "summary": f"List {name}",
            "parameters": listing_parameters,
            "responses": responses(listing_schema, "One page of items."),
        }
        if name in CONSTRAINTS:
            listing["x-constraints"] = [str(rule) for rule in CONSTRAINTS[name]]
        detail_parameters = [
            {
                "name": "id",
                "in": "path",
                "required": True,
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_INTEGER},
            },
            *[
                parameter
                for parameter in listing_parameters
                if parameter["name"] in DETAIL_PARAMETERS.get(name, ("fields", "rich_text_format"))
            ],
        ]
        detail = {
            "operationId": f"{name}_detail",
            "tags": [name],
            "summary": f"One of {name}, by id",
            "parameters": detail_parameters,
            "responses": responses(
                # Nothing is required: ?fields=_ leaves every field out.
                item_schema(builder, view, models_served),
                "The item with its detail fields.",
            ),
        }
        find_parameters = [
            {
                "name": parameter,
                "in": "query",
                "schema": FIND_PARAMETERS[parameter],
            }
            for parameter in sorted(view.find_query_parameters)
        ]
        find = {
            "operationId": f"{name}_find",
            "tags": [name],
            "summary": f"Find one of {name}: a redirect to its detail URL",
            "parameters": find_parameters,
            "responses": {
                "302": {
                    "description": "Found: Location is the item's detail URL, with the other"
                    " query parameters kept.",
                    "headers": {"Location": {"schema": {"type": "string"}}},
                },
                "400": responses({}, "")["400"],
                "404": responses({}, "")["404"],
            },
        }
        paths[base] = {"get": listing}
        paths[base + "{id}/"] = {"get": detail}
        paths[base + "find/"] = {"get": find}
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": "Cổng thông tin điện tử: API",
            "version": "2",
            "description": "Published content of the portal, read-only: pages (news, event"
            " reports, announcements), images, documents, agencies, people, awards, banners"
            " and emulation blocs, in Vietnamese and English. Answers carry ETag,"
            " Last-Modified and Cache-Control; conditional requests get 304. CORS allows GET"
            " from any origin.",
        },
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {"schemas": builder.components},
    }


DETAIL_PARAMETERS = {"blocs": ("fields", "rich_text_format", "year", "agency", "role")}
FIND_PARAMETERS = {
    "id": {"type": "integer", "minimum": 1, "maximum": MAX_INTEGER},
    "html_path": {"type": "string", "examples": ["/tin-tuc-su-kien/"]},
}


@require_safe
def openapi_json(request):
    """`/api/v2/openapi.json`: cacheable like every API answer (ETag from the middleware)."""
    document = openapi_document("en")
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Cache-Control"] = f"public, max-age={settings.API_CACHE_MAX_AGE}"
    return response


def api_not_found(request, path):
    """Any other address under `/api/v2/`: a JSON 404, as the endpoints answer."""
    return JsonResponse({"message": "not found"}, status=404)
