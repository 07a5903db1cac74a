"""Template tags of the emulation blocs, for this app's templates and the event report's."""

from django import template

from blocs.models import BlocMembership, BlocYear, agency_linker
from core.visibility import is_visible, visible_translation

register = template.Library()


@register.simple_tag(takes_context=True)
def agency_url(context, agency):
    """The URL of a published agency's public profile, or "" when it has none.

    Usage: `{% agency_url agency as url %}{% if url %}<a href="{{ url }}">…{% endif %}`.
    """
    return agency_linker(context.get("request")).url(agency) or ""


@register.inclusion_tag("blocs/includes/bloc_term.html", takes_context=True)
def bloc_term(context, report):
    """A box for an event report linked to a bloc year: the bloc, the year, its head and motto.

    Renders nothing when the report has no published bloc year or readers may not see the bloc
    page (see `core.visibility`).
    """
    term_id = getattr(report, "bloc_term_id", None)
    if not term_id:
        return {"term": None}
    # The head with its year and bloc in one query; the year alone when it has no live head.
    head_row = (
        BlocMembership.objects.filter(
            bloc_year_id=term_id, role=BlocMembership.Role.HEAD, agency__live=True
        )
        .select_related("agency", "bloc_year__bloc")
        .order_by("sort_order")
        .first()
    )
    if head_row is not None:
        term, head = head_row.bloc_year, head_row.agency
    else:
        term, head = BlocYear.objects.select_related("bloc").filter(pk=term_id).first(), None
    if term is None or not term.live or not is_visible(term.bloc, context.get("request")):
        return {"term": None}
    return {"request": context.get("request"), "term": term, "bloc": term.bloc, "head": head}


@register.simple_tag(takes_context=True, name="visible_translation")
def visible_translation_tag(context, page):
    """A page's translation in the active language if readers may see it, else the page if
    they may, else None: `{% visible_translation page as target %}{% if target %}…`."""
    return visible_translation(page, context.get("request"))


@register.filter
def award_names_year(award):
    """Whether an award's title, or the description of its recipients shown after it, already
    says its year ("… trong phong trào thi đua năm 2023"): then the year is not repeated."""
    year = str(award.year or "")
    shown = [award.title, award.recipient_description if award.recipient_count else ""]
    return bool(year) and any(year in text for text in shown)
