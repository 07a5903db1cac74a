"""The toolkit every endpoint of the API v2 is built from; each app's `api.py` declares its
endpoints with it, and `portal.api` registers them on the router.

- `parameters`: reading query parameters (`?locale=`, ISO 8601 dates, years, ids or slugs).
- `filters`: the filter backends every endpoint shares.
- `fields`, `images`: serialiser fields; safe to import from models.py and blocks.py.
- `serializers`: built on Wagtail's API serialisers, which need the app registry loaded.
- `pagination`, `views`: the HTTP behaviour and the base viewset of every endpoint.
- `media`: the images and documents endpoints.
- `routers`: the registered API routers (purging and the change log read them).
"""
