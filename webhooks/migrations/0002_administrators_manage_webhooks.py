from django.db import migrations

ADMINISTRATORS = "Quản trị viên"
CODENAMES = ["add_subscription", "change_subscription", "delete_subscription", "view_subscription"]


def grant(apps, schema_editor):
    """Only the administrators (and superusers) manage webhook subscriptions."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="webhooks", model="subscription")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {codename.replace('_', ' ')}"},
        )[0]
        for codename in CODENAMES
    ]
    group, _ = Group.objects.get_or_create(name=ADMINISTRATORS)
    group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("webhooks", "0001_subscriptions_and_deliveries"),
        ("editorial", "0001_roles_and_moderation_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
