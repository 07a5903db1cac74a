"""The portal's site-wide settings: names, contacts, logo, footer and monitoring code.

One place for what every page shows about the agency (header, footer, contact page, JSON-LD).
Wagtail-localize does not translate settings, so every text shown to readers has an English
counterpart (`<field>_en`), used on the English site when filled in (`TRANSLATED_FIELDS`).
"""

from urllib.parse import urlsplit

from django.conf import settings as django_settings
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from snippets.models import Agency

from .blocks import PhoneBlock

OSM_ZOOM = 17


def normalise(language):
    return (language or get_language() or "vi").split("-")[0].lower()


def tel_href(number):
    """`tel:` link of a number as written ("0225 3842 585" -> "tel:02253842585")."""
    return "tel:" + "".join(c for c in number if c.isdigit() or c == "+")


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
    def header_agency_name(self):
        """The header's agency line: the setting, else the operating agency's name."""
        name = self._settings.localized("agency_name", self.language)
        if name or self.operating_agency is None:
            return name
        return self.operating_agency.name

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
        own_line = self._settings.localized("agency_name", self.language)
        header_language = languages.get("agency_name" if own_line else "operating_agency")
        if header_language:
            languages["header_agency_name"] = header_language
        return languages

    @cached_property
    def phones(self):
        """[{label, number, href, lang}]: the switchboard, then the other numbers."""
        phones = []
        if self._settings.phone:
            number = self._settings.phone
            phones.append({"label": gettext("Switchboard"), "number": number, "lang": ""})
        for block in self._settings.other_phones:
            value = block.value
            english = self.language != PortalSettings.SOURCE_LANGUAGE and value["label_en"]
            foreign = self.language != PortalSettings.SOURCE_LANGUAGE and not english
            phones.append(
                {
                    "label": english or value["label"],
                    "number": value["number"],
                    "lang": PortalSettings.SOURCE_LANGUAGE if foreign else "",
                }
            )
        for phone in phones:
            phone["href"] = tel_href(phone["number"])
        return phones


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Names, contacts, logo, footer, header fallback and monitoring code of one site."""

    SOURCE_LANGUAGE = "vi"
    TRANSLATED_FIELDS = (
        "portal_name",
        "governing_body",
        "agency_name",
        "footer_address",
        "working_hours",
        "licence_line",
        "responsible_person",
    )

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
    governing_body = models.CharField(
        _("governing body"),
        max_length=255,
        blank=True,
        help_text=_(
            'The header\'s first line, above the agency: "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG".'
        ),
    )
    governing_body_en = models.CharField(_("governing body (English)"), max_length=255, blank=True)
    agency_name = models.CharField(
        _("agency name in the header"),
        max_length=255,
        blank=True,
        help_text=_(
            'For example "SỞ KHOA HỌC VÀ CÔNG NGHỆ". Leave empty to show the operating '
            "agency's name."
        ),
    )
    agency_name_en = models.CharField(
        _("agency name in the header (English)"), max_length=255, blank=True
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The emblem beside the names in the header (square, transparent PNG)."),
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
    phone = models.CharField(_("phone"), max_length=60, blank=True, help_text=_("Switchboard."))
    other_phones = StreamField(
        [("phone", PhoneBlock())],
        verbose_name=_("other phones"),
        blank=True,
        help_text=_("The hotline and other numbers, each with its label."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    working_hours = models.TextField(
        _("working hours"),
        blank=True,
        help_text=_('For example "Thứ Hai - Thứ Sáu: 7h30 - 11h30, 13h30 - 17h00".'),
    )
    working_hours_en = models.TextField(_("working hours (English)"), blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("With the latitude: a link to the place on OpenStreetMap."),
    )
    map_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("map image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "An optional picture of the map, shown on the contact page. Its description "
            "is the alternative text."
        ),
    )
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
    emc_script_url = models.URLField(
        _("EMC monitoring script"),
        blank=True,
        validators=[URLValidator(schemes=["https"])],
        help_text=_(
            "The https address of the script of the national digital-government "
            "measurement system (EMC), as given by the system. Empty: no script."
        ),
    )

    select_related = ["operating_agency__locale", "header_fallback_image", "logo", "map_image"]

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("portal_name"),
                    MultiFieldPanel(
                        [
                            FieldPanel("governing_body"),
                            FieldPanel("agency_name"),
                            FieldPanel("logo"),
                            FieldPanel("header_fallback_image"),
                        ],
                        heading=_("Header"),
                    ),
                    FieldPanel("operating_agency"),
                    MultiFieldPanel(
                        [
                            FieldPanel("footer_address"),
                            FieldPanel("phone"),
                            FieldPanel("other_phones"),
                            FieldPanel("email"),
                            FieldPanel("working_hours"),
                            FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                            FieldPanel("map_image"),
                        ],
                        heading=_("Contacts"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("licence_line"), FieldPanel("responsible_person")],
                        heading=_("Footer"),
                    ),
                    FieldPanel("emc_script_url"),
                ],
                heading=_("Vietnamese"),
            ),
            ObjectList(
                [FieldPanel(f"{name}_en") for name in TRANSLATED_FIELDS],
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
        language = normalise(language)
        if language != self.SOURCE_LANGUAGE:
            value = getattr(self, f"{name}_{language}", "")
            if value:
                return value
        return getattr(self, name)

    def for_language(self, language=None):
        return LocalizedSettings(self, normalise(language))

    def agency_for_language(self, language=None):
        """The operating agency, in the language's locale when a published translation exists."""
        agency = self.operating_agency
        if agency is None:
            return None
        language = normalise(language)
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

    @property
    def map_url(self):
        """The place on OpenStreetMap (a link: no map script or tile on the portal)."""
        if self.latitude is None or self.longitude is None:
            return ""
        lat, lon = f"{self.latitude:f}", f"{self.longitude:f}"
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map={OSM_ZOOM}/{lat}/{lon}"

    @property
    def emc_origin(self):
        """The EMC script's origin ("https://host"), for the CSP; "" when not set."""
        if not self.emc_script_url:
            return ""
        parts = urlsplit(self.emc_script_url)
        return f"{parts.scheme}://{parts.netloc}"
