"""The title a person held on a date, for pages naming people (articles, event reports)."""

from datetime import datetime

from django import template
from django.db.models import Q
from django.utils import timezone

from snippets.models import PersonPosition

register = template.Library()


def as_date(value):
    if isinstance(value, datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


@register.simple_tag
def titles_on(people, when):
    """{person id: title held on `when`} for `people` (people, or links with a `person`),
    in one query whatever their number; people without a post then are left out."""
    day = as_date(when)
    ids = [getattr(item, "person_id", None) or item.pk for item in people]
    if not ids or day is None:
        return {}
    posts = (
        PersonPosition.objects.filter(person_id__in=ids, start_date__lte=day)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
        .order_by("sort_order", "-start_date")
        .values_list("person_id", "title")
    )
    titles = {}
    for person_id, title in posts:
        titles.setdefault(person_id, title)
    return titles


@register.filter
def title_of(titles, person):
    """The title in `titles_on` for `person`, else the person's current title."""
    return titles.get(person.pk) or person.position
