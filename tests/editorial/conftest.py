import pytest
from django.contrib.auth.models import Group

EDITORS = "Biên tập viên"
MODERATORS = "Kiểm duyệt viên"
ADMINISTRATORS = "Quản trị viên"


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.gov.vn", password="mat-khau-dai-2024"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db, django_user_model):
    return member_of(django_user_model, EDITORS, "bientapvien")


@pytest.fixture
def moderator(db, django_user_model):
    return member_of(django_user_model, MODERATORS, "kiemduyetvien")


@pytest.fixture
def administrator(db, django_user_model):
    return member_of(django_user_model, ADMINISTRATORS, "quantrivien")
