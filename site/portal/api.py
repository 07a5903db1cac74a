"""The API router: built from the endpoints each app declares in its own `api.py`.

Every endpoint takes `?locale=vi|en`. Images and documents have no language: they accept it
without filtering. The awards endpoint is the blocs' one: the snippets' awards plus the bloc
years each was conferred for, and the filters `?bloc=` and `?recipient_agency=`.

Every endpoint takes `?updated_since=` (ISO 8601) and answers with `ETag`, `Last-Modified`
and `Cache-Control` (see `core.api.views.CachedAPIMixin`); the pages' filters are described in
`articles.api`, the reference data's in `snippets.api`.
"""

from wagtail.api.v2.router import WagtailAPIRouter

from articles.api import PortalPagesAPIViewSet
from articles.preview import PagePreviewAPIViewSet
from blocs.api import BlocAwardsAPIViewSet, BlocsAPIViewSet
from core.api.media import PortalDocumentsAPIViewSet, PortalImagesAPIViewSet
from core.api.routers import register_api
from core.changes.stream import ChangesAPIViewSet
from legal_documents.api import LegalDocumentsAPIViewSet
from snippets.api import AgenciesAPIViewSet, BannersAPIViewSet, PeopleAPIViewSet
from visits.api import VisitsAPIViewSet
from work_calendar.api import WorkCalendarAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)
api_router.register_endpoint("agencies", AgenciesAPIViewSet)
api_router.register_endpoint("people", PeopleAPIViewSet)
api_router.register_endpoint("awards", BlocAwardsAPIViewSet)
api_router.register_endpoint("banners", BannersAPIViewSet)
api_router.register_endpoint("blocs", BlocsAPIViewSet)
api_router.register_endpoint("visits", VisitsAPIViewSet)
api_router.register_endpoint("legal-documents", LegalDocumentsAPIViewSet)
api_router.register_endpoint("work-calendar", WorkCalendarAPIViewSet)
# An editor's draft for a headless front end holding a preview token (core/headless).
api_router.register_endpoint("preview", PagePreviewAPIViewSet)
# What entered, changed in or left each endpoint's public set (core.changes), tombstones too.
api_router.register_endpoint("changes", ChangesAPIViewSet)
# Publishing purges an object's API URLs on the endpoints serving it (core.purging).
register_api(api_router)
