"""Reference data that every other app refers to: agencies, officials, awards, banners.

Each is translatable (wagtail-localize), has a draft/publish cycle with revisions,
and is protected from deletion while anything refers to it (`on_delete=PROTECT`,
which Wagtail's delete view reports through its reference index).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
    PublishingPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin, TranslatableMixin
from wagtail.search import index

from core.text import folded_for_index


class PublishedQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)


class Agency(TranslatableMixin, DraftStateMixin, RevisionMixin, index.Indexed, models.Model):
    """A state body: a city department (Sở), the People's Committee, a publisher..."""

    class Kind(models.TextChoices):
        DEPARTMENT = "department", _("Department")
        PEOPLES_COMMITTEE = "peoples_committee", _("People's Committee")
        SOCIAL_INSURANCE = "social_insurance", _("Social insurance")
        PUBLISHER = "publisher", _("Publisher")
        OTHER = "other", _("Other")

    name = models.CharField(_("full name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=120, blank=True)
    abbreviation = models.CharField(
        _("abbreviation"), max_length=60, blank=True, help_text=_('For example "Sở KH&CN".')
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.DEPARTMENT)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    slug = models.SlugField(_("slug"), max_length=120, allow_unicode=False)

    objects = PublishedQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("abbreviation")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("parent")]),
        FieldPanel("slug"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading=_("Contact"),
        ),
        PublishingPanel(),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.SearchField("abbreviation"),
        index.SearchField("search_folded_text"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
    ]
    api_fields = [
        "name",
        "short_name",
        "abbreviation",
        "kind",
        "parent",
        "logo",
        "website",
        "address",
        "phone",
        "email",
        "slug",
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_agency_slug_per_locale")
        ]

    def __str__(self):
        return self.abbreviation or self.short_name or self.name

    def search_folded_text(self):
        """Name, short name and abbreviation without diacritics, for `search.backends`."""
        return folded_for_index(self.name, self.short_name, self.abbreviation)


class Person(TranslatableMixin, DraftStateMixin, RevisionMixin, index.Indexed, models.Model):
    """An official named in content: "Hoàng Minh Cường - Phó Chủ tịch UBND thành phố"."""

    name = models.CharField(_("name"), max_length=160)
    position = models.CharField(
        _("position"),
        max_length=255,
        blank=True,
        help_text=_('For example "Phó Chủ tịch UBND thành phố".'),
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    slug = models.SlugField(_("slug"), max_length=120)

    objects = PublishedQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("agency"),
        FieldPanel("slug"),
        FieldPanel("photo"),
        PublishingPanel(),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("position"),
        index.AutocompleteField("name"),
        index.RelatedFields("agency", [index.SearchField("name")]),
        index.SearchField("search_folded_text"),
        index.FilterField("agency"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
    ]
    api_fields = ["name", "position", "agency", "photo", "slug"]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_person_slug_per_locale")
        ]

    def __str__(self):
        return f"{self.name} - {self.position}" if self.position else self.name

    def search_folded_text(self):
        agency = self.agency.name if self.agency_id else ""
        return folded_for_index(self.name, self.position, agency)


