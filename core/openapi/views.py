"""`/api/v2/openapi.json`, and the JSON 404 of any other address under `/api/v2/`."""

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_safe

from .document import openapi_document


@require_safe
def openapi_json(request, router):
    """`/api/v2/openapi.json`, the document of `router` (given by the URLconf): cacheable
    like every API answer (ETag from the middleware)."""
    document = openapi_document(router, "en")
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Cache-Control"] = f"public, max-age={settings.API_CACHE_MAX_AGE}"
    return response


def api_not_found(request, path):
    """Any other address under `/api/v2/`: a JSON 404, as the endpoints answer."""
    return JsonResponse({"message": "not found"}, status=404)
