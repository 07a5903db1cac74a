from wagtail import hooks

from .panels import VisitsPanel


@hooks.register("construct_homepage_panels")
def add_visits_panel(request, panels):
    panels.append(VisitsPanel())
