"""The editorial roles as the admin's groups name them (the apps' migrations make them),
and users who belong to one; the fixtures `editor`, `moderator`, `administrator` and
`superuser` (tests/conftest.py) are built from these."""

from django.contrib.auth.models import Group

EDITORS = "Biên tập viên"
MODERATORS = "Kiểm duyệt viên"
ADMINISTRATORS = "Quản trị viên"
# The work calendar's roles (work_calendar's migrations make them).
SECRETARIES = "Văn thư"
LEADERS = "Lãnh đạo"
PASSWORD = "mat-khau-dai-2024"


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.gov.vn", password=PASSWORD
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user
