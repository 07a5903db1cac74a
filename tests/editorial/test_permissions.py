"""Each role stays within its screens and actions, tried by HTTP on the admin's URLs.

Editors write and submit; moderators also publish and approve; administrators also manage
reference data, settings and users, but cannot make or take over superusers. Every refused
action is checked by its effect (nothing changed), not only by its status code.
"""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from home.models import PortalSettings
from tests.api.conftest import make_article, news_index  # noqa: F401 (fixtures)
from tests.roles import ADMINISTRATORS, EDITORS, member_of

REFUSED = (302, 403)


@pytest.fixture
def article(make_article):  # noqa: F811
    return make_article("Bài viết đã đăng")


@pytest.fixture
def draft_change(article):
    """The live article with a newer, unpublished title."""
    article.title = "Tiêu đề chưa duyệt"
    article.save_revision()
    return article


@pytest.fixture
def submitted(draft_change, editor):
    """The draft change, submitted to the moderation workflow by the editor."""
    draft_change.get_workflow().start(draft_change, editor)
    return draft_change


def live_title(page):
    return Page.objects.get(pk=page.pk).title


def task_state_of(page):
    return WorkflowState.objects.for_instance(page).get().current_task_state


# Editors


def test_editor_cannot_approve_a_workflow_task(client, submitted, editor):
    client.force_login(editor)
    task_state = task_state_of(submitted)
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[submitted.pk, "approve", task_state.pk]
    )
    response = client.post(url, {"comment": ""})
    assert response.status_code in REFUSED
    assert live_title(submitted) == "Bài viết đã đăng"
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_IN_PROGRESS


def test_moderator_approves_the_same_task(client, submitted, moderator):
    client.force_login(moderator)
    task_state = task_state_of(submitted)
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[submitted.pk, "approve", task_state.pk]
    )
    assert client.post(url, {"comment": ""}).status_code == 302
    assert live_title(submitted) == "Tiêu đề chưa duyệt"


def test_editor_cannot_publish_through_bulk_actions_or_the_admin_api(client, draft_change, editor):
    client.force_login(editor)
    bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{bulk}?id={draft_change.pk}", {"include_descendants": ""})
    api = f"/admin/api/main/pages/{draft_change.pk}/action/publish/"
    response = client.post(api, json.dumps({}), content_type="application/json")
    assert response.status_code == 403
    assert live_title(draft_change) == "Bài viết đã đăng"


def test_editor_cannot_unpublish_or_delete(client, article, editor):
    client.force_login(editor)
    unpublish = reverse("wagtailadmin_pages:unpublish", args=[article.pk])
    assert client.get(unpublish).status_code in REFUSED
    assert client.post(unpublish).status_code in REFUSED
    delete = reverse("wagtailadmin_pages:delete", args=[article.pk])
    assert client.post(delete).status_code in REFUSED
    api = f"/admin/api/main/pages/{article.pk}/action/unpublish/"
    assert client.post(api, "{}", content_type="application/json").status_code == 403
    article.refresh_from_db()
    assert article.live


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_editors_and_moderators_cannot_change_site_settings(client, home, role, request):  # noqa: F811
    """GHSA-xxfm-vmcf-g33f: the settings edit view checked no permission on POST."""
    client.force_login(request.getfixturevalue(role))
    url = reverse("wagtailsettings:edit", args=["home", "portalsettings"])
    assert client.get(url).status_code in REFUSED
    response = client.post(url, {"portal_name": "Bị sửa trái phép"})
    assert response.status_code in REFUSED
    assert not PortalSettings.objects.filter(portal_name="Bị sửa trái phép").exists()


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_editors_and_moderators_cannot_manage_users_or_groups(
    client, role, request, django_user_model
):
    user = request.getfixturevalue(role)
    client.force_login(user)
    administrators = Group.objects.get(name=ADMINISTRATORS)
    screens = [
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_users:add"),
        reverse("wagtailusers_users:edit", args=[user.pk]),
        reverse("wagtailusers_groups:index"),
        reverse("wagtailusers_groups:edit", args=[administrators.pk]),
        reverse("wagtailredirects:index"),
        reverse("wagtailadmin_workflows:index"),
    ]
    for url in screens:
        assert client.get(url).status_code in REFUSED, url
    client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "ke-gian",
            "email": "ke-gian@example.gov.vn",
            "password1": "mat-khau-dai-2024",
            "password2": "mat-khau-dai-2024",
            "first_name": "Văn",
            "last_name": "Nguyễn",
            "is_superuser": "on",
            "groups": [administrators.pk],
        },
    )
    client.post(
        reverse("wagtailusers_users:edit", args=[user.pk]),
        {
            "username": user.username,
            "email": user.email,
            "first_name": "Văn",
            "last_name": "Nguyễn",
            "groups": [administrators.pk],
        },
    )
    client.post(reverse("wagtailusers_groups:add"), {"name": "Nhóm mới"})
    assert not django_user_model.objects.filter(username="ke-gian").exists()
    assert not user.groups.filter(name=ADMINISTRATORS).exists()
    assert not Group.objects.filter(name="Nhóm mới").exists()


