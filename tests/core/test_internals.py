"""Each private API behind core/internals.py still does what the portal relies on: an
upgrade of Wagtail, Django or treebeard that changes one fails here, by name."""

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from wagtail.api.v2.filters import ChildOfFilter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from articles.models import NewsArticlePage
from core import internals
from portal.api import api_router


def test_the_router_lists_its_endpoints_by_name():
    endpoints = internals.api_endpoints(api_router)
    assert issubclass(endpoints["pages"], PagesAPIViewSet)
    assert endpoints["pages"].model is Page


def test_wagtail_builds_a_serializer_class_for_a_model():
    endpoint = internals.api_endpoints(api_router)["pages"]
    config = [("title", False, None)]
    serializer = internals.api_serializer_class(endpoint, api_router, Page, config, nested=True)
    assert "title" in serializer.Meta.fields
    detailed = internals.api_serializer_class(
        endpoint, api_router, NewsArticlePage, [("*", False, None)], details=True
    )
    assert "body" in detailed.Meta.fields


def test_field_names_become_wagtail_api_fields():
    (field,) = internals.api_fields(PagesAPIViewSet, ["title"])
    assert field.name == "title"


@pytest.mark.django_db
def test_the_child_of_mark_is_the_one_wagtails_filters_leave(rf, home):
    request = rf.get("/api/v2/pages/", {"child_of": home.pk})
    request.site = None
    view = PagesAPIViewSet()
    view.request = request
    queryset = ChildOfFilter().filter_queryset(request, Page.objects.all(), view)
    assert getattr(queryset, internals.API_QUERYSET_MARKS[0]).pk == home.pk
    kept = internals.keep_api_queryset_marks(queryset, Page.objects.all())
    assert getattr(kept, internals.API_QUERYSET_MARKS[0]).pk == home.pk


@pytest.mark.django_db
def test_child_paths_and_own_rows_insert_pages_in_bulk(home):
    number = home.numchild + 1
    path = internals.child_page_path(home, number)
    assert path.startswith(home.path) and len(path) == len(home.path) + Page.steplen
    page = Page(
        title="Bulk",
        draft_title="Bulk",
        slug="bulk",
        path=path,
        depth=home.depth + 1,
        url_path=f"{home.url_path}bulk/",
        locale_id=home.locale_id,
        numchild=0,
    )
    Page.objects.bulk_create([page])
    article = NewsArticlePage(page_ptr_id=page.pk, title="Bulk")
    internals.insert_own_rows(NewsArticlePage, [article])
    assert NewsArticlePage.objects.get(pk=page.pk).title == "Bulk"


def test_the_redis_client_behind_djangos_cache(settings):
    cache = RedisCache("redis://127.0.0.1:6379/15", {})
    client = internals.redis_client(cache)
    assert callable(client.pipeline) and callable(client.zadd)
    assert not isinstance(caches["default"], RedisCache) or internals.redis_client(
        caches["default"]
    )
