from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class HomePage(Page):
    """The portal's front page: one per language, at the root of its locale's tree."""

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")
