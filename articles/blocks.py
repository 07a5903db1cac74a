"""StreamField blocks of article bodies. Every image is a figure with its caption."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from core.api.images import serialize_image

RICH_TEXT_FEATURES = [
    "bold",
    "italic",
    "link",
    "document-link",
    "ol",
    "ul",
    "superscript",
    "subscript",
]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "articles/blocks/heading.html"


class MixedFormatImageBlock(ImageBlock):
    """ImageBlock converting a list that mixes its two stored formats.

    ImageBlock stores a dict (image, alt text, decorative), and still reads a bare image id.
    Wagtail converts the values of one block type together, and does so only when they are
    all of one format: a listing converting many articles' bodies at once (or one body with
    both) failed when some held bare ids. Each format is converted as a group here.
    """

    def bulk_to_python(self, values):
        values = list(values)
        bare = [value is None or isinstance(value, int) for value in values]
        if all(bare) or not any(bare):
            return super().bulk_to_python(values)
        converted = {}
        for is_bare in (True, False):
            group = [value for value, b in zip(values, bare, strict=True) if b is is_bare]
            converted[is_bare] = iter(super().bulk_to_python(group))
        return [next(converted[is_bare]) for is_bare in bare]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # ImageBlock names its chooser "image" without a label, so the editor showed the
        # untranslated "Image*"; the label is not part of the block's deconstruction.
        self.child_blocks["image"].label = _("Image")


class CaptionedImageBlock(blocks.StructBlock):
    image = MixedFormatImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=500)
    credit = blocks.CharBlock(label=_("photo credit"), required=False, max_length=160)

    class Meta:
        icon = "image"
        label = _("Captioned image")
        template = "articles/blocks/captioned_image.html"

    def get_api_representation(self, value, context=None):
        """The image with its renditions, width, height and alt text, not just its id."""
        image = value["image"]
        alt = "" if image is None or image.decorative else image.contextual_alt_text
        return {
            "image": serialize_image(image, alt or image.default_alt_text, context)
            if image is not None and context
            else None,
            "decorative": bool(image is not None and image.decorative),
            "caption": value["caption"],
            "credit": value["credit"],
        }

    def openapi_schema(self, builder):
        return {
            "type": "object",
            "properties": {
                "image": builder.nullable(builder.image()),
                "decorative": {"type": "boolean"},
                "caption": {"type": "string"},
                "credit": {"type": "string"},
            },
            "required": ["image", "decorative", "caption", "credit"],
            "additionalProperties": False,
        }


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False, max_length=255)
    images = blocks.ListBlock(CaptionedImageBlock(), label=_("images"), min_num=1)

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "articles/blocks/gallery.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "articles/blocks/quote.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"), required=False, help_text=_("Defaults to the document's title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "articles/blocks/document_link.html"


class CaptionedTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=255)
    table = TableBlock(label=_("table"))

    class Meta:
        icon = "table"
        label = _("Table")
        template = "articles/blocks/table.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=RICH_TEXT_FEATURES, template="articles/blocks/paragraph.html"
    )
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    gallery = GalleryBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(label=_("Embedded media"), template="articles/blocks/embed.html")
    document = DocumentLinkBlock()
    table = CaptionedTableBlock()
