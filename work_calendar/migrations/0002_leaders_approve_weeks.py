"""The leaders' role ("Lãnh đạo"): a director or deputy approves the week they are shown.

Issue 19 asks that "a leader or moderator approves the week"; 0001 gave the approval task to
moderators and administrators only. Leaders open the admin, read and correct a week (the
editor needs the change permission) and approve it or send it back through the workflow's
task. Approving publishes the week, which Wagtail checks against the publish permission, so
leaders hold it as moderators do; they cannot add or delete weeks, and have no rights on
pages or reference data.
"""

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
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    for leaders in Group.objects.filter(name=LEADERS):
        for task in GroupApprovalTask.objects.filter(groups=leaders):
            task.groups.remove(leaders)
        leaders.permissions.clear()
        leaders.user_set.clear()
        leaders.delete()


class Migration(migrations.Migration):
    dependencies = [("work_calendar", "0001_work_calendar")]

    operations = [migrations.RunPython(grant, revoke)]
