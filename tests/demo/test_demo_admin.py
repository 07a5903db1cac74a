from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_demo_admin_is_refused_outside_development(settings):
    settings.DEMO_ADMIN_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("create_demo_admin")


def test_demo_admin_created_once_and_password_kept(settings, monkeypatch):
    settings.DEMO_ADMIN_ALLOWED = True
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "first-password")
    call_command("create_demo_admin", stdout=StringIO())
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "second-password")
    call_command("create_demo_admin", stdout=StringIO())
    users = get_user_model().objects.filter(username="admin")
    assert users.count() == 1
    assert users.get().check_password("first-password")
    assert users.get().is_superuser
