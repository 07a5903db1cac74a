"""The calendar's page: a week at `tuan/2026-W49/` (`week/2026-W49/` in English; this week at
the page's own URL), one day at `ngay/2026-12-05/` (`day/…`: what a phone's strip of days
leads to), filtered by leader with `?lanh-dao=<slug>`, a jump to the week of a date with
`?ngay=2026-12-05`, and the iCalendar feeds at `ical/` (every leader) and `ical/<slug>/`
(one leader).
"""

from datetime import date, timedelta

from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.localised_routes import LocalisedRoutesMixin
from core.visibility import RoutedRestrictionsMixin, visible_pages

from .queries import by_leader, feed_window, find_leader, leaders, published_entries
from .weeks import BadWeek, monday_of, parse_date, parse_week, week_days, week_label

LEADER_PARAMETER = "lanh-dao"
DATE_PARAMETER = "ngay"
# The strip of days names them short enough for seven to fit a phone's width.
WEEKDAY_ABBREVIATIONS = (
    pgettext_lazy("weekday abbreviation", "Mon"),
    pgettext_lazy("weekday abbreviation", "Tue"),
    pgettext_lazy("weekday abbreviation", "Wed"),
    pgettext_lazy("weekday abbreviation", "Thu"),
    pgettext_lazy("weekday abbreviation", "Fri"),
    pgettext_lazy("weekday abbreviation", "Sat"),
    pgettext_lazy("weekday abbreviation", "Sun"),
)
# `?ngay=2026-12-05&xem=ngay` jumps to that day rather than its week (the day view's form).
VIEW_PARAMETER, DAY_VIEW = "xem", "ngay"


