"""Admin of the work calendar: the weeks (with their entries) as a snippet with drafts,
revisions, locking and the approval workflow, and the calendar's required-information check."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import LocaleColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.required_information import HOOK_NAME, RequiredInformation

from .models import WorkWeek
from .weeks import monday_of

# A published calendar older than this is out of date (the week after next is due).
STALE_AFTER = timedelta(days=7)


class WorkWeekViewSet(SnippetViewSet):
    model = WorkWeek
    icon = "date"
    menu_label = _("Work calendar")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["__str__", "week_start", LocaleColumn(label=_("Locale"))]
    list_filter = ["locale"]
    ordering = ["-week_start"]


register_snippet(WorkWeekViewSet)


@hooks.register(HOOK_NAME)
def work_calendar_information(request):
    """Is this week's calendar published, and how recently was any week approved."""
    monday = monday_of(timezone.localdate())
    this_week = WorkWeek.objects.filter(week_start=monday).order_by("-live").first()
    newest = WorkWeek.objects.live().order_by("-last_published_at").first()
    if this_week is not None:
        fix_url = reverse("wagtailsnippets_work_calendar_workweek:edit", args=[this_week.pk])
    else:
        fix_url = reverse("wagtailsnippets_work_calendar_workweek:add")
    detail = "" if this_week is not None else _("This week's calendar has not been entered.")
    return [
        RequiredInformation(
            topic="work_calendar",
            label=_("Weekly work calendar"),
            present=this_week is not None,
            published=bool(this_week and this_week.live),
            fix_url=fix_url,
            updated_at=newest.last_published_at if newest else None,
            stale_after=STALE_AFTER,
            detail=detail,
        )
    ]
