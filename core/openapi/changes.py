"""The OpenAPI description of `/api/v2/changes/` (core.changes.stream)."""

from django.utils.translation import gettext as _

from core.changes.models import DELETE_REASONS, UPSERT_REASONS

CURSOR = {"type": "string", "minLength": 1}
DATETIME = {"type": "string", "format": "date-time"}


def change_schema():
    return {
        "type": "object",
        "properties": {
            "cursor": CURSOR,
            "event": {"type": "string", "enum": ["upsert", "delete"]},
            "reason": {"type": "string", "enum": [*UPSERT_REASONS, *DELETE_REASONS]},
            "endpoint": {"type": "string"},
            "type": {"type": "string", "examples": ["articles.NewsArticlePage"]},
            "id": {"type": "integer", "minimum": 1},
            "locale": {"type": "string", "examples": ["vi", ""]},
            "occurred_at": DATETIME,
            "detail_url": {"type": ["string", "null"], "format": "uri"},
        },
        "required": [
            "cursor",
            "event",
            "reason",
            "endpoint",
            "type",
            "id",
            "locale",
            "occurred_at",
            "detail_url",
        ],
        "additionalProperties": False,
    }


def stream_schema():
    return {
        "type": "object",
        "properties": {
            "meta": {
                "type": "object",
                "properties": {
                    "next_cursor": CURSOR,
                    "has_more": {"type": "boolean"},
                    "retention_days": {"type": "integer", "minimum": 0},
                },
                "required": ["next_cursor", "has_more", "retention_days"],
                "additionalProperties": False,
            },
            "items": {"type": "array", "items": change_schema()},
        },
        "required": ["meta", "items"],
        "additionalProperties": False,
    }


def changes_parameters(default_limit, max_limit):
    return [
        {
            "name": "since",
            "in": "query",
            "schema": {"type": "string", "examples": ["2026-12-01T00:00:00+07:00"]},
            "description": _(
                "ISO 8601 date or date and time: the changes recorded from then on. Not with"
                " `cursor`. Older than the retention period: 410."
            ),
        },
        {
            "name": "cursor",
            "in": "query",
            "schema": CURSOR,
            "description": _(
                "Opaque: an item's `cursor` or `meta.next_cursor`; lists the changes after it."
                " Valid only with the `endpoint` and `locale` filter it was made with (else"
                " 400). Without `since` and `cursor`: from the log's start."
            ),
        },
        {
            "name": "endpoint",
            "in": "query",
            "schema": {"type": "string", "examples": ["pages", "pages,agencies"]},
            "style": "form",
            "explode": True,
            "description": _(
                "Only the changes of these endpoints (comma-separated or repeated); an unknown"
                " name: 400."
            ),
        },
        {
            "name": "locale",
            "in": "query",
            "schema": {"type": "string", "enum": ["vi", "en"]},
            "description": _(
                "Only the changes in that language, and those of images and documents (no"
                " language)."
            ),
        },
        {
            "name": "limit",
            "in": "query",
            "schema": {"type": "integer", "minimum": 1, "maximum": max_limit},
            "description": _("Changes per answer (default %(default)s, at most %(most)s).")
            % {"default": default_limit, "most": max_limit},
        },
    ]


def changes_paths(base, responses, default_limit, max_limit):
    answers = responses(
        stream_schema(),
        "The changes after the position, oldest first; `meta.next_cursor` continues.",
    )
    del answers["404"]
    answers["410"] = {
        "description": "The position is older than the change log keeps: resync every"
        " endpoint, then follow the changes from the time the resync started.",
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {"message": {"type": "string"}, "resync": {"const": True}},
                    "required": ["message", "resync"],
                    "additionalProperties": False,
                }
            }
        },
    }
    return {
        base: {
            "get": {
                "operationId": "changes",
                "tags": ["changes"],
                "summary": _(
                    "Change log: what entered, changed in or left the public set (deletions"
                    " included, for incremental sync)"
                ),
                "parameters": changes_parameters(default_limit, max_limit),
                "responses": answers,
            }
        }
    }
