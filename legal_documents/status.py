"""A document's legal status (tình trạng hiệu lực), derived from its dates and from what the
published documents in force say about it; never stored, so it is right on the day it is read.

- a draft for comment is a draft;
- before its effective date (ngày có hiệu lực) it is not yet in force;
- from its expiry date, or once a published document in force replaces or repeals it, it
  has expired;
- once a published document in force repeals part of it, it has partially expired;
- otherwise it is in force.

What a document does to another applies to each language version of it: the relation of the
Vietnamese text that replaces a decision ends the English translation of that decision too.

`status_expression()` computes it in the database (for filters and facet counts);
`LegalDocumentPage.status` computes the same for one page.
"""

from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft for comment")
    NOT_YET_IN_FORCE = "not_in_force_yet", _("Not yet in force")
    IN_FORCE = "in_force", _("In force")
    PARTIALLY_EXPIRED = "partially_expired", _("Partially expired")
    EXPIRED = "expired", _("Expired")


class RelationKind(models.TextChoices):
    """What the document (the source) does to another one (the target). Each has its
    reverse wording, shown on the target's page."""

    REPLACES = "replaces", _("Replaces")
    AMENDS = "amends", _("Amends and supplements")
    REPEALS = "repeals", _("Repeals")
    PARTIALLY_REPEALS = "partially_repeals", _("Partially repeals")
    GUIDES = "guides", _("Guides the implementation of")


REVERSE_WORDING = {
    RelationKind.REPLACES: _("Replaced by"),
    RelationKind.AMENDS: _("Amended and supplemented by"),
    RelationKind.REPEALS: _("Repealed by"),
    RelationKind.PARTIALLY_REPEALS: _("Partially repealed by"),
    RelationKind.GUIDES: _("Implementation guided by"),
}
ENDING_KINDS = (RelationKind.REPLACES, RelationKind.REPEALS)
PARTIAL_KINDS = (RelationKind.PARTIALLY_REPEALS,)


def in_force_q(prefix="", today=None):
    """Published, final documents whose effective date (or issue date) has come."""
    today = today or timezone.localdate()
    return Q(**{f"{prefix}live": True, f"{prefix}is_draft": False}) & (
        Q(**{f"{prefix}effective_date__lte": today})
        | Q(**{f"{prefix}effective_date__isnull": True, f"{prefix}issue_date__lte": today})
    )


def acting_relations(kinds, today=None):
    """Relations of `kinds` from a document in force."""
    from .models import LegalDocumentRelation

    return LegalDocumentRelation.objects.filter(in_force_q("source__", today), kind__in=kinds)


def _acting_on_outer(kinds, today):
    """Relations of `kinds` in force on any language version of the outer document: the
    versions are found by the page index on translation_key, then the relations by the
    index on their target (a join on the target's translation_key scans every relation)."""
    from wagtail.models import Page

    versions = Page.objects.filter(translation_key=OuterRef(OuterRef("translation_key")))
    return acting_relations(kinds, today).filter(target_id__in=versions.values("pk"))


def _acted_on_keys(kinds, today):
    """The translation keys of the documents that relations of `kinds` in force act on."""
    return acting_relations(kinds, today).values("target__translation_key")


def status_expression(today=None, every_row=False):
    """The status of each document of a queryset, as an annotation.

    A page of documents looks its relations up per document (two index lookups each). When
    the status of every document of a large set is wanted (facet counts, a status filter),
    `every_row` reads the relations in force once, as a subquery the database hashes: at
    100,000 documents that is one pass over the relations instead of 200,000 lookups
    (docs/performance.md, "Legal documents").
    """
    today = today or timezone.localdate()
    if every_row:
        ended = Q(translation_key__in=_acted_on_keys(ENDING_KINDS, today))
        partly_ended = Q(translation_key__in=_acted_on_keys(PARTIAL_KINDS, today))
    else:
        ended = Exists(_acting_on_outer(ENDING_KINDS, today))
        partly_ended = Exists(_acting_on_outer(PARTIAL_KINDS, today))
    return Case(
        When(is_draft=True, then=Value(Status.DRAFT)),
        When(effective_date__gt=today, then=Value(Status.NOT_YET_IN_FORCE)),
        When(expiry_date__lte=today, then=Value(Status.EXPIRED)),
        When(ended, then=Value(Status.EXPIRED)),
        When(partly_ended, then=Value(Status.PARTIALLY_EXPIRED)),
        default=Value(Status.IN_FORCE),
        output_field=models.CharField(),
    )


def status_of(document, today=None):
    """The status of one document (the same rule as `status_expression`)."""
    today = today or timezone.localdate()
    if document.is_draft:
        return Status.DRAFT
    if document.effective_date and document.effective_date > today:
        return Status.NOT_YET_IN_FORCE
    if document.expiry_date and document.expiry_date <= today:
        return Status.EXPIRED
    kinds = set(
        acting_relations(ENDING_KINDS + PARTIAL_KINDS, today)
        .filter(target__translation_key=document.translation_key)
        .values_list("kind", flat=True)
    )
    if kinds & set(ENDING_KINDS):
        return Status.EXPIRED
    if kinds:
        return Status.PARTIALLY_EXPIRED
    return Status.IN_FORCE
