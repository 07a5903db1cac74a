"""StreamField blocks of the home app's settings."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class PhoneBlock(blocks.StructBlock):
    """A labelled phone number of the agency ("Đường dây nóng" / "Hotline")."""

    label = blocks.CharBlock(
        label=_("label"), max_length=80, help_text=_('For example "Đường dây nóng".')
    )
    label_en = blocks.CharBlock(
        label=_("label (English)"),
        max_length=80,
        required=False,
        help_text=_("Leave empty to use the Vietnamese label."),
    )
    number = blocks.CharBlock(label=_("number"), max_length=60)

    class Meta:
        icon = "mail"
        label = _("phone")