def test_moderator_cannot_reach_the_administrators_reference_data(client, moderator, db):
    client.force_login(moderator)
    for url in (
        reverse("wagtailsnippets_snippets_agency:add"),
        reverse("wagtailsnippets_snippets_banner:list"),
        reverse("wagtailadmin_collections:index"),
    ):
        assert client.get(url).status_code in REFUSED, url


def test_users_bulk_actions_disclose_no_names(client, editor, django_user_model):
    """GHSA-fc75-58r8-rm3h: the bulk action view showed the names of any user."""
    other = django_user_model.objects.create_user(
        username="quantri-bi-mat", first_name="Nguyễn", last_name="Bí Mật"
    )
    client.force_login(editor)
    url = reverse("wagtail_bulk_action", args=["auth", "user", "delete"])
    response = client.get(f"{url}?id={other.pk}")
    assert response.status_code in REFUSED
    assert "Bí Mật" not in response.content.decode()


# Administrators: user management without making or taking over superusers.


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="sieuquantri", email="sieu@example.gov.vn", password="mat-khau-dai-2024"
    )


def test_administrator_adds_an_editor(client, administrator, django_user_model):
    client.force_login(administrator)
    editors = Group.objects.get(name=EDITORS)
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "bientapvien2",
            "email": "bientapvien2@example.gov.vn",
            "password1": "mat-khau-dai-2024",
            "password2": "mat-khau-dai-2024",
            "first_name": "Văn",
            "last_name": "Nguyễn",
            "groups": [editors.pk],
        },
    )
    assert response.status_code == 302
    assert django_user_model.objects.get(username="bientapvien2").groups.get() == editors


def test_administrator_cannot_create_a_superuser(client, administrator, django_user_model):
    client.force_login(administrator)
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "ke-gian",
            "email": "ke-gian@example.gov.vn",
            "password1": "mat-khau-dai-2024",
            "password2": "mat-khau-dai-2024",
            "first_name": "Văn",
            "last_name": "Nguyễn",
            "is_superuser": "on",
        },
    )
    assert response.status_code in REFUSED
    assert not django_user_model.objects.filter(username="ke-gian").exists()


