"""sitemap.xml (an index of sections listing every public page in every language, with
hreflang alternates) and robots.txt."""

from dataclasses import replace
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Max, Q
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import index
from wagtail.models import Locale, Page

from core.origin import absolute_url
from core.visibility import visible_pages


class PortalSitemap(Sitemap):
    """The live, public pages of the site's home page and of its translations.

    Served in sections of `limit` pages (`/sitemap-pages.xml?p=2`) listed by the index at
    /sitemap.xml: a request holds one section's pages, never the whole site, and costs the
    same queries whatever the number of pages. A page under an unpublished or private
    parent is left out, like its parent. Each URL lists its published translations as
    `<xhtml:link rel="alternate" hreflang>`, plus x-default (the default language's version).
    """

    limit = 5000

    def pages(self):
        root = self.get_wagtail_site().root_page
        homes = list(
            visible_pages(Page.objects)
            .filter(translation_key=root.translation_key)
            .values_list("path", flat=True)
        )
        # Parents that are not live hide their subtrees (private ones: `public()`).
        hidden = Page.objects.filter(live=False, numchild__gt=0).values_list("path", flat=True)
        under_home = Q(pk__in=[])
        for path in homes:
            under_home |= Q(path__startswith=path)
        pages = visible_pages(Page.objects).filter(under_home)
        for path in hidden:
            pages = pages.exclude(path__startswith=path)
        return pages

    def items(self):
        return self.pages().order_by("path").defer_streamfields().specific()

    def get_latest_lastmod(self):
        """For the index, in one query: Django's own reads every page of the site."""
        return self.pages().aggregate(latest=Max("last_published_at"))["latest"]

    def alternates(self, pages, locales):
        """{page location: [{"lang_code", "location"}, ...]} for pages with translations."""
        translations = (
            visible_pages(Page.objects)
            .filter(translation_key__in={page.translation_key for page in pages})
            .only("pk", "path", "url_path", "translation_key", "locale_id", "depth")
        )
        groups = {}
        for page in translations:
            page.locale = locales[page.locale_id]
            url = page.get_full_url(self.request)
            if url:
                groups.setdefault(page.translation_key, {})[page.locale.language_code] = url
        alternates = {}
        for versions in groups.values():
            if len(versions) < 2:
                continue
            entries = [
                {"lang_code": code, "location": url} for code, url in sorted(versions.items())
            ]
            default = versions.get(settings.LANGUAGE_CODE)
            if default:
                entries.append({"lang_code": "x-default", "location": default})
            for url in versions.values():
                alternates[url] = entries
        return alternates

    def _urls(self, page, protocol, domain):
        urls = []
        last_mods = set()
        pages = list(self.paginator.page(page).object_list)
        # Page URLs depend on the page's language: one query for all the locales.
        locales = {locale.pk: locale for locale in Locale.objects.all()}
        for item in pages:
            item.locale = locales[item.locale_id]
        alternates = self.alternates(pages, locales)
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                entries = alternates.get(url_info.get("location"))
                if entries:
                    url_info = {**url_info, "alternates": entries}
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def sitemap_index(request, sitemaps, **kwargs):
    """Wagtail's sitemap index, its sections on the public origin like their pages (Django
    writes them on the request's host)."""
    response = index(request, sitemaps, **kwargs)
    response.context_data["sitemaps"] = [
        replace(item, location=absolute_url(on_this_site(item.location)))
        for item in response.context_data["sitemaps"]
    ]
    return response


def on_this_site(url):
    """The path and query of an absolute URL."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sitemap_url"] = absolute_url(reverse("sitemap"))
        return context
