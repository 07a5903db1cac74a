"""Upload rules of the admin (WAGTAILIMAGES_IMAGE_FORM_BASE and WAGTAILDOCS_DOCUMENT_FORM_BASE
in the settings); the rules themselves are in editorial.uploads, shared with the loaders."""

from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .uploads import check_document_file, check_image_file


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, after editorial.uploads has read the header (limits, format)
    and decoded the file: Wagtail's own checks then never meet a bomb or a broken file."""

    def to_python(self, data):
        if data:
            check_image_file(data)
        return super().to_python(data)


class ImageForm(BaseImageForm):
    """Every image needs a description: the site shows it as the image's alternative text.

    The model keeps the field optional (images uploaded before this rule, or by code), and
    the site falls back to the title for those; the admin refuses a new image without one.
    The multiple uploader then asks for the description before it keeps the image.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            self.fields["file"] = CheckedImageField(
                label=field.label, required=field.required, widget=field.widget
            )
        if "description" in self.fields:
            field = self.fields["description"]
            field.required = True
            field.label = _("Alternative text")
            field.help_text = _(
                "Say what the image shows, for readers who cannot see it (screen readers, "
                "slow connections). Read aloud wherever the image is shown."
            )


class DocumentForm(BaseDocumentForm):
    """Documents: Wagtail checks the extension and size; the content must match the type."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            check_document_file(file)
        return file
