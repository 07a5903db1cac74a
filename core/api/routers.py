"""The API routers the portal serves, registered where they are built (`portal.api`, which
the URLconf imports): purging (`core.purging`) and the change log (`core.changes`) read
which endpoints serve a model from them."""

from importlib import import_module

from django.conf import settings
from django.utils import translation

# The API routers, by URL namespace.
_api_routers = {}


def register_api(router):
    """Purge and log the objects of the router's endpoints: called where the router is built."""
    _api_routers[router.url_namespace] = router


def load_urlconf():
    """Import the URLconf (which builds the routers) in the site's default language.

    Importing it registers the admin's viewsets, whose forms Wagtail builds once per process
    with their texts translated then (a snippet chooser's "Choose agency"): imported first
    inside `translation.override("en")` (an English publish logging a change, the English
    OpenAPI document), the Vietnamese admin would show those texts in English.
    """
    with translation.override(settings.LANGUAGE_CODE):
        import_module(settings.ROOT_URLCONF)


def api_routers():
    """The registered API routers (importing the URLconf builds them)."""
    load_urlconf()
    return list(_api_routers.values())
