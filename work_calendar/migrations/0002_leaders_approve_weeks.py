"""The leaders' role ("Lãnh đạo"): a director or deputy approves the week they are shown.

Issue 19 asks that "a leader or moderator approves the week"; 0001 gave the approval task to
moderators and administrators only. Leaders open the admin, read and correct a week (the
editor needs the change permission) and approve it or send it back through the workflow's
task. Approving publishes the week, which Wagtail checks against the publish permission, so
leaders hold it as moderators do; they cannot add or delete weeks, and have no rights on
pages or reference data.
"""

from django.conf import settings
from django.db import migrations

LEADERS = "Lãnh đạo"
APPROVAL_TASK = "Lãnh đạo hoặc kiểm duyệt viên duyệt lịch"
GRANTS = [
    ("wagtailadmin", "access_admin"),
    ("work_calendar", "change_workweek"),
    ("work_calendar", "publish_workweek"),
    ("work_calendar", "view_workweek"),
    ("snippets", "view_person"),
    ("snippets", "view_agency"),
]


def permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    action, model_name = codename.split("_", 1)
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {action} {model_name}"},
    )
    return found


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    leaders, _ = Group.objects.get_or_create(name=LEADERS)
    leaders.permissions.add(*[permission(apps, app, code) for app, code in GRANTS])
    for task in GroupApprovalTask.objects.filter(name=APPROVAL_TASK):
        task.groups.add(leaders)


def references(group_model, exclude):
    """(table, column) of every row that can point at a group, but the tables in `exclude`."""
    found = []
    for relation in group_model._meta.related_objects:
        if relation.many_to_many:
            through = relation.through
            columns = [
                field.column
                for field in through._meta.fields
                if field.related_model is not None
                and field.related_model._meta.label_lower == "auth.group"
            ]
            found += [(through._meta.db_table, column) for column in columns]
        else:
            found.append((relation.related_model._meta.db_table, relation.field.column))
    return [(table, column) for table, column in found if table not in exclude]


def revoke(apps, schema_editor):
    """Takes back what `grant` gave: the task membership and the permissions. The group
    itself goes only when nothing else refers to it (no member, no other permission, no
    page or collection right): it may be the administrators' own, or have been given more.

    By ids and SQL, as 0001 does: run backwards with other apps' migrations, the state
    renders Group more than once, and a Group of one rendering cannot be a filter value."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    task_table = GroupApprovalTask._meta.get_field("groups").remote_field.through._meta.db_table
    permissions_table = Group._meta.get_field("permissions").remote_field.through._meta.db_table
    granted = [
        pk
        for app_label, codename in GRANTS
        for pk in Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).values_list("pk", flat=True)
    ]
    others = references(Group, exclude={task_table})
    others.append((permissions_table, "group_id"))
    for group_id in Group.objects.filter(name=LEADERS).values_list("pk", flat=True):
        schema_editor.execute(f"DELETE FROM {task_table} WHERE group_id = %s", [group_id])
        for permission_id in granted:
            schema_editor.execute(
                f"DELETE FROM {permissions_table} WHERE group_id = %s AND permission_id = %s",
                [group_id, permission_id],
            )
        with schema_editor.connection.cursor() as cursor:
            used = False
            for table, column in others:
                cursor.execute(f"SELECT 1 FROM {table} WHERE {column} = %s LIMIT 1", [group_id])
                used = used or cursor.fetchone() is not None
        if not used:
            schema_editor.execute(f"DELETE FROM {Group._meta.db_table} WHERE id = %s", [group_id])


class Migration(migrations.Migration):
    dependencies = [
        ("work_calendar", "0001_work_calendar"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(grant, revoke)]
