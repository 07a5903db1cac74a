import pytest
from django.core.cache import cache

from home.demo_content import DemoContent
from home.demo_english import EnglishDemo


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache (Redis is shared between runs)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_content(db):
    """The Vietnamese demo world (the seed report, its agencies, bloc and sample news)."""
    return DemoContent().load()


@pytest.fixture
def demo_content_en(demo_content):
    """The demo with its English translation, made with wagtail-localize (slower)."""
    EnglishDemo(demo_content).load()
    return demo_content
