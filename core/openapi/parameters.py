"""The query parameters of each endpoint: the described ones and the field filters."""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from taggit.managers import TaggableManager
from wagtail.api.v2.filters import FieldsFilter
from wagtail.models import Page, get_page_models

from core.api.parameters import MAX_INTEGER

from .components import language_schema, model_label

# Parameters Wagtail knows that are not part of this API's contract: jQuery's cache-busting
# `_` and the browsable API's `format`.
UNDOCUMENTED_PARAMETERS = {"_", "format"}
# What parse_iso_datetime reads starts with a four-digit year; the rest is checked there.
ISO_8601 = r"^\s*\d{4}"


def iso_parameter(description):
    return {
        "schema": {"type": "string", "pattern": ISO_8601, "examples": ["2024-05-01"]},
        "description": f"{description} "
        + _(
            "ISO 8601: a date (2024-05-01) or a date and time (2024-05-01T08:30:00+07:00);"
            " without an offset, %(time_zone)s. A date that does not exist is a 400 answer."
        )
        % {"time_zone": settings.TIME_ZONE},
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
        + " "
        + _(
            "The answer's `meta.changes_url` is the change log of this endpoint from the same"
            " moment: what left the listing since (deletions) is there."
        )
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


def parameters_of(name, view, models_served):
    """The listing's query parameters: the described ones, then the field filters.

    A view describes its own meaning of a parameter in `openapi_parameters`,
    {name: (schema, description)}: it wins over `QUERY_PARAMETERS`.
    """
    parameters = []
    own = getattr(view, "openapi_parameters", {})
    for parameter in sorted(view.known_query_parameters - UNDOCUMENTED_PARAMETERS):
        if parameter in own:
            schema, description = own[parameter]
            spec = {"schema": schema, "description": str(description)}
        elif parameter in QUERY_PARAMETERS:
            spec = QUERY_PARAMETERS[parameter](view, models_served[0])
        else:
            raise ImproperlyConfigured(
                f"The OpenAPI document has no description of ?{parameter}= ({name}): "
                "add it to core.openapi.parameters.QUERY_PARAMETERS."
            )
        parameters.append({"name": parameter, "in": "query", **spec})
    documented = {parameter["name"] for parameter in parameters}
    return parameters + field_filters(view, models_served, documented)


def field_filters(view, models_served, documented):
    """The field filters of every model served, but those named like a described parameter;
    none when the view has no field filter backend."""
    filters = []
    if not any(issubclass(backend, FieldsFilter) for backend in view.filter_backends):
        return filters
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
            filters.append(
                {
                    "name": field_name,
                    "in": "query",
                    "schema": field_filter_schema(field),
                    "description": description,
                }
            )
    return filters


DETAIL_PARAMETERS = {"blocs": ("fields", "rich_text_format", "year", "agency", "role")}
FIND_PARAMETERS = {
    "id": {"type": "integer", "minimum": 1, "maximum": MAX_INTEGER},
    "html_path": {"type": "string", "examples": ["/tin-tuc-su-kien/"]},
}
