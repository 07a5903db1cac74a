"""The editorial groups' permissions on the registry's lists and on consultation comments.

Administrators keep the lists of document types and subject areas. Comments carry personal
data: editors (the drafting unit) read and export them, moderators also approve, reject and
delete them (on a commenter's request), administrators likewise. Pages need nothing here:
the documents are pages, under the page permissions of the editorial groups.
"""

from django.db import migrations

GRANTS = {
    "Biên tập viên": ["view_consultationcomment"],
    "Kiểm duyệt viên": [
        "view_consultationcomment",
        "change_consultationcomment",
        "delete_consultationcomment",
    ],
    "Quản trị viên": [
        "add_documenttype",
        "change_documenttype",
        "delete_documenttype",
        "add_subjectarea",
        "change_subjectarea",
        "delete_subjectarea",
        "view_consultationcomment",
        "change_consultationcomment",
        "delete_consultationcomment",
    ],
}


def permission(apps, codename):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    action, model_name = codename.split("_", 1)
    content_type, _ = ContentType.objects.get_or_create(
        app_label="legal_documents", model=model_name
    )
    verbose_name = apps.get_model("legal_documents", model_name)._meta.verbose_name_raw
    found, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {action} {verbose_name}"},
    )
    return found


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*[permission(apps, codename) for codename in codenames])


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="legal_documents", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("legal_documents", "0001_legal_documents"),
        ("editorial", "0001_roles_and_moderation_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
