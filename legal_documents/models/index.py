"""The "Văn bản" section: the registry of every document, searchable and filtered by facets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.indexing import FOLDED_SEARCH_FIELDS, FoldedSearchMixin

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class LegalDocumentIndexPage(FoldedSearchMixin, RoutablePageMixin, Page):
    """The "Văn bản" section: every document, searchable and filtered by facets."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    per_page = models.PositiveSmallIntegerField(_("items per page"), default=20)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["legal_documents.LegalDocumentPage"]
    paginated_listing = True

    content_panels = Page.content_panels + [FieldPanel("intro")]
    settings_panels = Page.settings_panels + [FieldPanel("per_page")]
    search_fields = Page.search_fields + [index.SearchField("intro"), *FOLDED_SEARCH_FIELDS]

    class Meta:
        verbose_name = _("legal document index")
        verbose_name_plural = _("legal document indexes")
