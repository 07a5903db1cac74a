"""Sub-page routes whose path segment is in the page's language.

A routable page's routes are declared once for every language, so a segment such as
"agencies/" would show on the Vietnamese site too. With `LocalisedRoutesMixin`, each route
named in `localised_routes` has a Vietnamese twin named "<name>_vi", declared on the same
view::

    @path("don-vi/<slug:slug>/", name="agency_vi")
    @path("agencies/<slug:slug>/", name="agency")
    def agency_profile(self, request, slug): ...

Callers keep reversing the plain name (`reverse_subpage("agency", ...)`): a page reverses
and serves the twin of its own language, and answers the other twin with a 301 to it, so that
links made before (readers' bookmarks, search engines) or in the other language keep working.
"""

from django.http import HttpResponsePermanentRedirect

VIETNAMESE_SUFFIX = "_vi"


class LocalisedRoutesMixin:
    """Put before `RoutablePageMixin`; name the localised routes in `localised_routes`."""

    localised_routes = frozenset()

    def own_route(self, name):
        """The name of route `name` (either twin) in this page's language."""
        plain = name.removesuffix(VIETNAMESE_SUFFIX)
        if plain in self.localised_routes and self.locale.language_code == "vi":
            return plain + VIETNAMESE_SUFFIX
        return plain if plain in self.localised_routes else name

    def reverse_subpage(self, name, args=None, kwargs=None):
        return super().reverse_subpage(self.own_route(name), args=args, kwargs=kwargs)

    def serve(self, request, view=None, args=None, kwargs=None):
        match = getattr(request, "routable_resolver_match", None)
        if view is not None and match is not None:
            own = self.own_route(match.url_name)
            if own != match.url_name:
                target = self.get_url(request) + super().reverse_subpage(
                    own, args=args, kwargs=kwargs
                )
                query = request.META.get("QUERY_STRING")
                return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
        return super().serve(request, view, args, kwargs)
