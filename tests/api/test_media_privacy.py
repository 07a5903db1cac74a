"""The public sees the images and documents published content uses, nothing else: not in
the API, not as files (documents, served by Django). Editors and the readers of a private
page still get its attachments, never cached."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from articles.models import AnnouncementAttachment, AnnouncementPage, NewsArticlePage
from demo.data import SEED_SLUG

pytestmark = pytest.mark.django_db

NEVER = "private, no-store"


def listed(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", {"limit": 100})
    assert response.status_code == 200
    return {item["id"] for item in response.json()["items"]}


@pytest.fixture
def announcement(demo_content):
    return AnnouncementPage.objects.get(attachments__isnull=False)


@pytest.fixture
def attachment(announcement):
    return announcement.attachments.first().document


def test_a_public_announcements_attachment_is_public(client, attachment):
    assert attachment.pk in listed(client, "documents")
    response = client.get(attachment.url)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("public")


def test_serving_a_document_does_not_go_through_every_page(
    client, attachment, django_assert_num_queries
):
    """Whether a download is published is read from the document's own references: the
    queries do not touch the page table as a whole (each uncached download asks)."""
    other = NewsArticlePage.objects.live().first()
    PageViewRestriction.objects.create(page=other, restriction_type=PageViewRestriction.LOGIN)
    client.get(attachment.url)  # warm the restricted paths and content types
    with django_assert_num_queries(6) as context:
        assert client.get(attachment.url).status_code == 200
    page_table = [
        query["sql"] for query in context.captured_queries if "wagtailcore_page" in query["sql"]
    ]
    assert all("WHERE" in sql and " IN (" in sql for sql in page_table), page_table
    assert not any("LIKE" in sql for sql in page_table), page_table


@pytest.mark.parametrize(
    "kind", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD, PageViewRestriction.GROUPS]
)
def test_a_restricted_announcements_attachment_is_not_public(
    client, announcement, attachment, kind
):
    restriction = PageViewRestriction.objects.create(
        page=announcement, restriction_type=kind, password="bi-mat" if kind == "password" else ""
    )
    restriction.groups.add(Group.objects.create(name="Nội bộ"))
    assert attachment.pk not in listed(client, "documents")
    assert client.get(f"/api/v2/documents/{attachment.pk}/").status_code == 404
    assert client.get(attachment.url).status_code == 404


def test_readers_of_the_private_page_still_get_its_attachment(client, announcement, attachment):
    restriction = PageViewRestriction.objects.create(
        page=announcement, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )
    client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{announcement.pk}/",
        {"password": "bi-mat", "return_url": announcement.url},
    )
    response = client.get(attachment.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == NEVER


def test_a_drafts_attachment_is_the_editors(client, demo_content, django_user_model):
    document = get_document_model().objects.create(
        title="Dự thảo", file=ContentFile(b"%PDF-1.4", name="du-thao.pdf")
    )
    draft = AnnouncementPage(title="Thông báo dự thảo", slug="thong-bao-du-thao", live=False)
    draft.attachments = [AnnouncementAttachment(document=document)]
    demo_content.announcement_index.add_child(instance=draft)

    assert document.pk not in listed(client, "documents")
    assert client.get(document.url).status_code == 404

    editor = django_user_model.objects.create_superuser("bientap", "b@example.vn", "mật khẩu")
    client.force_login(editor)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == NEVER


def test_images_of_private_or_unpublished_pages_are_not_listed(client, demo_content):
    article = NewsArticlePage.objects.live().exclude(slug=SEED_SLUG).first()
    image = get_image_model().objects.create(
        title="Ảnh nội bộ", file=get_test_image_file(size=(400, 300))
    )
    unused = get_image_model().objects.create(
        title="Ảnh chưa dùng", file=get_test_image_file(size=(400, 300))
    )
    article.hero_image = image
    article.save_revision().publish()
    assert image.pk in listed(client, "images")
    assert unused.pk not in listed(client, "images")

    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    assert image.pk not in listed(client, "images")
    assert client.get(f"/api/v2/images/{image.pk}/").status_code == 404
    assert "Ảnh nội bộ" not in client.get("/api/v2/images/").content.decode()

    PageViewRestriction.objects.all().delete()
    article.refresh_from_db()
    article.unpublish()
    assert image.pk not in listed(client, "images")
