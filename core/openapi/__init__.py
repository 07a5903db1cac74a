"""The OpenAPI 3.1 document of `/api/v2/`, generated from the router so that it cannot drift.

- Paths (`document.py`): every endpoint registered on the router the URLconf hands the
  views, with its listing, detail and `find` views (the URL patterns each endpoint class
  declares).
- Query parameters (`parameters.py`): the endpoint's `known_query_parameters`, each
  described by `QUERY_PARAMETERS` (with the bounds the filters enforce) or by the view's own
  `openapi_parameters`, plus its field filters (with a FieldsFilter backend: every
  database field among its API fields, typed from the model field). A
  parameter without a description is an error: adding one to a view without documenting it
  fails the tests.
- Response bodies (`schema.py`, `components.py`): built from the serialisers the endpoints
  themselves build with `?fields=*`, field by field: Django REST framework's and Wagtail's
  field classes are mapped in `components.py`, the portal's own serialiser fields describe
  themselves with an `openapi_schema(builder, model)` method. A field of an unknown class is
  an error. Every object schema forbids other properties, so a response with an
  undocumented field breaks the schema tests.
- Views (`views.py`): `/api/v2/openapi.json` and the JSON 404 of other addresses under
  `/api/v2/`.

Cross-parameter rules that OpenAPI cannot express (a page type's own fields need
`?type=`, `role` needs `agency`, ...) are in each parameter's description and listed in
the operation's `x-constraints`.
"""
