"""Editorial groups with Vietnamese names and least privilege, and the moderation workflow.

Wagtail's migrations create the groups "Editors" and "Moderators" and the workflow
"Moderators approval" on the root page; this one renames and re-uses them (so existing
memberships survive), adds "Quản trị viên", and sets each group's permissions exactly.
"""

from django.db import migrations

EDITORS = "Biên tập viên"
MODERATORS = "Kiểm duyệt viên"
ADMINISTRATORS = "Quản trị viên"
WORKFLOW = "Duyệt tin bài"
APPROVAL_TASK = "Kiểm duyệt viên phê duyệt"

WAGTAIL_EDITORS = "Editors"
WAGTAIL_MODERATORS = "Moderators"
WAGTAIL_WORKFLOW = "Moderators approval"

# Permissions on the root page, inherited by every page of every site.
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    ADMINISTRATORS: [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
}

# Permissions on the root collection of images and documents. Editors may edit and delete
# only what they uploaded themselves (Wagtail's ownership rule for "add").
_MEDIA = ["image", "document"]
COLLECTION_PERMISSIONS = {
    EDITORS: [f"{action}_{kind}" for kind in _MEDIA for action in ("add", "choose")],
    MODERATORS: [f"{action}_{kind}" for kind in _MEDIA for action in ("add", "change", "choose")],
    ADMINISTRATORS: [
        f"{action}_{kind}" for kind in _MEDIA for action in ("add", "change", "choose", "delete")
    ],
}

# Model permissions as (app label, codename).
_ADMIN_ACCESS = [("wagtailadmin", "access_admin"), ("wagtail_localize", "submit_translation")]
_REFERENCE_DATA = [
    (app_label, f"{action}_{model}")
    for app_label, model in [
        ("snippets", "agency"),
        ("snippets", "person"),
        ("snippets", "award"),
        ("snippets", "banner"),
        ("blocs", "blocyear"),
    ]
    for action in ("add", "change", "delete", "publish")
]
MODEL_PERMISSIONS = {
    EDITORS: _ADMIN_ACCESS,
    MODERATORS: _ADMIN_ACCESS,
    ADMINISTRATORS: _ADMIN_ACCESS
    + _REFERENCE_DATA
    + [
        ("home", "change_portalsettings"),
        ("auth", "add_user"),
        ("auth", "change_user"),
        ("auth", "delete_user"),
        ("wagtailredirects", "add_redirect"),
        ("wagtailredirects", "change_redirect"),
        ("wagtailredirects", "delete_redirect"),
        ("wagtailcore", "add_collection"),
        ("wagtailcore", "change_collection"),
        ("wagtailcore", "delete_collection"),
    ],
}


def get_permission(apps, app_label, codename):
    """The permission, created if Django's post-migrate step has not made it yet."""
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    existing = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    if existing is not None:
        return existing
    action, model_name = codename.rsplit("_", 1)
    model = apps.get_model(app_label, model_name)
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
    name = dict(model._meta.permissions).get(codename) or (
        f"Can {action.replace('_', ' ')} {model._meta.verbose_name_raw}"
    )
    return Permission.objects.create(content_type=content_type, codename=codename, name=name)


def rename_or_create(model, new_name, old_name, **create_kwargs):
    obj = model.objects.filter(name=new_name).first()
    if obj is None:
        obj = model.objects.filter(name=old_name).first()
    if obj is None:
        return model.objects.create(name=new_name, **create_kwargs)
    obj.name = new_name
    obj.save(update_fields=["name"])
    return obj


def set_up_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    groups = {
        EDITORS: rename_or_create(Group, EDITORS, WAGTAIL_EDITORS),
        MODERATORS: rename_or_create(Group, MODERATORS, WAGTAIL_MODERATORS),
        ADMINISTRATORS: rename_or_create(Group, ADMINISTRATORS, ADMINISTRATORS),
    }
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    for name, group in groups.items():
        group.permissions.set(
            [get_permission(apps, app, codename) for app, codename in MODEL_PERMISSIONS[name]]
        )
        GroupPagePermission.objects.filter(group=group).delete()
        if root_page is not None:
            for codename in PAGE_PERMISSIONS[name]:
                GroupPagePermission.objects.create(
                    group=group,
                    page=root_page,
                    permission=get_permission(apps, "wagtailcore", codename),
                )
        GroupCollectionPermission.objects.filter(group=group).delete()
        if root_collection is not None:
            for codename in COLLECTION_PERMISSIONS[name]:
                app_label = "wagtailimages" if codename.endswith("_image") else "wagtaildocs"
                GroupCollectionPermission.objects.create(
                    group=group,
                    collection=root_collection,
                    permission=get_permission(apps, app_label, codename),
                )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = rename_or_create(
        GroupApprovalTask,
        APPROVAL_TASK,
        WAGTAIL_WORKFLOW,
        content_type=task_type,
        active=True,
    )
    task.groups.set([groups[MODERATORS]])
    workflow = rename_or_create(Workflow, WORKFLOW, WAGTAIL_WORKFLOW, active=True)
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    if root_page is not None:
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


def restore_wagtail_names(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Group.objects.filter(name=ADMINISTRATORS).delete()
    Group.objects.filter(name=EDITORS).update(name=WAGTAIL_EDITORS)
    Group.objects.filter(name=MODERATORS).update(name=WAGTAIL_MODERATORS)
    Workflow.objects.filter(name=WORKFLOW).update(name=WAGTAIL_WORKFLOW)
    Task.objects.filter(name=APPROVAL_TASK).update(name=WAGTAIL_WORKFLOW)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("snippets", "0003_awardrecipient_translatable"),
        ("blocs", "0001_initial"),
        ("home", "0002_homepage_intro_portal_settings"),
    ]

    operations = [migrations.RunPython(set_up_roles, restore_wagtail_names)]
