"""`/api/v2/preview/`: an editor's draft for a headless front end, by preview token only.

    GET /api/v2/preview/?content_type=articles.newsarticlepage&token=<token>

answers the draft as the pages endpoint's detail with `?fields=*` does, plus
`meta.preview: true`; `Cache-Control: private, no-store`, whatever else. The token (issued
from the admin's preview, see `core.headless`) is the only authorisation: no session, no
other page, revision or type. Refusals are JSON `{"message": ...}`: 400 (a parameter missing
or unknown), 403 (a token tampered with, for another content_type, or revoked: its editor may
no longer edit the page), 410 (expired, or what it named is gone: ask for a new link).
"""

from django.conf import settings
from django.urls import path
from django.utils.translation import gettext as _
from rest_framework.fields import Field, SkipField
from rest_framework.response import Response
from wagtail.models import get_page_models

from core.api.fields import TranslationsField
from core.headless import tokens
from core.headless.drafts import draft_for
from core.middleware import NEVER_CACHED, never_cache
from core.openapi.components import model_label

from .api import PortalPagesAPIViewSet, PortalPageSerializer

ERROR = {"$ref": "#/components/schemas/Error"}


class Draft:
    """The preview endpoint's `model`: no object is one, so publishing purges nothing here and
    the router never names this endpoint for a page (the pages endpoint serves them)."""


class PreviewField(Field):
    """`meta.preview`: true, on every answer of the preview endpoint."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return True

    def to_representation(self, value):
        return True

    def openapi_schema(self, builder, model):
        return {"const": True}


class DraftTranslationsField(TranslationsField):
    """The draft's published translations, as the pages endpoint lists them."""

    def get_attribute(self, instance):
        if not hasattr(self.context.get("view"), "get_translations"):
            raise SkipField
        return instance


class DraftPageSerializer(PortalPageSerializer):
    translations = DraftTranslationsField()
    preview = PreviewField()


def preview_parameters():
    """The OpenAPI descriptions of `content_type` and `token` (both required)."""
    return [
        {
            "name": "content_type",
            "in": "query",
            "required": True,
            "schema": {"type": "string", "maxLength": tokens.MAX_CONTENT_TYPE_LENGTH},
            "description": _(
                "The page's type, as the preview link gives it (`articles.newsarticlepage`)."
            ),
        },
        {
            "name": "token",
            "in": "query",
            "required": True,
            "schema": {"type": "string", "maxLength": tokens.MAX_TOKEN_LENGTH},
            "description": _(
                "The preview token of the link the admin's preview opened;"
                " valid for %(seconds)s seconds."
            )
            % {"seconds": settings.HEADLESS_PREVIEW_TOKEN_SECONDS},
        },
    ]


class PagePreviewAPIViewSet(PortalPagesAPIViewSet):
    """Registered on the API router like the visits endpoint (`get_urlpatterns`,
    `openapi_paths`), with the pages endpoint's serialiser."""

    model = Draft
    base_serializer_class = DraftPageSerializer
    meta_fields = PortalPagesAPIViewSet.meta_fields + ["preview"]
    known_query_parameters = frozenset(["content_type", "token"])

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "preview_view"}), name="listing")]

    def preview_view(self, request):
        unknown = sorted(set(request.GET) - self.known_query_parameters)
        try:
            if unknown:
                raise tokens.BadPreviewRequest(f"unknown parameter: {', '.join(unknown)[:200]}")
            grant = tokens.read(
                request.GET.get("token", "").strip(), request.GET.get("content_type", "").strip()
            )
            self._draft = draft_for(grant)
        except tokens.PreviewRefused as refusal:
            return Response({"message": refusal.message}, status=refusal.status)
        return Response(self.get_serializer(self._draft).data)

    def get_serializer_class(self):
        return self._get_serializer_class(
            self.request.wagtailapi_router,
            type(self._draft),
            [("*", False, None)],
            show_details=True,
        )

    def finalize_response(self, request, response, *args, **kwargs):
        # Never stored by a browser or a cache in front, whatever CachedAPIMixin would say.
        never_cache(request)
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = NEVER_CACHED
        return response

    @classmethod
    def openapi_model_paths(cls, builder, base, responses):
        """This endpoint in the OpenAPI document: the draft as the pages endpoint's detail
        (the shared properties listed first, for the API reference's table)."""
        variants = [
            builder.model_ref(model, cls) for model in sorted(get_page_models(), key=model_label)
        ]
        schema = {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "meta": {
                    "type": "object",
                    "properties": {"type": {"type": "string"}, "preview": {"const": True}},
                },
                "title": {"type": "string"},
            },
            "anyOf": variants,
        }
        answers = responses(schema, "The draft, as the pages endpoint's detail.")
        answers["200"]["headers"] = {
            "Cache-Control": {"schema": {"const": NEVER_CACHED}},
        }
        del answers["304"]
        answers["403"] = {
            "description": "The token was tampered with, is for another content_type, or was"
            " revoked (its editor may no longer edit the page).",
            "content": {"application/json": {"schema": ERROR}},
        }
        answers["410"] = {
            "description": "The token has expired, or the page, revision or unsaved edits it"
            " named are gone: ask the editor for a new link.",
            "content": {"application/json": {"schema": ERROR}},
        }
        del answers["404"]
        return {
            base: {
                "get": {
                    "operationId": "preview",
                    "tags": ["preview"],
                    "summary": _("An editor's draft page, for a front end holding a preview token"),
                    "parameters": preview_parameters(),
                    "responses": answers,
                }
            }
        }