@pytest.mark.parametrize("role, offered", [("administrator", False), ("superuser", True)])
def test_the_superuser_box_is_offered_to_superusers_only(client, request, editor, role, offered):
    client.force_login(request.getfixturevalue(role))
    for url in (
        reverse("wagtailusers_users:add"),
        reverse("wagtailusers_users:edit", args=[editor.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert ('name="is_superuser"' in response.content.decode()) is offered, url


@pytest.mark.parametrize("role, may_promote", [("administrator", False), ("superuser", True)])
def test_only_a_superuser_promotes_a_user_to_superuser(client, request, editor, role, may_promote):
    client.force_login(request.getfixturevalue(role))
    response = client.post(
        reverse("wagtailusers_users:edit", args=[editor.pk]),
        {
            "username": editor.username,
            "email": editor.email,
            "first_name": "Văn",
            "last_name": "Nguyễn",
            "is_active": "on",
            "is_superuser": "on",
        },
    )
    assert response.status_code in ((302,) if may_promote else REFUSED)
    editor.refresh_from_db()
    assert editor.is_superuser is may_promote


def test_administrator_cannot_take_over_a_superuser(client, administrator, superuser):
    client.force_login(administrator)
    url = reverse("wagtailusers_users:edit", args=[superuser.pk])
    assert client.get(url).status_code in REFUSED
    response = client.post(
        url,
        {
            "username": superuser.username,
            "email": "ke-gian@example.gov.vn",
            "password1": "mat-khau-moi-2024",
            "password2": "mat-khau-moi-2024",
            "first_name": "Văn",
            "last_name": "Nguyễn",
            "is_active": "on",
            "is_superuser": "on",
        },
    )
    assert response.status_code in REFUSED
    superuser.refresh_from_db()
    assert superuser.email == "sieu@example.gov.vn"
    assert superuser.check_password("mat-khau-dai-2024")


# Advisories about pages, for a user with admin access but no permission on the page.


@pytest.fixture
def outsider(db, django_user_model, home):
    """Admin access and permissions on another section only (a department's own section)."""
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupPagePermission

    from articles.models import ArticleIndexPage
    from tests.api.conftest import publish

    section = publish(
        home.add_child(instance=ArticleIndexPage(title="Thông báo riêng", slug="rieng"))
    )
    group = Group.objects.create(name="Biên tập mục riêng")
    group.permissions.add(
        *Group.objects.get(name=EDITORS).permissions.filter(codename="access_admin")
    )
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=section,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return member_of(django_user_model, group.name, "ngoaicuoc")


def test_page_history_and_revisions_are_refused(client, draft_change, outsider):
    """GHSA-c4mr-889m-vgf6 (history), GHSA-c6wj-9vcj-75pj (comparing revisions)."""
    client.force_login(outsider)
    revision = draft_change.latest_revision
    for url in (
        reverse("wagtailadmin_pages:history", args=[draft_change.pk]),
        reverse("wagtailadmin_pages:revisions_index", args=[draft_change.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[draft_change.pk, revision.pk]),
        reverse(
            "wagtailadmin_pages:revisions_compare", args=[draft_change.pk, "live", revision.pk]
        ),
        reverse("wagtailadmin_pages:view_draft", args=[draft_change.pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[draft_change.pk]),
    ):
        response = client.get(url)
        assert response.status_code in REFUSED, url
        assert "Tiêu đề chưa duyệt" not in response.content.decode(), url


def test_preview_of_a_page_one_cannot_edit_is_refused(client, draft_change, outsider):
    """Wagtail's advisory on the preview endpoints (no permission check on POST)."""
    client.force_login(outsider)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[draft_change.pk])
    response = client.post(url, {"title": "Xem trước trái phép", "slug": "x"})
    assert response.status_code in (*REFUSED, 404)
    assert "Xem trước trái phép" not in client.get(url).content.decode()


def test_copying_a_page_one_cannot_reach_is_refused(client, article, outsider):
    """GHSA-67rv-mg8q-5pf3: copying pages without permission on them."""
    client.force_login(outsider)
    before = Page.objects.count()
    url = reverse("wagtailadmin_pages:copy", args=[article.pk])
    client.post(
        url,
        {
            "new_title": "Bản sao",
            "new_slug": "ban-sao",
            "new_parent_page": article.get_parent().pk,
            "publish_copies": "on",
        },
    )
    api = f"/admin/api/main/pages/{article.pk}/action/copy/"
    client.post(api, json.dumps({"slug": "ban-sao-2"}), content_type="application/json")
    assert Page.objects.count() == before


def test_editor_copies_a_page_but_the_copy_is_not_published(client, article, editor):
    """GHSA-67rv-mg8q-5pf3: "publish copies" must need publish permission."""
    client.force_login(editor)
    client.post(
        reverse("wagtailadmin_pages:copy", args=[article.pk]),
        {
            "new_title": "Bản sao",
            "new_slug": "ban-sao",
            "new_parent_page": article.get_parent().pk,
            "publish_copies": "on",
        },
    )
    copy = Page.objects.filter(slug="ban-sao").first()
    assert copy is None or not copy.live


def test_admin_pages_api_shows_nothing_of_pages_one_cannot_explore(client, draft_change, outsider):
    """GHSA-3vrh-m9w7-v94f: the admin's pages API returned any page's fields."""
    client.force_login(outsider)
    listing = client.get("/admin/api/main/pages/", {"fields": "title"})
    detail = client.get(f"/admin/api/main/pages/{draft_change.pk}/")
    for response in (listing, detail):
        assert "Tiêu đề chưa duyệt" not in response.content.decode()
        assert "Bài viết đã đăng" not in response.content.decode()


def test_copy_for_translation_of_a_page_one_cannot_edit_is_refused(client, article, outsider, db):
    """The admin API's copy_for_translation action let anyone copy any page's content."""
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code="en")
    client.force_login(outsider)
    before = Page.objects.count()
    api = f"/admin/api/main/pages/{article.pk}/action/copy_for_translation/"
    response = client.post(api, json.dumps({"locale": "en"}), content_type="application/json")
    assert response.status_code in (403, 404)
    assert Page.objects.count() == before


def test_administrator_cannot_deactivate_a_superuser_in_bulk(client, administrator, superuser):
    client.force_login(administrator)
    url = reverse("wagtail_bulk_action", args=["auth", "user", "set_active_state"])
    response = client.post(f"{url}?id={superuser.pk}", {"mark_as_active": "False"})
    assert response.status_code in REFUSED
    superuser.refresh_from_db()
    assert superuser.is_active


def test_administrator_deactivates_an_editor_in_bulk(client, administrator, editor):
    client.force_login(administrator)
    url = reverse("wagtail_bulk_action", args=["auth", "user", "set_active_state"])
    client.post(f"{url}?id={editor.pk}", {"mark_as_active": "False"})
    editor.refresh_from_db()
    assert not editor.is_active


# The public API: nothing from a private collection.


def test_public_api_hides_documents_and_images_of_private_collections(client, db):
    """GHSA-p5gm-92h4-6pv6: the documents and images API ignored collection privacy."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Collection, CollectionViewRestriction

    private = Collection.get_first_root_node().add_child(name="Hồ sơ nội bộ")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document.objects.create(
        title="Biên bản mật", collection=private, file=ContentFile(b"noi bo", name="mat.txt")
    )
    image = Image.objects.create(title="Ảnh mật", collection=private, file=get_test_image_file())
    for endpoint, item in (("documents", document), ("images", image)):
        listing = client.get(f"/api/v2/{endpoint}/")
        assert listing.status_code == 200
        assert item.title not in listing.content.decode()
        assert client.get(f"/api/v2/{endpoint}/{item.pk}/").status_code == 404
