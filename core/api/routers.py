"""The API routers the portal serves, registered where they are built (`portal.api`, which
the URLconf imports): purging (`core.purging`) and the change log (`core.changes`) read
which endpoints serve a model from them."""

from importlib import import_module

from django.conf import settings

# The API routers, by URL namespace.
_api_routers = {}


def register_api(router):
    """Purge and log the objects of the router's endpoints: called where the router is built."""
    _api_routers[router.url_namespace] = router


def api_routers():
    """The registered API routers (importing the URLconf builds them)."""
    import_module(settings.ROOT_URLCONF)
    return list(_api_routers.values())
