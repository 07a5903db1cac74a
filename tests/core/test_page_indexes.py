"""The indexes core's migration adds to Wagtail's page table (core/migrations/0002)."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def page_indexes():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    return {name: info["columns"] for name, info in constraints.items() if info["index"]}


def test_syncs_and_child_lookups_have_their_indexes():
    indexes = page_indexes()
    assert indexes["portal_page_last_published_at"] == ["last_published_at"]
    assert indexes["portal_page_depth_path"] == ["depth", "path"]
