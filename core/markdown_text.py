"""The OpenAPI document's descriptions (CommonMark) as HTML for the reference page."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

CODE_SPAN = re.compile(r"`([^`]+)`")


def code_spans(text):
    """Markdown code spans (`?type=`) as <code>; everything else escaped, so no HTML passes."""
    return mark_safe(CODE_SPAN.sub(r"<code>\1</code>", escape(text)))  # noqa: S308 (escaped first)
