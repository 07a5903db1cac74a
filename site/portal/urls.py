from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core.api_docs import api_docs
from core.openapi.views import api_not_found, openapi_json
from editorial.sign_in import ReaderLoginView, document_password, page_password
from home.sitemaps import PortalSitemap, RobotsView, sitemap_index

from .api import api_router

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's password forms, throttled like sign-ins (editorial/sign_in.py).
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/openapi.json", openapi_json, {"router": api_router}, name="openapi"),
    path("api/v2/", api_router.urls),
    re_path(r"^api/v2/(?P<path>.*)$", api_not_found),
    path("visits/", include("visits.urls")),
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": {"pages": PortalSitemap}, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap,
        {"sitemaps": {"pages": PortalSitemap}},
        name="sitemap_section",
    ),
    path("robots.txt", RobotsView.as_view(), name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Vietnamese at the root, English under /en/.
urlpatterns += i18n_patterns(
    path("api/docs/", api_docs, {"router": api_router}, name="api_docs"),
    path("", include("search.urls")),
    # Wagtail's reader sign-in and page password, with the admin's checks (editorial/sign_in.py).
    path("_util/login/", ReaderLoginView.as_view(), name="wagtailcore_login"),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# A lost database answers a 503 page (core/outage.py), anything else Django's 500 page.
handler500 = "core.outage.server_error"
