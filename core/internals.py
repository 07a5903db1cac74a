"""Every private Wagtail, Django or treebeard API the portal relies on, each behind one
function: where no public API does the job, the portal calls these and nothing else.

tests/core/test_internals.py exercises each one, so an upgrade that renames or removes an
attribute fails there, loudly, instead of somewhere downstream.
"""

# Marks Wagtail's API filters leave on a queryset for the filters after them
# (wagtail/api/v2/filters.py: ChildOfFilter, TagsFilter; read by SearchFilter, OrderingFilter).
API_QUERYSET_MARKS = ("_filtered_by_child_of", "_filtered_by_tag")


def api_endpoints(router):
    """The router's endpoints as {name: viewset class}; WagtailAPIRouter keeps no public list."""
    return dict(router._endpoints)


def api_serializer_class(endpoint, router, model, fields_config, *, nested=False, details=False):
    """The serializer class Wagtail builds for `model` behind `endpoint` (a viewset class),
    with `fields_config` as [(name, negated, nested config)]: the one Wagtail itself uses for
    listings and nested objects, with no request at hand."""
    return endpoint._get_serializer_class(
        router, model, fields_config, show_details=details, nested=nested
    )


def api_fields(endpoint, names):
    """Wagtail's APIField objects for field names, as a viewset's body_fields holds them."""
    return endpoint._convert_api_fields(names)


def keep_api_queryset_marks(original, filtered):
    """Carry Wagtail's filter marks (child_of, tag) over to a newly filtered queryset, as
    Wagtail's own locale and search filters do."""
    for mark in API_QUERYSET_MARKS:
        if getattr(original, mark, None):
            setattr(filtered, mark, getattr(original, mark))
    return filtered


def redis_client(cache):
    """The redis-py client behind Django's Redis cache, for commands Django's cache API has
    no name for (sets, sorted sets, pipelines)."""
    return cache._cache.get_client(write=True)


def child_page_path(parent, number):
    """The treebeard path of `parent`'s `number`-th child, for inserting pages in bulk."""
    return type(parent)._get_path(parent.path, parent.depth + 1, number)


def insert_own_rows(model, objects):
    """Insert only `model`'s own table's rows of multi-table objects whose parents' rows
    already exist: bulk_create refuses models with parents."""
    if objects:
        fields = model._meta.local_concrete_fields
        model._base_manager.all()._batched_insert(objects, fields, batch_size=None)
