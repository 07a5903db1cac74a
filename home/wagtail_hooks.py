"""Admin of the home app: the links to portals (a snippet), and its answers to the
"Thông tin bắt buộc" panel (contacts, their English version, the links, the EMC code)."""

from urllib.parse import urlsplit

from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Site
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.required_information import HOOK_NAME, RequiredInformation
from core.visibility import visible_pages
from snippets.wagtail_hooks import common_columns

from .links import PublicServiceLink
from .pages import ContactPage
from .portal_settings import PortalSettings

NATIONAL_PUBLIC_SERVICE_HOST = "dichvucong.gov.vn"
# What a contact page needs from the settings, by field, and its English counterparts.
CONTACT_FIELDS = ("footer_address", "phone", "email", "working_hours")
ENGLISH_CONTACT_FIELDS = ("governing_body", "agency_name", "footer_address", "working_hours")


class PublicServiceLinkViewSet(SnippetViewSet):
    model = PublicServiceLink
    icon = "link"
    menu_label = _("Links to portals")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "url", "group", "sort_order", *common_columns()]
    list_filter = ["group", "live"]
    ordering = ["group", "sort_order"]


register_snippet(PublicServiceLinkViewSet)


def settings_url(site):
    return reverse("wagtailsettings:edit", args=["home", "portalsettings", site.pk])


def contact_items(settings, site):
    """The contacts, and the English version of their texts."""
    contact_pages = visible_pages(ContactPage.objects).select_related("locale")
    by_language = {page.locale.language_code: page for page in contact_pages}
    page = by_language.get(PortalSettings.SOURCE_LANGUAGE)
    missing = [
        str(PortalSettings._meta.get_field(name).verbose_name)
        for name in CONTACT_FIELDS
        if not getattr(settings, name)
    ]
    english_missing = [
        str(PortalSettings._meta.get_field(f"{name}_en").verbose_name)
        for name in ENGLISH_CONTACT_FIELDS
        if getattr(settings, name) and not getattr(settings, f"{name}_en")
    ]
    english_page = by_language.get("en")
    return [
        RequiredInformation(
            topic="contacts",
            label=gettext("Contacts (address, phones, e-mail, working hours)"),
            present=not missing,
            published=page is not None,
            fix_url=settings_url(site),
            updated_at=page.last_published_at if page else None,
            detail=(gettext("Missing: %s") % ", ".join(missing) if missing else "")
            or ("" if page else gettext("No published contact page")),
        ),
        RequiredInformation(
            topic="english_versions",
            label=gettext("Contacts in English"),
            present=not english_missing,
            published=english_page is not None,
            fix_url=settings_url(site),
            updated_at=english_page.last_published_at if english_page else None,
            detail=(gettext("Missing: %s") % ", ".join(english_missing) if english_missing else "")
            or ("" if english_page else gettext("No published English contact page")),
        ),
    ]


def links_item():
    links = PublicServiceLink.objects.all()
    live = list(links.filter(live=True).values_list("url", flat=True))
    national = any(urlsplit(url).hostname == NATIONAL_PUBLIC_SERVICE_HOST for url in live)
    updated = links.aggregate(at=Max("latest_revision__created_at"))["at"]
    return RequiredInformation(
        topic="public_service_links",
        label=gettext("Links to the public service portals and other agencies"),
        present=links.exists(),
        published=bool(live),
        fix_url=reverse(PublicServiceLink.snippet_viewset.get_url_name("list")),
        updated_at=updated,
        detail="" if national else gettext("No link to the national public service portal"),
    )


def no_site_items():
    """Before any site exists (a fresh install) its settings cannot be there: add a site."""
    fix_url = reverse("wagtailsites:index")
    topics = [
        ("contacts", gettext("Contacts (address, phones, e-mail, working hours)")),
        ("english_versions", gettext("Contacts in English")),
        ("emc_code", gettext("EMC monitoring code")),
    ]
    return [
        RequiredInformation(
            topic=topic, label=label, present=False, published=False, fix_url=fix_url
        )
        for topic, label in topics
    ]


@hooks.register(HOOK_NAME)
def required_information(request):
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return [*no_site_items(), links_item()]
    settings = PortalSettings.for_site(site)
    emc = RequiredInformation(
        topic="emc_code",
        label=gettext("EMC monitoring code"),
        present=bool(settings.emc_script_url),
        published=bool(settings.emc_script_url),
        fix_url=settings_url(site),
    )
    return [*contact_items(settings, site), links_item(), emc]
