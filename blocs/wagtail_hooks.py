"""Admin of the emulation blocs: one screen per bloc year, with its members and roles inline.

The blocs themselves are pages (Pages › Khối thi đua); each bloc page's edit screen lists
its years and links to them.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    PublishingPanel,
)
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, LocaleColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from core.api.parameters import ascii_digits

from .forms import BlocYearForm
from .models import SIGNING_REPORT_PAGE_TYPE, BlocPage, BlocYear


class BlocYearCreateView(CreateView):
    """Starts a new year from a bloc page's "Add a year" link (`?bloc=<page id>`)."""

    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or self.model()
        bloc_id = self.request.GET.get("bloc", "")
        bloc = BlocPage.objects.filter(pk=bloc_id).first() if ascii_digits(bloc_id) else None
        if bloc is not None:
            instance.bloc = bloc
            if instance.locale_id is None:
                instance.locale = bloc.locale
            latest = BlocYear.objects.for_bloc(bloc).order_by("-year").first()
            if latest is not None:
                instance.year = latest.year + 1
        return instance


class BlocYearViewSet(SnippetViewSet):
    model = BlocYear
    icon = "group"
    add_to_admin_menu = True
    menu_label = _("Bloc years")
    menu_order = 290
    add_view_class = BlocYearCreateView
    list_display = [
        "__str__",
        "year",
        Column("head", label=_("Head")),
        LocaleColumn(label=_("Locale")),
        UpdatedAtColumn(label=_("Updated")),
        LiveStatusTagColumn(label=_("Status")),
    ]
    list_filter = ["bloc", "year", "live"]
    ordering = ["-year", "bloc__title"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    PageChooserPanel("bloc", page_type="blocs.BlocPage"),
                    FieldPanel("year"),
                    InlinePanel(
                        "memberships",
                        heading=_("Members"),
                        label=_("member"),
                        help_text=_(
                            "The head and the deputy heads are members: give them their role "
                            "here. One head per year; each agency once."
                        ),
                    ),
                    FieldPanel("members_complete"),
                ],
                heading=_("Bloc, year and members"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("motto"),
                    FieldRowPanel(
                        [
                            FieldPanel("covenant_signed_on"),
                            PageChooserPanel("signing_report", page_type=SIGNING_REPORT_PAGE_TYPE),
                        ]
                    ),
                    FieldPanel("covenant_document"),
                ],
                heading=_("Covenant"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("leading_unit"),
                    InlinePanel(
                        "exceeded_targets",
                        heading=_("Units that exceeded their targets"),
                        label=_("unit"),
                    ),
                    InlinePanel(
                        "awards",
                        heading=_("Awards conferred for this year"),
                        label=_("award"),
                    ),
                    FieldPanel("review_summary"),
                ],
                heading=_("Review of the year"),
            ),
            PublishingPanel(),
        ],
        base_form_class=BlocYearForm,
    )

    def get_queryset(self, request):
        return BlocYear.objects.prefetch_related("memberships__agency")


register_snippet(BlocYearViewSet)