class WorkCalendarPage(LocalisedRoutesMixin, RoutablePageMixin, RoutedRestrictionsMixin, Page):
    """The leaders' weekly work calendar (Lịch công tác)."""

    intro = RichTextField(
        gettext_lazy("introduction"), blank=True, features=["bold", "italic", "link"]
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    content_panels = Page.content_panels + [FieldPanel("intro")]
    # `tuan/2026-W49/` on the Vietnamese site, `week/2026-W49/` elsewhere.
    localised_routes = frozenset({"week", "day"})

    class Meta:
        verbose_name = gettext_lazy("work calendar page")
        verbose_name_plural = gettext_lazy("work calendar pages")

    def get_cached_paths(self):
        """This week and the agency-wide feed are purged with the page (core.purging)."""
        return [*super().get_cached_paths(), self.reverse_subpage("agency_feed")]

    @classmethod
    def live_pages(cls, locale_id):
        return visible_pages(cls.objects.filter(locale_id=locale_id))

    @classmethod
    def cached_urls_of_week(cls, week, batch):
        """The page (this week), the week's page, and the feeds (core.purging)."""
        from .models import WorkEntry

        slugs = set(
            WorkEntry.objects.filter(week=week, presider__isnull=False).values_list(
                "presider__slug", flat=True
            )
        )
        urls = []
        for page in cls.live_pages(week.locale_id):
            url = page.get_full_url(batch)
            if url is None:
                continue
            week_path = page.reverse_subpage("week", args=[week.label])
            feeds = [page.reverse_subpage("leader_feed", args=[slug]) for slug in sorted(slugs)]
            urls += [url, url + week_path, url + page.reverse_subpage("agency_feed")]
            urls += [url + page.day_path(day) for day in week_days(week.week_start)]
            urls += [url + feed for feed in feeds]
        return urls

    @classmethod
    def get_cached_urls_of(cls, obj, batch):
        """A person or unit changed: the calendar pages and feeds of their language, their
        own feed (a leader), and the page of every published week whose entries name them
        (with its leaders' feeds)."""
        from snippets.models import Agency, Person

        from .models import WorkWeek

        if isinstance(obj, Person):
            named = Q(entries__presider=obj) | Q(entries__participant_people=obj)
        elif isinstance(obj, Agency):
            named = Q(entries__participant_units=obj)
        else:
            return []
        urls = []
        for page in cls.live_pages(obj.locale_id):
            url = page.get_full_url(batch)
            if url is not None:
                urls += [url, url + page.reverse_subpage("agency_feed")]
                if isinstance(obj, Person):
                    urls.append(url + page.reverse_subpage("leader_feed", args=[obj.slug]))
        for week in WorkWeek.objects.filter(named, live=True).distinct():
            urls += cls.cached_urls_of_week(week, batch)
        return list(dict.fromkeys(urls))

    def bad_request(self, request, message, status=400):
        context = {**self.get_context(request), "error_message": message}
        return TemplateResponse(
            request, "work_calendar/calendar_error.html", context, status=status
        )

    @path("", name="this_week")
    def this_week(self, request):
        day = request.GET.get(DATE_PARAMETER)
        if day is None:
            return self.week_response(request, monday_of(timezone.localdate()))
        try:
            chosen = parse_date(day.strip())
        except BadWeek:
            return self.bad_request(request, _("Not a date this calendar can show: %s") % day[:40])
        if request.GET.get(VIEW_PARAMETER) == DAY_VIEW:
            target = self.url + self.day_path(chosen)
        else:
            target = self.url + self.reverse_subpage("week", args=[week_label(monday_of(chosen))])
        leader = request.GET.get(LEADER_PARAMETER)
        query = urlencode({LEADER_PARAMETER: leader[:120]}) if leader else ""
        return redirect(f"{target}?{query}" if query else target)

    @path("tuan/<str:week>/", name="week_vi")
    @path("week/<str:week>/", name="week")
    def week(self, request, week):
        try:
            monday = parse_week(week)
        except BadWeek:
            return self.bad_request(
                request, _("No such week: %s (write it as 2026-W49).") % week[:40], status=404
            )
        return self.week_response(request, monday)

    @path("ngay/<str:day>/", name="day_vi")
    @path("day/<str:day>/", name="day")
    def day(self, request, day):
        try:
            chosen = parse_date(day)
        except BadWeek:
            return self.bad_request(
                request, _("No such day: %s (write it as 2026-12-05).") % day[:40], status=404
            )
        return self.week_response(request, monday_of(chosen), only=chosen)

    def day_path(self, day):
        return self.reverse_subpage("day", args=[day.isoformat()])

    def requested_leader(self, request):
        """The leader of `?lanh-dao=`: None without it; BadWeek for an unknown one."""
        slug = request.GET.get(LEADER_PARAMETER)
        if not slug:
            return None
        leader = find_leader(self.locale_id, slug.strip()[:120])
        if leader is None:
            raise BadWeek(slug)
        return leader

    def week_response(self, request, monday, only=None):
        """The week of `monday`, or only its day `only` (the day view)."""
        try:
            leader = self.requested_leader(request)
        except BadWeek:
            return self.bad_request(request, _("No such leader in this calendar."), status=404)
        entries = list(
            by_leader(published_entries([self.locale_id]), leader).filter(
                date__range=(monday, week_days(monday)[-1])
            )
        )
        today = timezone.localdate()
        days = [
            {
                "date": day,
                "today": day == today,
                "url": self.day_url(day, 0),
                "abbreviation": WEEKDAY_ABBREVIATIONS[day.weekday()],
                "entries": [e for e in entries if e.date == day],
            }
            for day in week_days(monday)
        ]
        shown = [day for day in days if only is None or day["date"] == only]
        context = {
            **self.get_context(request),
            "monday": monday,
            "week_label": week_label(monday),
            "days": days,
            "shown_days": shown,
            "chosen_day": only,
            "week_url": self.week_url(monday.toordinal()),
            "previous_day": self.day_url(only, -1) if only else None,
            "next_day": self.day_url(only, 1) if only else None,
            "entry_count": sum(len(day["entries"]) for day in shown),
            "leader": leader,
            "leaders": list(leaders(self.locale_id)),
            "previous_week": self.week_url(monday.toordinal() - 7),
            "next_week": self.week_url(monday.toordinal() + 7),
            "this_week_url": self.url,
            "agency_feed_url": self.url + self.reverse_subpage("agency_feed"),
            "is_this_week": monday == monday_of(today),
            "leader_parameter": LEADER_PARAMETER,
            "date_parameter": DATE_PARAMETER,
            "view_parameter": VIEW_PARAMETER,
            "day_view_value": DAY_VIEW,
        }
        return TemplateResponse(request, self.get_template(request), context)

    def week_url(self, ordinal):
        day = date.fromordinal(ordinal)
        try:
            parse_week(week_label(day))
        except BadWeek:
            return None
        return self.url + self.reverse_subpage("week", args=[week_label(day)])

    def day_url(self, day, step):
        """The day `step` days from `day`, or None outside the calendar's years."""
        try:
            other = parse_date((day + timedelta(days=step)).isoformat())
        except BadWeek:
            return None
        return self.url + self.day_path(other)

    @path("ical/", name="agency_feed")
    def agency_feed(self, request):
        return self.feed_response(request, None)

    @path("ical/<str:slug>/", name="leader_feed")
    def leader_feed(self, request, slug):
        leader = find_leader(self.locale_id, slug[:120])
        if leader is None:
            return self.bad_request(request, _("No such leader in this calendar."), status=404)
        return self.feed_response(request, leader)

    def feed_response(self, request, leader):
        from .ical import calendar_response

        entries = by_leader(published_entries([self.locale_id]), leader).filter(
            date__range=feed_window()
        )
        return calendar_response(request, self, entries, leader)
