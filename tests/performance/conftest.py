import pytest
from wagtail.contrib.frontend_cache.backends import BaseBackend

from articles.models import EventReportPage, NewsArticlePage
from blocs.models import BlocPage
from demo.data import SEED_SLUG


class RecordingBackend(BaseBackend):
    """A purge backend that remembers the URLs it was asked to purge."""

    purged = []

    def purge(self, url):
        self.purged.append(url)


@pytest.fixture
def purged(settings):
    """The URLs purged during the test (the frontend cache's backend records them)."""
    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "tests.performance.conftest.RecordingBackend"}
    }
    RecordingBackend.purged = []
    yield RecordingBackend.purged
    RecordingBackend.purged = []


@pytest.fixture
def seed_report(demo_content):
    return EventReportPage.objects.get(slug=SEED_SLUG)


@pytest.fixture
def other_article(demo_content):
    return NewsArticlePage.objects.exclude(slug=SEED_SLUG).filter(live=True).first().specific


@pytest.fixture
def bloc_page(demo_content):
    return BlocPage.objects.live().first()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """`with on_commit() as callbacks:` runs what the block leaves for the commit (purges)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
