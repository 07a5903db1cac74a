"""Admin for the reference data: one menu group holding agencies, people, awards and banners."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import LiveStatusTagColumn, LocaleColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Agency, Award, Banner, Person
from .views import refuse_protected_deletion


def common_columns():
    """Locale, last update and live status, shown at the end of every listing.

    Built with lazy labels: these columns are created at import time, before any
    request has activated the editor's language.
    """
    return [
        LocaleColumn(label=_("Locale")),
        UpdatedAtColumn(label=_("Updated")),
        LiveStatusTagColumn(label=_("Status")),
    ]


class SlugPerLocaleForm(WagtailAdminModelForm):
    """Refuses a slug already taken in the object's language.

    The database enforces it (a unique constraint on locale and slug), but Django's form
    validation skips that constraint because the locale is not a form field, so a duplicate
    would otherwise end in an IntegrityError.
    """

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        model = self._meta.model
        taken = (
            model.objects.filter(locale_id=self.instance.locale_id, slug=slug)
            .exclude(pk=self.instance.pk)
            .exists()
        )
        if taken:
            raise ValidationError(
                _("Another %(model_name)s in this language already uses this slug."),
                params={"model_name": model._meta.verbose_name},
                code="unique",
            )
        return slug


class AgencyForm(SlugPerLocaleForm):
    def clean_sort_order(self):
        """Left empty: first among its siblings, like the default."""
        return self.cleaned_data.get("sort_order") or 0


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "site"
    edit_handler = ObjectList(Agency.panels, base_form_class=AgencyForm)
    list_display = ["name", "abbreviation", "kind", "parent", "sort_order", *common_columns()]
    list_filter = ["kind", "live"]
    ordering = ["name"]

    def get_queryset(self, request):
        return Agency.objects.select_related("parent")


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    edit_handler = ObjectList(Person.panels, base_form_class=SlugPerLocaleForm)
    list_display = ["name", "position", "agency", *common_columns()]
    list_filter = ["agency", "live"]
    ordering = ["name"]

    def get_queryset(self, request):
        return Person.objects.select_related("agency")


class AwardViewSet(SnippetViewSet):
    model = Award
    icon = "success"
    list_display = ["title", "year", "kind", "conferred_by_agency", *common_columns()]
    list_filter = ["kind", "year", "live"]
    ordering = ["-year", "title"]

    def get_queryset(self, request):
        return Award.objects.select_related("conferred_by_agency")


class BannerViewSet(SnippetViewSet):
    model = Banner
    icon = "image"
    list_display = [
        "title",
        "placement",
        "sort_order",
        "starts_at",
        "ends_at",
        *common_columns(),
    ]
    list_filter = ["placement", "live"]
    ordering = ["placement", "sort_order"]


class ReferenceDataViewSetGroup(SnippetViewSetGroup):
    items = (AgencyViewSet, PersonViewSet, AwardViewSet, BannerViewSet)
    menu_label = _("Reference data")
    menu_icon = "folder-open-inverse"
    menu_order = 300


register_snippet(ReferenceDataViewSetGroup)
hooks.register("before_delete_snippet", refuse_protected_deletion)
