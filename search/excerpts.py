"""The text a search result's excerpt is cut from: what a reader reads as the page's text
(its lead or summary, then the paragraphs, headings and quotations of its body), never an
image's alt text or caption, a document link's title or an embed.

The search index keeps those (a reader may look for a photo's caption), but an excerpt made
of "Ảnh: toàn cảnh hội nghị" does not say what the page is about.
"""

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import StreamField

from core.text import searchable_text

LEAD_FIELDS = ("lead", "summary", "short_name", "abstract")
BODY_FIELDS = ("intro", "body")


def holds_media(block):
    """Whether `block` is or holds a chooser (image, document, page) or an embed: its texts
    (alt text, caption, credit, link text) describe that, not the page."""
    if isinstance(block, blocks.ChooserBlock | EmbedBlock):
        return True
    if isinstance(block, blocks.StructBlock):
        return any(holds_media(child) for child in block.child_blocks.values())
    if isinstance(block, blocks.ListBlock):
        return holds_media(block.child_block)
    return False


def prose(block, value):
    """The reading text of a block's value, as a list of strings."""
    if value is None or holds_media(block):
        return []
    if isinstance(block, blocks.RichTextBlock):
        return block.get_searchable_content(value)
    if isinstance(block, blocks.CharBlock | blocks.TextBlock):
        return [str(value)] if value else []
    if isinstance(block, blocks.StructBlock):
        return [
            text
            for name, child in block.child_blocks.items()
            for text in prose(child, value.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in prose(block.child_block, item)]
    if isinstance(block, blocks.StreamBlock):
        return [text for child in value for text in prose(child.block, child.value)]
    return []


def field_prose(page, name):
    field = page._meta.get_field(name)
    if isinstance(field, StreamField):
        return " ".join(prose(field.stream_block, getattr(page, name)))
    return searchable_text(page, name)


def excerpt_text(page):
    """The page's lead or summary, then its body's reading text; else its search description."""
    parts = [getattr(page, name, "") for name in LEAD_FIELDS]
    parts += [field_prose(page, name) for name in BODY_FIELDS if hasattr(page, name)]
    text = " ".join(part for part in parts if part)
    return text or page.search_description