class Award(TranslatableMixin, DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """An award conferred for a year: a leading-unit flag, certificates of merit..."""

    class Kind(models.TextChoices):
        LEADING_UNIT_FLAG = "leading_unit_flag", _("Leading-unit flag")
        EMULATION_FLAG = "emulation_flag", _("Emulation flag")
        CERTIFICATE_OF_MERIT = "certificate_of_merit", _("Certificate of merit")
        EMULATION_TITLE = "emulation_title", _("Emulation title")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    title = models.CharField(
        _("title"), max_length=255, help_text=_('For example "Cờ Đơn vị dẫn đầu khối thi đua".')
    )
    year = models.PositiveSmallIntegerField(_("year rewarded"))
    conferred_by_agency = models.ForeignKey(
        Agency,
        verbose_name=_("conferring agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards_conferred",
    )
    conferred_by_person = models.ForeignKey(
        Person,
        verbose_name=_("conferring person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards_conferred",
    )
    recipient_count = models.PositiveSmallIntegerField(
        _("number of unnamed recipients"),
        null=True,
        blank=True,
        help_text=_("For recipients not named one by one, such as 07 collectives."),
    )
    recipient_description = models.CharField(
        _("unnamed recipients"),
        max_length=255,
        blank=True,
        help_text=_('For example "tập thể có thành tích xuất sắc".'),
    )
    decision_number = models.CharField(_("decision number"), max_length=80, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link"])

    objects = PublishedQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("year")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("conferred_by_agency"), FieldPanel("conferred_by_person")]),
        InlinePanel("recipients", heading=_("Recipient agencies"), label=_("recipient")),
        FieldRowPanel([FieldPanel("recipient_count"), FieldPanel("recipient_description")]),
        FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date")]),
        FieldPanel("description"),
        PublishingPanel(),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("recipient_description"),
        index.SearchField("decision_number"),
        index.SearchField("search_folded_text"),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
        index.FilterField("year"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
    ]
    api_fields = [
        "kind",
        "title",
        "year",
        "conferred_by_agency",
        "conferred_by_person",
        "recipients",
        "recipient_count",
        "recipient_description",
        "decision_number",
        "decision_date",
        "description",
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["-year", "title"]

    def __str__(self):
        return f"{self.title} ({self.year})"

    def search_folded_text(self):
        return folded_for_index(self.title, self.recipient_description, self.decision_number)

    def clean(self):
        super().clean()
        if self.recipient_count is not None and self.recipient_count < 1:
            raise ValidationError(
                {"recipient_count": _("The number of recipients must be at least 1.")}
            )


class AwardRecipient(TranslatableMixin, Orderable):
    """A named recipient agency of an award."""

    award = ParentalKey(Award, on_delete=models.CASCADE, related_name="recipients")
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="award_recipients",
    )

    panels = [FieldPanel("agency")]
    api_fields = ["agency"]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("award recipient")
        verbose_name_plural = _("award recipients")
        constraints = [
            models.UniqueConstraint(fields=["award", "agency"], name="unique_award_recipient")
        ]


class BannerQuerySet(PublishedQuerySet):
    def visible(self, at=None):
        """Published banners inside their schedule at `at` (default: now)."""
        at = at or timezone.now()
        return (
            self.live()
            .filter(Q(starts_at__isnull=True) | Q(starts_at__lte=at))
            .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=at))
        )


class Banner(TranslatableMixin, DraftStateMixin, RevisionMixin, index.Indexed, models.Model):
    """An image banner in the header, the sidebar, the home page or the footer."""

    class Placement(models.TextChoices):
        HEADER = "header", _("Header")
        SIDEBAR = "sidebar", _("Sidebar")
        HOME = "home", _("Home page")
        FOOTER = "footer", _("Footer")

    title = models.CharField(_("name"), max_length=160, help_text=_("Shown only in the admin."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        help_text=_("Describes the image for screen readers and when it cannot load."),
    )
    link_url = models.URLField(_("link (URL)"), blank=True)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("link (page)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    placement = models.CharField(
        _("placement"), max_length=16, choices=Placement.choices, default=Placement.SIDEBAR
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    starts_at = models.DateTimeField(_("show from"), null=True, blank=True)
    ends_at = models.DateTimeField(_("show until"), null=True, blank=True)

    objects = BannerQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("image"),
        FieldPanel("alt_text"),
        FieldRowPanel([FieldPanel("placement"), FieldPanel("sort_order")]),
        MultiFieldPanel([FieldPanel("link_url"), PageChooserPanel("link_page")], heading=_("Link")),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("Schedule")),
        PublishingPanel(),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("alt_text"),
        index.AutocompleteField("title"),
        index.FilterField("placement"),
        index.FilterField("starts_at"),
        index.FilterField("ends_at"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
    ]
    api_fields = [
        "title",
        "image",
        "alt_text",
        "link_url",
        "link_page",
        "placement",
        "sort_order",
        "starts_at",
        "ends_at",
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("banner")
        verbose_name_plural = _("banners")
        ordering = ["placement", "sort_order", "id"]

    def __str__(self):
        return self.title

    def add_appearances(self, batch):
        """Every section page shows the banners (articles keep theirs until their s-maxage)."""
        batch.add_section_pages()

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})
        if self.link_url and self.link_page_id:
            raise ValidationError({"link_page": _("Choose either a URL or a page, not both.")})

    @property
    def link(self):
        if self.link_page_id:
            return self.link_page.url
        return self.link_url
