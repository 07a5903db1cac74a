"""The "Thông tin bắt buộc" panel: what the law asks the portal to publish, and where it stands.

The apps answer through `core.required_information` (one hook per app); this module turns
their answers into rows for the dashboard panel and the full admin view: one row per answer,
in the law's order, and a "missing" row for every topic no app answers for yet, so the panel
tells the truth before every part of the portal is built.
"""

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.required_information import TOPICS, collect

TOPIC_LABELS = {
    "organisation": pgettext_lazy("required information", "Organisation structure"),
    "functions": pgettext_lazy("required information", "Functions, tasks and powers"),
    "leaders": pgettext_lazy("required information", "Leadership"),
    "contacts": pgettext_lazy("required information", "Address, phone and e-mail"),
    "focal_points": pgettext_lazy(
        "required information", "Focal-point officials for information provision"
    ),
    "english_versions": pgettext_lazy(
        "required information", "English versions of this information"
    ),
    "legal_documents": pgettext_lazy("required information", "Legal documents"),
    "work_calendar": pgettext_lazy("required information", "Work calendar"),
    "public_service_links": pgettext_lazy(
        "required information", "Links to public service portals"
    ),
    "emc_code": pgettext_lazy("required information", "EMC monitoring code"),
}

# Status key: (badge text, badge class). Each badge says its state in words.
STATUSES = {
    "complete": (pgettext_lazy("required information", "Complete"), "w-status--primary"),
    "stale": (pgettext_lazy("required information", "Out of date"), "w-status--label"),
    "unpublished": (pgettext_lazy("required information", "Not published"), "w-status--label"),
    "missing": (pgettext_lazy("required information", "Missing"), "w-status--label"),
}
logger = logging.getLogger(__name__)
NOT_ANSWERED = _("No part of the portal reports on this yet: check it by hand.")
CHECK_FAILED = _("A check failed (the error is in the server log): check it by hand.")


@dataclass(frozen=True)
class Row:
    topic: str
    label: str
    status: str
    detail: str
    updated_at: object
    fix_url: str

    @property
    def badge(self):
        return STATUSES[self.status][0]

    @property
    def badge_class(self):
        return STATUSES[self.status][1]

    @property
    def complete(self):
        return self.status == "complete"


def status_of(item):
    if not item.present:
        return "missing"
    if not item.published:
        return "unpublished"
    return "complete" if item.up_to_date else "stale"


def may_open(user, url):
    """Whether `user` passes the permission check of the admin view at `url`, as far as the
    view declares it (Wagtail's generic views name a policy and an action); a view that does
    not say counts as open, and its own check still applies."""
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return True
    view_class = getattr(match.func, "view_class", None)
    if view_class is None:
        return True
    view = view_class(**getattr(match.func, "view_initkwargs", {}))
    policy = getattr(view, "permission_policy", None)
    if not policy:
        return True
    if getattr(view, "permission_required", None):
        return policy.user_has_permission(user, view.permission_required)
    if getattr(view, "any_permission_required", None):
        return policy.user_has_any_permission(user, view.any_permission_required)
    return True


def rows(request):
    """The panel's rows: the apps' answers in the law's order, and one "missing" row for each
    topic no app answered for. A fix link shows only to a user who may open it."""
    failures = []
    items = collect(request, failures)
    answered = {item.topic for item in items}
    allowed = {}
    result = []
    for item in items:
        if item.fix_url not in allowed:
            allowed[item.fix_url] = may_open(request.user, item.fix_url)
        result.append(
            Row(
                topic=item.topic,
                label=item.label or TOPIC_LABELS[item.topic],
                status=status_of(item),
                detail=item.detail,
                updated_at=item.updated_at,
                fix_url=item.fix_url if allowed[item.fix_url] else "",
            )
        )
    for topic in TOPICS:
        if topic not in answered:
            detail = CHECK_FAILED if failures else NOT_ANSWERED
            result.append(Row(topic, TOPIC_LABELS[topic], "missing", detail, None, ""))
    return sorted(result, key=lambda row: TOPICS.index(row.topic))


def summary(all_rows):
    return {
        "rows": all_rows,
        "complete_count": sum(row.complete for row in all_rows),
        "total": len(all_rows),
        "incomplete": [row for row in all_rows if not row.complete],
    }


class RequiredInformationPanel(Component):
    """The admin home's summary: how many items are complete, and the others."""

    name = "required_information"
    template_name = "editorial/required_information_panel.html"
    order = 40

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        """Whatever fails here leaves the admin home usable (a failing app's check is already
        left out by `collect`)."""
        try:
            return summary(rows(self.request))
        except Exception:
            logger.exception("A required-information check failed")
            return {"failed": True}


class RequiredInformationView(WagtailAdminTemplateMixin, TemplateView):
    """Every item, with its state, its last change, a remark and the link to fix it."""

    template_name = "editorial/required_information.html"
    page_title = pgettext_lazy("required information", "Required information")
    header_icon = "clipboard-list"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **summary(rows(self.request))}
