"""Publishing or unpublishing a document purges its page, the registry's listing and feeds,
the documents it relates to (both ways) and the sitemap; the sitemap lists visible ones only."""

import pytest
from wagtail.models import PageViewRestriction

from legal_documents.status import RelationKind
from tests.performance.conftest import RecordingBackend

pytestmark = pytest.mark.django_db
ROOT = "http://testserver"


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "tests.performance.conftest.RecordingBackend"}
    }
    RecordingBackend.purged = []
    yield RecordingBackend.purged
    RecordingBackend.purged = []


def index_urls(index):
    """The registry's cached paths (its feeds, when it has them) and first listing pages."""
    url = ROOT + index.url
    return {url + path.lstrip("/") for path in index.specific.get_cached_paths()} | {
        f"{url}?page={n}" for n in range(1, 6)
    }


@pytest.fixture
def related(legal_document_factory):
    """old <- page (replaces old); page <- guide (guides page); bystander unrelated."""
    old = legal_document_factory(title="Quyết định cũ")
    page = legal_document_factory(relations=[(RelationKind.REPLACES, old)])
    guide = legal_document_factory(relations=[(RelationKind.GUIDES, page)])
    bystander = legal_document_factory(title="Không liên quan")
    return old, page, guide, bystander


def test_publishing_a_document_purges_what_shows_it(
    purged, django_capture_on_commit_callbacks, legal_index, related
):
    old, page, guide, bystander = related
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    purged = set(purged)
    assert {
        ROOT + page.url,
        ROOT + old.url,
        ROOT + guide.url,
        f"{ROOT}/sitemap.xml",
        f"{ROOT}/sitemap-pages.xml",
        f"{ROOT}/",
    } | index_urls(legal_index) <= purged
    assert ROOT + bystander.url not in purged


def test_unpublishing_purges_the_documents_it_relates_to(
    purged, django_capture_on_commit_callbacks, legal_index, related
):
    old, page, guide, bystander = related
    url = ROOT + page.url
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    purged = set(purged)
    assert {url, ROOT + old.url, ROOT + guide.url} | index_urls(legal_index) <= purged
    assert ROOT + bystander.url not in purged


def test_a_relation_removed_on_publishing_purges_the_document_it_named(
    purged, django_capture_on_commit_callbacks, related
):
    old, page, guide, bystander = related
    page.relations.clear()
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert ROOT + old.url in purged


def test_a_private_document_purges_like_unpublishing(
    purged, django_capture_on_commit_callbacks, related
):
    old, page, guide, bystander = related
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert {ROOT + page.url, ROOT + old.url, ROOT + guide.url} <= set(purged)


def test_the_sitemap_lists_visible_documents_only(client, legal_document_factory):
    shown = legal_document_factory(slug="cong-bo")
    draft = legal_document_factory(slug="ban-nhap", publish_it=False)
    private = legal_document_factory(slug="rieng-tu")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    gone = legal_document_factory(slug="da-go")
    gone.unpublish()
    xml = client.get("/sitemap-pages.xml").content.decode()
    assert f"{ROOT}{shown.url}" in xml
    for slug in ("ban-nhap", "rieng-tu", "da-go"):
        assert f"/{slug}/" not in xml
    assert draft.slug == "ban-nhap"
