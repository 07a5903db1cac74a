"""Admin panels of the bloc pages."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.panels import Panel


class BlocYearsPanel(Panel):
    """On a bloc page's edit screen: its years, each linking to its own edit screen.

    A year (members and roles, covenant, review) is a `BlocYear` snippet edited on a screen
    of its own; this panel lists them and offers to add the next one for this bloc.
    """

    @property
    def clean_name(self):
        return super().clean_name or "bloc_years"

    class BoundPanel(Panel.BoundPanel):
        template_name = "blocs/panels/bloc_years_panel.html"

        def get_context_data(self, parent_context=None):
            from .models import BlocYear

            context = super().get_context_data(parent_context)
            page = self.instance
            context["help"] = _(
                "Members and their roles, the covenant and the review of each year are edited "
                "on the year's own screen."
            )
            if not page.pk:
                context["years"] = []
                context["add_url"] = None
                return context
            url_finder = AdminURLFinder(self.request.user)
            years = (
                BlocYear.objects.for_bloc(page).prefetch_related("memberships__agency")
            ).order_by("-year")
            context["years"] = [
                {"year": year, "edit_url": url_finder.get_edit_url(year)} for year in years
            ]
            add_url_name = BlocYear.snippet_viewset.get_url_name("add")
            context["add_url"] = (
                reverse(add_url_name)
                + "?"
                + urlencode({"bloc": page.pk, "locale": page.locale.language_code})
            )
            return context
