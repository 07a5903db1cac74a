"""Reference data that every other app refers to: agencies, officials, awards, banners
(these in `snippets.banners`).

Each is translatable (wagtail-localize), has a draft/publish cycle with revisions,
and is protected from deletion while anything refers to it (`on_delete=PROTECT`,
which Wagtail's delete view reports through its reference index).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PublishingPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index

from core.text import folded_for_index

from .querysets import PublishedQuerySet


class Agency(TranslatableMixin, DraftStateMixin, RevisionMixin, index.Indexed, models.Model):
    """A state body: a city department (Sở), the People's Committee, a publisher..."""

    class Kind(models.TextChoices):
        DEPARTMENT = "department", _("Department")
        PEOPLES_COMMITTEE = "peoples_committee", _("People's Committee")
        SOCIAL_INSURANCE = "social_insurance", _("Social insurance")
        PUBLISHER = "publisher", _("Publisher")
        # The units of a department, in its organisation chart (`organisation`).
        DIVISION = "division", _("Division (phòng)")
        BOARD = "board", _("Board (ban)")
        SUB_DEPARTMENT = "sub_department", _("Sub-department (chi cục)")
        CENTRE = "centre", _("Centre (trung tâm)")
        PUBLIC_SERVICE_UNIT = "public_service_unit", _("Public service unit")
        OTHER = "other", _("Other")

    UNIT_KINDS = (
        Kind.DIVISION,
        Kind.BOARD,
        Kind.SUB_DEPARTMENT,
        Kind.CENTRE,
        Kind.PUBLIC_SERVICE_UNIT,
    )

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
    functions = RichTextField(
        _("functions and tasks"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    head = models.ForeignKey(
        "snippets.Person",
        verbose_name=_("head"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="units_headed",
    )
    supervisor = models.ForeignKey(
        "snippets.Person",
        verbose_name=_("leader in charge"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="units_overseen",
        help_text=_("The director or deputy director who oversees this unit."),
    )
    sort_order = models.IntegerField(
        _("order among its siblings"),
        default=0,
        blank=True,
        help_text=_("Smaller numbers come first."),
    )

    objects = PublishedQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("abbreviation")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("parent"), FieldPanel("sort_order")]),
        FieldPanel("slug"),
        FieldPanel("logo"),
        FieldPanel("functions"),
        FieldRowPanel([FieldPanel("head"), FieldPanel("supervisor")]),
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
        index.FilterField("translation_key"),  # ?fallback= with ?search= (core.api)
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
        "functions",
        "head",
        "supervisor",
        "sort_order",
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

    def clean(self):
        super().clean()
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk is not None and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A unit cannot be placed under itself.")})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent


class Person(TranslatableMixin, DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """An official named in content: "Hoàng Minh Cường - Phó Chủ tịch UBND thành phố".

    `position` is the current title; `positions` (`PersonPosition`) keep the posts held
    over time, so that an old article names the title its subject held on its date.
    """

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
    official_email = models.EmailField(_("official e-mail"), blank=True)
    phone = models.CharField(_("official phone"), max_length=60, blank=True)
    responsibilities = RichTextField(
        _("areas of responsibility"), blank=True, features=["bold", "italic", "link", "ul"]
    )

    objects = PublishedQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("agency"),
        FieldPanel("slug"),
        FieldPanel("photo"),
        FieldRowPanel([FieldPanel("official_email"), FieldPanel("phone")]),
        FieldPanel("responsibilities"),
        InlinePanel("positions", heading=_("Posts held"), label=_("post")),
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
        index.FilterField("translation_key"),  # ?fallback= with ?search= (core.api)
        index.FilterField("live"),
    ]
    api_fields = [
        "name",
        "position",
        "agency",
        "photo",
        "slug",
        "official_email",
        "phone",
        "responsibilities",
        "positions",
    ]

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

    def position_on(self, day):
        """The title held on `day` (a date), from the posts held, else the current one."""
        for post in self.positions.all():
            if post.held_on(day):
                return post.title
        return self.position


# Awards, banners and the posts held live in their own modules, imported here: the app's
# models (their order: of their content types, of the admin and of `apps.get_models()`).
from .awards import Award as Award  # noqa: E402
from .awards import AwardRecipient as AwardRecipient  # noqa: E402
from .banners import Banner as Banner  # noqa: E402
from .positions import PersonPosition as PersonPosition  # noqa: E402
