"""The organisation part of the "Thông tin bắt buộc" panel (core.required_information):
the organisation page and chart, its functions, leaders, focal points and English version."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Locale, Page

from core.required_information import RequiredInformation
from snippets.models import Agency, Person

from .models import OrganisationPage


def fix_page_url(page):
    if page is not None:
        return reverse("wagtailadmin_pages:edit", args=(page.pk,))
    home = Page.objects.filter(depth=2, locale=Locale.get_default()).first()
    if home is None:
        return reverse("wagtailadmin_home")
    return reverse("wagtailadmin_pages:add", args=("organisation", "organisationpage", home.pk))


def english_version(page):
    """(published, detail, fix URL) of the English page and of the English versions of the
    leaders and of the units below the agency (the English chart is drawn from them)."""
    english = Locale.objects.filter(language_code="en").first()
    translation = page.get_translation_or_none(english) if english and page else None
    if translation is None or not translation.live:
        url = reverse("wagtail_localize:submit_page_translation", args=(page.pk,)) if page else ""
        return False, _("English version missing or unpublished"), url or fix_page_url(page)
    keys = page.leaders.values("person__translation_key")
    translated = Person.objects.live().filter(locale=english, translation_key__in=keys).count()
    if translated < len(page.live_leaders):
        url = reverse("wagtailsnippets_snippets_person:list")
        return False, _("Some leaders have no published English version"), url
    unit_keys = [unit.agency.translation_key for unit in page.units()[1:]]
    units = Agency.objects.live().filter(locale=english, translation_key__in=unit_keys).count()
    if units < len(unit_keys):
        url = reverse("wagtailsnippets_snippets_agency:list")
        return False, _("Some units have no published English version"), url
    return True, "", fix_page_url(translation)


@hooks.register("register_required_information")
def organisation_information(request):
    page = OrganisationPage.objects.filter(locale=Locale.get_default()).first()
    live = page is not None and page.live
    updated = page.last_published_at if page is not None else None
    url = fix_page_url(page)
    chart = page.chart if page is not None else None
    leaders = page.live_leaders if page is not None else []
    focal_points = page.live_focal_points if page is not None else []
    english_ok, english_detail, english_url = english_version(page)
    item = RequiredInformation
    return [
        item(
            "organisation",
            _("Organisation and organisation chart"),
            present=page is not None,
            published=live and chart is not None and bool(chart.children),
            fix_url=url,
            updated_at=updated,
            detail="" if chart is not None else _("No published agency chosen for the chart"),
        ),
        item(
            "functions",
            _("Functions, tasks and powers"),
            present=bool(page and page.functions),
            published=live and bool(page.functions),
            fix_url=url,
            updated_at=updated,
        ),
        item(
            "leaders",
            _("Leadership"),
            present=page is not None and page.leaders.exists(),
            published=live and bool(leaders),
            fix_url=url,
            updated_at=updated,
        ),
        item(
            "focal_points",
            _("Focal points for information provision"),
            present=page is not None and page.focal_points.exists(),
            published=live and bool(focal_points),
            fix_url=url,
            updated_at=updated,
        ),
        item(
            "english_versions",
            _("Organisation in English"),
            present=page is not None,
            published=english_ok,
            fix_url=english_url,
            detail=english_detail,
        ),
    ]
