"""The admin dashboard's panel: the four figures and daily visitors of the last 30 days,
drawn as an SVG bar chart on the server (no script), with the figures as a table too."""

import datetime

from django.utils.translation import gettext as _
from redis.exceptions import RedisError
from wagtail.admin.ui.components import Component

from .counting import current_figures, daily_figures, local_now

CHART_DAYS = 30
WIDTH, HEIGHT = 600, 200
TOP, BOTTOM, LEFT = 10, 24, 40
# Room between the last date label and the right edge (a glyph's box overhangs its advance).
RIGHT_MARGIN = 2


def nice_ceiling(value):
    """The smallest of 1, 2, 5 x 10^n that is at least `value` (the axis maximum)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def date_label(index, count, slot):
    """Where a bar's date label goes: centred under every fifth bar; the last day's label
    ends at the chart's right edge, since centred under the last bar it overflowed the
    SVG and was cut off."""
    if index == count - 1:
        return {"labelled": True, "label_x": WIDTH - RIGHT_MARGIN, "label_anchor": "end"}
    return {
        "labelled": index % 5 == 0,
        "label_x": round(LEFT + index * slot + slot / 2, 1),
        "label_anchor": "middle",
    }


def chart(days):
    top = nice_ceiling(max([visitors for _, visitors, _ in days] + [1]))
    plot_height = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT) / len(days)
    bars = []
    for index, (day, visitors, _views) in enumerate(days):
        height = round(plot_height * visitors / top, 1)
        bars.append(
            {
                "x": round(LEFT + index * slot + slot * 0.15, 1),
                "y": round(TOP + plot_height - height, 1),
                "width": round(slot * 0.7, 1),
                "height": height,
                "day": day,
                "visitors": visitors,
                **date_label(index, len(days), slot),
            }
        )
    return {
        "bars": bars,
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "baseline": HEIGHT - BOTTOM,
        "label_y": HEIGHT - 8,
        "top_y": TOP,
        "middle_y": TOP + plot_height / 2,
        "max": top,
        "half": top / 2,
    }


class VisitsPanel(Component):
    name = "visitor_statistics"
    template_name = "visits/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        today = local_now().date()
        try:
            figures = current_figures()
            days = daily_figures(today - datetime.timedelta(days=CHART_DAYS - 1), today)
        except RedisError:
            return {"unavailable": True}
        busiest = max(days, key=lambda item: item[1])
        return {
            "figures": figures,
            "days": days,
            "chart": chart(days),
            "description": _(
                "Daily visitors from %(start)s to %(end)s: %(sum)s in all, at most %(max)s "
                "(%(max_day)s)."
            )
            % {
                "start": days[0][0].strftime("%d/%m/%Y"),
                "end": days[-1][0].strftime("%d/%m/%Y"),
                "sum": sum(visitors for _, visitors, _ in days),
                "max": busiest[1],
                "max_day": busiest[0].strftime("%d/%m/%Y"),
            },
        }
