"""Characters that no text of the portal may hold, stripped from everything saved.

Text pasted from Word brings control characters (U+000B for a manual line break, U+000C for
a page break) that XML 1.0 forbids: an RSS or Atom feed holding one cannot be written, and
the sitemap or an HTML page holding one is invalid. A `pre_save` handler cleans every text,
rich text, StreamField and JSON field (revisions included) of every model, whichever path
saved it (admin, translation, import, shell); `xml_safe` cleans what is written as XML.
"""

import json
import re

from django.db import models
from django.db.models.signals import pre_save
from wagtail.fields import StreamField
from wagtail.models import Revision

# What XML 1.0 forbids: C0 controls but tab, line feed and carriage return; lone surrogates;
# U+FFFE and U+FFFF.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Word's manual line and page breaks separate words: they become spaces.
BREAKS = str.maketrans("\x0b\x0c", "  ")


def clean_text(text):
    """`text` without the characters XML 1.0 forbids (line and page breaks become spaces)."""
    if not FORBIDDEN.search(text):
        return text
    return FORBIDDEN.sub("", text.translate(BREAKS))


def xml_safe(value):
    """`value` with every string in it cleaned (lists, tuples and dicts walked through)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list | tuple):
        return type(value)(xml_safe(item) for item in value)
    if isinstance(value, dict):
        return {xml_safe(key): xml_safe(item) for key, item in value.items()}
    return value


def clean_revision_streams(revision):
    """A revision keeps each StreamField as JSON text, where the characters are escaped
    (`\\u000b`): clean them decoded."""
    model = revision.content_type.model_class()
    if model is None:
        return
    for field in model._meta.concrete_fields:
        text = revision.content.get(field.name)
        if isinstance(field, StreamField) and isinstance(text, str) and "\\u" in text:
            data = json.loads(text)
            cleaned = xml_safe(data)
            if cleaned != data:
                revision.content[field.name] = json.dumps(cleaned, cls=field.json_field.encoder)


def clean_instance(sender, instance, raw=False, **kwargs):
    """Strip forbidden characters from the text fields of `instance` before it is saved."""
    if raw:
        return
    if isinstance(instance, Revision):
        clean_revision_streams(instance)
    for field in instance._meta.concrete_fields:
        if isinstance(field, StreamField):
            value = getattr(instance, field.attname)
            if value is None:
                continue
            data = field.get_prep_value(value)
            cleaned = xml_safe(data)
            if cleaned != data:
                setattr(instance, field.attname, cleaned)
        elif isinstance(field, models.CharField | models.TextField | models.JSONField):
            value = getattr(instance, field.attname)
            cleaned = xml_safe(value)
            if cleaned is not value and cleaned != value:
                setattr(instance, field.attname, cleaned)


def connect():
    pre_save.connect(clean_instance, dispatch_uid="core.cleaning")


# The same characters in UTF-8: C0 controls are single bytes that never occur inside another
# character's sequence; U+FFFE and U+FFFF are EF BF BE and EF BF BF.
FORBIDDEN_UTF8 = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")
MARKUP_TYPES = ("text/html", "text/xml", "application/xml", "application/rss+xml")


class MarkupCleaningMiddleware:
    """HTML and XML answers without the forbidden characters, for text stored before they
    were stripped on save: browsers, validators and feed readers see no invalid character.
    One scan of the answer's bytes; it is rewritten only when one is found."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        content_type = response.get("Content-Type", "")
        if (
            response.streaming
            or not content_type.startswith(MARKUP_TYPES)
            or (response.charset or "").lower().replace("-", "") != "utf8"
            or not FORBIDDEN_UTF8.search(response.content)
        ):
            return response
        response.content = FORBIDDEN_UTF8.sub(
            lambda match: b" " if match[0] in (b"\x0b", b"\x0c") else b"", response.content
        )
        if response.has_header("Content-Length"):
            # Set by CommonMiddleware before this one rewrote the body: a length longer than the
            # body makes a proxy wait for bytes that never come.
            response["Content-Length"] = str(len(response.content))
        return response
