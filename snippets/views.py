"""Admin views of the reference data."""

from django.contrib.admin.utils import NestedObjects
from django.db import models, router
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import capfirst
from modelcluster.fields import ParentalKey
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_valid_next_url_from_request

# A refusal names at most this many referrers per object, then says how many more there are.
MAX_LISTED_REFERRERS = 20


def find_protecting_objects(instance):
    """The objects whose PROTECT or RESTRICT foreign keys stop `instance` from being deleted.

    This asks Django's deletion collector, the same code that would raise ProtectedError,
    rather than Wagtail's reference index, which only knows the models Wagtail tracks and
    can lag behind the database.
    """
    collector = NestedObjects(using=router.db_for_write(type(instance)))
    collector.collect([instance])
    return collector.protected


def owner_of(obj):
    """The object an editor opens to change `obj`: the parent of an inline child object."""
    while parental_key := next(
        (field for field in obj._meta.get_fields() if isinstance(field, ParentalKey)), None
    ):
        obj = getattr(obj, parental_key.name)
    return obj


def referring_fields(obj, target):
    """Labels of the fields of `obj` that point at `target`, e.g. "Award recipient → Agency"."""
    prefix = ""
    if owner_of(obj) is not obj:
        prefix = f"{capfirst(obj._meta.verbose_name)} → "
    return [
        prefix + capfirst(field.verbose_name)
        for field in obj._meta.get_fields()
        if isinstance(field, models.ForeignKey)
        and field.related_model is type(target)
        and getattr(obj, field.attname) == target.pk
    ]


def describe_referrers(instance, url_finder):
    """Group the protecting objects of `instance` by the object an editor would open."""
    referrers = {}
    for obj in find_protecting_objects(instance):
        owner = owner_of(obj)
        entry = referrers.setdefault(
            (type(owner), owner.pk),
            {
                "object": owner,
                "type": capfirst(owner._meta.verbose_name),
                "edit_url": url_finder.get_edit_url(owner),
                "fields": [],
            },
        )
        entry["fields"].extend(referring_fields(obj, instance))
    return sorted(referrers.values(), key=lambda entry: (entry["type"], str(entry["object"])))


def refuse_protected_deletion(request, instances):
    """`before_delete_snippet` hook: refuse to delete anything still referred to.

    Runs for the delete view and the bulk delete action, on GET and POST alike, so the
    confirmation is never offered and a forged POST deletes nothing. The answer names every
    referrer, instead of failing with a ProtectedError or only counting references.
    """
    url_finder = AdminURLFinder(request.user)
    refusals = []
    for instance in instances:
        referrers = describe_referrers(instance, url_finder)
        if referrers:
            refusals.append(
                {
                    "object": instance,
                    "model_name": instance._meta.verbose_name,
                    "referrers": referrers[:MAX_LISTED_REFERRERS],
                    "unlisted_count": max(len(referrers) - MAX_LISTED_REFERRERS, 0),
                }
            )
    if not refusals:
        return None

    viewset = type(instances[0]).snippet_viewset
    subtitle = instances[0] if len(instances) == 1 else viewset.model_opts.verbose_name_plural
    back_url = get_valid_next_url_from_request(request) or reverse(viewset.get_url_name("list"))
    return TemplateResponse(
        request,
        "snippets/delete_refused.html",
        {
            "refusals": refusals,
            "header_icon": viewset.icon,
            "subtitle": subtitle,
            "back_url": back_url,
        },
        # 409 Conflict: the request is understood but clashes with the data as it stands.
        status=409 if request.method == "POST" else 200,
    )
