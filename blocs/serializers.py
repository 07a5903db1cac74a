"""API fields that other apps' models can use at load time (this module imports no API view).

`EventReportPage.bloc_term` is served with `BlocTermField`.
"""

from rest_framework.fields import Field

from core.api.fields import endpoint_detail_url
from core.visibility import is_visible

BLOCS_ENDPOINT = "blocs"


def bloc_summary(bloc_page, context):
    """A bloc page as other objects refer to it: id, title, its API and HTML addresses."""
    return {
        "id": bloc_page.pk,
        "title": bloc_page.title,
        "detail_url": endpoint_detail_url(context, BLOCS_ENDPOINT, bloc_page.pk),
        "html_url": bloc_page.get_full_url(context["request"]),
    }


def bloc_summary_schema(builder):
    """The OpenAPI schema of `bloc_summary`."""
    summary = {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "detail_url": builder.nullable(builder.url()),
            "html_url": builder.nullable(builder.url()),
        },
        "required": ["id", "title", "detail_url", "html_url"],
        "additionalProperties": False,
    }
    return builder.component("BlocSummary", summary)


class BlocTermField(Field):
    """An event report's bloc year, or null while the year or its bloc is unpublished.

    Example::

        "bloc_term": {
            "id": 2,
            "year": 2024,
            "bloc": {"id": 21, "title": "Khối ...", "detail_url": ".../api/v2/blocs/21/",
                     "html_url": "http://.../khoi-thi-dua/khoi-van-hoa-xa-hoi/"}
        }
    """

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, term):
        if not term.live or not is_visible(term.bloc, self.context.get("request")):
            return None
        return {"id": term.pk, "year": term.year, "bloc": bloc_summary(term.bloc, self.context)}

    def openapi_schema(self, builder, model):
        term = {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "year": {"type": "integer"},
                "bloc": bloc_summary_schema(builder),
            },
            "required": ["id", "year", "bloc"],
            "additionalProperties": False,
        }
        return builder.nullable(builder.component("BlocTerm", term))
