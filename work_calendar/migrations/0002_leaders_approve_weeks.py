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


def revoke(apps, schema_editor):
    """By ids and SQL, as 0001 does: run backwards with other apps' migrations, the state
    renders Group more than once, and a Group of one rendering cannot be a filter value or
    be deleted through another's relations."""
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    tables = [
        GroupApprovalTask._meta.get_field("groups").remote_field.through._meta.db_table,
        Group._meta.get_field("permissions").remote_field.through._meta.db_table,
        User._meta.get_field("groups").remote_field.through._meta.db_table,
    ]
    for group_id in Group.objects.filter(name=LEADERS).values_list("pk", flat=True):
        for table in tables:
            schema_editor.execute(f"DELETE FROM {table} WHERE group_id = %s", [group_id])
        schema_editor.execute(f"DELETE FROM {Group._meta.db_table} WHERE id = %s", [group_id])


class Migration(migrations.Migration):
    dependencies = [
        ("work_calendar", "0001_work_calendar"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(grant, revoke)]
