from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache (Redis is shared between runs)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_content(db):
    call_command("load_demo_content", stdout=StringIO())
