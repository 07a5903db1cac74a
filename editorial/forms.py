"""Upload rules of the admin (see WAGTAILIMAGES_IMAGE_FORM_BASE in the settings)."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class ImageForm(BaseImageForm):
    """Every image needs a description: the site shows it as the image's alternative text.

    The model keeps the field optional (images uploaded before this rule, or by code), and
    the site falls back to the title for those; the admin refuses a new image without one.
    The multiple uploader then asks for the description before it keeps the image.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            field = self.fields["description"]
            field.required = True
            field.label = _("Alternative text")
            field.help_text = _(
                "Say what the image shows, for readers who cannot see it (screen readers, "
                "slow connections). Read aloud wherever the image is shown."
            )
