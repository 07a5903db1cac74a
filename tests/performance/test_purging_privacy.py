"""Privacy changes purge like unpublishing: a page made private (login, password or groups),
a document moved into a private collection, a collection made private."""

import pytest
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from demo.announcement_data import ATTACHMENT_TITLE
from tests.restrictions import KINDS, restrict

from .test_purging import ROOT, listing


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_making_an_article_private(purged, on_commit, other_article, kind):
    with on_commit():
        restrict(other_article, kind)
    expected = {
        ROOT + other_article.url,
        ROOT + "/",
        ROOT + "/tin-tuc-su-kien/rss/",
        ROOT + "/tin-tuc-su-kien/atom/",
        ROOT + "/sitemap.xml",
        ROOT + "/sitemap-pages.xml",
        f"{ROOT}/api/v2/pages/",
        f"{ROOT}/api/v2/pages/{other_article.pk}/",
    } | listing("/tin-tuc-su-kien/")
    assert expected <= set(purged)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_making_a_bloc_private_purges_the_reports_naming_it(
    purged, on_commit, seed_report, bloc_page, kind
):
    with on_commit():
        restrict(bloc_page, kind)
    expected = {
        ROOT + bloc_page.url,
        ROOT + "/khoi-thi-dua/",
        f"{ROOT}/api/v2/blocs/{bloc_page.pk}/",
        f"{ROOT}/api/v2/pages/{bloc_page.pk}/",
        # The seed report's bloc box and API item name the bloc.
        ROOT + seed_report.url,
        f"{ROOT}/api/v2/pages/{seed_report.pk}/",
    }
    assert expected <= set(purged)


@pytest.mark.django_db
def test_a_private_section_purges_its_pages(purged, on_commit, demo_content, other_article):
    section = other_article.get_parent()
    with on_commit():
        restrict(section, PageViewRestriction.LOGIN)
    assert {ROOT + other_article.url, f"{ROOT}/api/v2/pages/{other_article.pk}/"} <= set(purged)


@pytest.mark.django_db
def test_making_a_page_public_again(purged, on_commit, other_article):
    restriction = restrict(other_article, PageViewRestriction.LOGIN)
    purged.clear()
    with on_commit():
        restriction.delete()
    assert {ROOT + other_article.url, ROOT + "/tin-tuc-su-kien/"} <= set(purged)


@pytest.fixture
def attachment(demo_content):
    return get_document_model().objects.get(title=ATTACHMENT_TITLE)


@pytest.fixture
def private_collection(db):
    collection = Collection.get_first_root_node().add_child(name="Hồ sơ nội bộ")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


@pytest.mark.django_db
def test_moving_a_document_into_a_private_collection(
    purged, on_commit, attachment, private_collection
):
    purged.clear()
    with on_commit():
        attachment.collection = private_collection
        attachment.save()
    expected = {
        ROOT + attachment.url,
        f"{ROOT}/api/v2/documents/",
        f"{ROOT}/api/v2/documents/{attachment.pk}/",
    }
    assert expected <= set(purged)


@pytest.mark.django_db
def test_making_a_collection_private(purged, on_commit, attachment):
    purged.clear()
    with on_commit():
        CollectionViewRestriction.objects.create(
            collection=attachment.collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    assert {ROOT + attachment.url, f"{ROOT}/api/v2/documents/{attachment.pk}/"} <= set(purged)
