"""The home page (one per language) and the portal's site-wide settings."""

from django.conf import settings as django_settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from articles.blocks import RICH_TEXT_FEATURES
from articles.models import AnnouncementPage, ArticleIndexPage, NewsArticlePage, with_listing_images
from core.visibility import visible_pages
from snippets.models import Agency, Banner

LATEST_NEWS_COUNT = 6
FEATURED_COUNT = 4
ANNOUNCEMENT_COUNT = 5


def current_announcements(locale_id, limit=ANNOUNCEMENT_COUNT):
    """The announcements box: valid, published, public announcements of one locale."""
    return list(AnnouncementPage.current(locale=locale_id)[:limit])


class HomePage(Page):
    """The portal's front page: one per language, at the root of its locale's tree."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("An optional short text shown above the featured articles."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "articles.ArticleIndexPage",
        "articles.AnnouncementIndexPage",
        "blocs.BlocIndexPage",
        "legal_documents.LegalDocumentIndexPage",
    ]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def _articles(self):
        return (
            visible_pages(NewsArticlePage.objects)
            .descendant_of(self)
            .filter(locale_id=self.locale_id)
            .order_by("-date", "-pk")
        )

    def latest_news(self, limit=LATEST_NEWS_COUNT):
        """The newest news articles and event reports of this home page's language, but
        for those already shown as featured (a subquery: no query more)."""
        featured = self._articles().filter(featured=True)[:FEATURED_COUNT].values("pk")
        return with_listing_images(self._articles().exclude(pk__in=featured)[:limit])

    def featured_articles(self, limit=FEATURED_COUNT):
        """The newest articles an editor marked as featured."""
        return with_listing_images(self._articles().filter(featured=True)[:limit])

    def news_index(self):
        """The first article section under this home page, for the "All news" link."""
        return visible_pages(self.get_children()).type(ArticleIndexPage).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            latest_news=self.latest_news(),
            featured_articles=self.featured_articles(),
            # The sidebar's announcements box (base.html) uses these instead of querying again.
            current_announcements=current_announcements(self.locale_id),
            home_banners=list(Banner.objects.shown(Banner.Placement.HOME, self.locale_id)),
            news_index=self.news_index(),
        )
        return context


class LocalizedSettings:
    """The settings' texts in one language, falling back to Vietnamese field by field.

    `foreign` maps each text shown in another language than the page's to that language
    ("vi"), so templates can mark it with a `lang` attribute (WCAG 3.1.2).
    """

    def __init__(self, portal_settings, language):
        self._settings = portal_settings
        self.language = language

    def __getattr__(self, name):
        if name.startswith("_") or name not in PortalSettings.TRANSLATED_FIELDS:
            return getattr(self._settings, name)
        return self._settings.localized(name, self.language)

    @cached_property
    def portal_name(self):
        return self._settings.localized("portal_name", self.language) or str(
            django_settings.WAGTAIL_SITE_NAME
        )

    @cached_property
    def operating_agency(self):
        return self._settings.agency_for_language(self.language)

    @cached_property
    def foreign(self):
        languages = {}
        if self.language != PortalSettings.SOURCE_LANGUAGE:
            for name in PortalSettings.TRANSLATED_FIELDS:
                if getattr(self._settings, name) and not getattr(
                    self._settings, f"{name}_{self.language}", ""
                ):
                    languages[name] = PortalSettings.SOURCE_LANGUAGE
        agency = self.operating_agency
        if agency is not None and agency.locale.language_code != self.language:
            languages["operating_agency"] = agency.locale.language_code
        return languages


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Name, operating agency, footer and header fallback of one site (one per site).

    Wagtail-localize does not translate settings, so every text shown to readers has an
    English counterpart (`<field>_en`), used on the English site when filled in.
    """

    SOURCE_LANGUAGE = "vi"
    TRANSLATED_FIELDS = ("portal_name", "footer_address", "licence_line", "responsible_person")

    portal_name = models.CharField(
        _("portal name"),
        max_length=255,
        blank=True,
        help_text=_('For example "Cổng thông tin điện tử Sở Khoa học và Công nghệ".'),
    )
    portal_name_en = models.CharField(
        _("portal name (English)"),
        max_length=255,
        blank=True,
        help_text=_("Shown on the English site. Leave empty to use the Vietnamese name."),
    )
    operating_agency = models.ForeignKey(
        Agency,
        verbose_name=_("operating agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "The agency that runs the portal. Its English translation, when published, "
            "is shown on the English site."
        ),
    )
    footer_address = models.TextField(_("address"), blank=True)
    footer_address_en = models.TextField(
        _("address (English)"),
        blank=True,
        help_text=_("Leave empty to use the Vietnamese address."),
    )
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    licence_line = models.CharField(
        _("licence line"),
        max_length=255,
        blank=True,
        help_text=_('For example "Giấy phép số 123/GP-TTĐT do Sở TT&TT cấp ngày 01/01/2020".'),
    )
    licence_line_en = models.CharField(
        _("licence line (English)"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use the Vietnamese licence line."),
    )
    responsible_person = models.CharField(
        _("responsible person"),
        max_length=255,
        blank=True,
        help_text=_(
            "The person legally responsible for the content, with their position "
            '("Người chịu trách nhiệm").'
        ),
    )
    responsible_person_en = models.CharField(
        _("responsible person (English)"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use the Vietnamese text."),
    )
    header_fallback_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("header banner fallback"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown in the header when no header banner is scheduled. Its description is "
            "the alternative text: leave the description empty if the image only repeats "
            "the portal name."
        ),
    )

    select_related = ["operating_agency__locale", "header_fallback_image"]

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("portal_name"),
                    FieldPanel("operating_agency"),
                    FieldPanel("header_fallback_image"),
                    MultiFieldPanel(
                        [
                            FieldPanel("footer_address"),
                            FieldPanel("phone"),
                            FieldPanel("email"),
                            FieldPanel("licence_line"),
                            FieldPanel("responsible_person"),
                        ],
                        heading=_("Footer"),
                    ),
                ],
                heading=_("Vietnamese"),
            ),
            ObjectList(
                [
                    FieldPanel("portal_name_en"),
                    FieldPanel("footer_address_en"),
                    FieldPanel("licence_line_en"),
                    FieldPanel("responsible_person_en"),
                ],
                heading=_("English"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("portal settings")
        verbose_name_plural = _("portal settings")

    def add_appearances(self, batch):
        """Every section page shows the header and footer (core.purging)."""
        batch.add_section_pages()

    def localized(self, name, language=None):
        """The text of field `name` in `language` (default: active), else the Vietnamese one."""
        language = (language or get_language() or "vi").split("-")[0].lower()
        if language != self.SOURCE_LANGUAGE:
            value = getattr(self, f"{name}_{language}", "")
            if value:
                return value
        return getattr(self, name)

    def for_language(self, language=None):
        language = (language or get_language() or "vi").split("-")[0].lower()
        return LocalizedSettings(self, language)

    def agency_for_language(self, language=None):
        """The operating agency, in the language's locale when a published translation exists."""
        agency = self.operating_agency
        if agency is None:
            return None
        language = (language or get_language() or "vi").split("-")[0].lower()
        if agency.locale.language_code != language:
            translation = (
                Agency.objects.live()
                .filter(translation_key=agency.translation_key, locale__language_code=language)
                .select_related("locale")
                .first()
            )
            if translation is not None:
                return translation
        return agency if agency.live else None
