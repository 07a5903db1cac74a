"""The editorial groups: Vietnamese names, and each role can do only what it needs."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from wagtail.models import Page

from articles.models import ArticleIndexPage, EventReportPage
from snippets.models import Agency
from tests.roles import ADMINISTRATORS, EDITORS, MODERATORS


def test_groups_have_vietnamese_names_and_wagtails_english_ones_are_gone(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {EDITORS, MODERATORS, ADMINISTRATORS} <= names
    assert not names & {"Editors", "Moderators"}


def test_editor_edits_but_cannot_publish(demo_content, editor, moderator):
    report = EventReportPage.objects.get(slug__startswith="khoi-van-hoa")
    editor_permissions = report.permissions_for_user(editor)
    assert editor_permissions.can_edit()
    assert not editor_permissions.can_publish()
    assert not editor_permissions.can_unpublish()
    assert report.permissions_for_user(moderator).can_publish()
    assert report.permissions_for_user(moderator).can_unpublish()


def test_editor_sees_submit_for_approval_instead_of_publish(client, demo_content, editor):
    report = EventReportPage.objects.get(slug__startswith="khoi-van-hoa")
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[report.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html
    assert "Duyệt tin bài" in html


def test_editor_cannot_open_reference_data_settings_or_users(client, demo_content, editor):
    client.force_login(editor)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    agency = Agency.objects.get(slug="so-khcn")
    forbidden = [
        reverse("wagtailsnippets_snippets_agency:edit", args=[agency.pk]),
        reverse("wagtailsnippets_snippets_agency:add"),
        reverse("wagtailsettings:edit", args=["home", "portalsettings"]),
        reverse("wagtailusers_users:index"),
    ]
    for url in forbidden:
        assert client.get(url).status_code in (302, 403), url


def test_editor_chooses_agencies_and_uploads_images(client, demo_content, editor):
    client.force_login(editor)
    assert client.get(reverse("wagtailsnippetchoosers_snippets_agency:choose")).status_code == 200
    assert client.get(reverse("wagtailimages:add")).status_code == 200
    assert client.get(reverse("wagtaildocs:add")).status_code == 200


def test_administrator_manages_reference_data_settings_and_users(
    client, demo_content, administrator
):
    client.force_login(administrator)
    agency = Agency.objects.get(slug="so-khcn")
    allowed = [
        reverse("wagtailsnippets_snippets_agency:edit", args=[agency.pk]),
        reverse("wagtailsettings:edit", args=["home", "portalsettings"]),
        reverse("wagtailusers_users:index"),
        reverse("wagtailredirects:index"),
    ]
    for url in allowed:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert response.redirect_chain == [] or "/login/" not in response.redirect_chain[-1][0]


def test_moderator_cannot_edit_reference_data(client, demo_content, moderator):
    client.force_login(moderator)
    agency = Agency.objects.get(slug="so-khcn")
    response = client.get(reverse("wagtailsnippets_snippets_agency:edit", args=[agency.pk]))
    assert response.status_code in (302, 403)


def test_new_articles_go_through_the_vietnamese_workflow(demo_content):
    news = ArticleIndexPage.objects.get(slug="tin-tuc-su-kien")
    workflow = news.get_workflow()
    assert workflow is not None and workflow.name == "Duyệt tin bài"
    assert [task.name for task in workflow.tasks.all()] == ["Kiểm duyệt viên phê duyệt"]
    assert Page.objects.get(depth=1).get_workflow() == workflow


def test_each_group_has_its_page_and_media_permissions(db):
    def codenames(relation):
        return set(relation.values_list("permission__codename", flat=True))

    editors = Group.objects.get(name=EDITORS)
    moderators = Group.objects.get(name=MODERATORS)
    administrators = Group.objects.get(name=ADMINISTRATORS)
    assert codenames(editors.page_permissions) == {"add_page", "change_page"}
    assert codenames(moderators.page_permissions) == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    }
    assert "bulk_delete_page" in codenames(administrators.page_permissions)
    assert codenames(editors.collection_permissions) == {
        "add_image",
        "choose_image",
        "add_document",
        "choose_document",
    }
    assert "change_image" in codenames(moderators.collection_permissions)
    assert "delete_image" in codenames(administrators.collection_permissions)
    assert set(editors.permissions.values_list("codename", flat=True)) == {
        "access_admin",
        "submit_translation",
        # The drafting unit reads and exports the comments on its drafts (legal_documents).
        "view_consultationcomment",
    }


@pytest.mark.django_db(transaction=True)
def test_migration_renames_wagtails_groups_and_keeps_their_members(django_user_model):
    """Run backwards then forwards, as on a database Wagtail's migrations had set up."""
    target = [("editorial", "0001_roles_and_moderation_workflow")]
    try:
        executor = MigrationExecutor(connection)
        executor.migrate([("editorial", None)])
        assert not Group.objects.filter(name__in=[EDITORS, MODERATORS, ADMINISTRATORS]).exists()
        wagtail_editors, _ = Group.objects.get_or_create(name="Editors")
        Group.objects.get_or_create(name="Moderators")
        member = django_user_model.objects.create_user("nguoicu", password="mat-khau-dai-2024")
        member.groups.add(wagtail_editors)

        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(target)

        assert list(member.groups.values_list("pk", "name")) == [(wagtail_editors.pk, EDITORS)]
        assert set(Group.objects.values_list("name", flat=True)) == {
            EDITORS,
            MODERATORS,
            ADMINISTRATORS,
        }
        editors = Group.objects.get(name=EDITORS)
        # Only this migration's own grants: legal_documents' (0002) depends on it and is undone.
        assert set(editors.permissions.values_list("codename", flat=True)) == {
            "access_admin",
            "submit_translation",
        }
    finally:
        # Later tests in this process need every migration, including the ones undone here.
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
