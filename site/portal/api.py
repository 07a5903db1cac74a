"""The API router: built from the endpoints each app declares in its own `api.py`."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from snippets.api import AgenciesAPIViewSet, AwardsAPIViewSet, BannersAPIViewSet, PeopleAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
api_router.register_endpoint("agencies", AgenciesAPIViewSet)
api_router.register_endpoint("people", PeopleAPIViewSet)
api_router.register_endpoint("awards", AwardsAPIViewSet)
api_router.register_endpoint("banners", BannersAPIViewSet)

# Emulation blocs. Their awards endpoint replaces the one above: the same awards, plus the bloc
# years each was conferred for and the filters ?bloc= and ?recipient_agency=.
from blocs.api import BlocAwardsAPIViewSet, BlocsAPIViewSet  # noqa: E402

api_router.register_endpoint("blocs", BlocsAPIViewSet)
api_router.register_endpoint("awards", BlocAwardsAPIViewSet)
