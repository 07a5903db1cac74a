"""sitemap.xml (every public page in every language, with hreflang alternates) and robots.txt."""

from django.conf import settings
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class PortalSitemap(Sitemap):
    """The live, public pages of the site's home page and of its translations.

    A page under an unpublished or private parent is left out, like its parent. Each URL
    lists its published translations as `<xhtml:link rel="alternate" hreflang>`, plus
    x-default (the default language's version).
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.live().public().filter(translation_key=root.translation_key)
        pages = []
        for home in roots:
            pages.extend(
                home.get_descendants(inclusive=True)
                .live()
                .public()
                .order_by("path")
                .defer_streamfields()
                .specific()
            )
        locales = {locale.pk: locale for locale in Locale.objects.all()}
        reachable = set()
        items = []
        for page in sorted(pages, key=lambda page: page.path):
            parent_path = page.path[: -page.steplen]
            if page.depth > root.depth and parent_path not in reachable:
                continue  # an ancestor is a draft or private
            reachable.add(page.path)
            page._state.fields_cache["locale"] = locales[page.locale_id]
            items.append(page)
        self.alternates = self.build_alternates(items)
        return items

    def build_alternates(self, pages):
        """{page location: [{"lang_code", "location"}, ...]} for pages with translations."""
        groups = {}
        for page in pages:
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
        for item in self.paginator.page(page).object_list:
            for url_info in item.get_sitemap_urls(self.request):
                alternates = self.alternates.get(url_info.get("location"))
                if alternates:
                    url_info = {**url_info, "alternates": alternates}
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sitemap_url"] = self.request.build_absolute_uri(reverse("sitemap"))
        return context
