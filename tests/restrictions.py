"""Making a page private, as each kind of Wagtail view restriction does (shared by tests)."""

from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

KINDS = [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD, PageViewRestriction.GROUPS]


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="bi-mat" if kind == "password" else ""
    )
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.get_or_create(name="Nội bộ")[0])
    return restriction
