"""The leaders' role migration, run forwards and backwards: undone, it takes back its grants
and removes the group only when nothing else refers to it."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import GroupApprovalTask

from tests.roles import LEADERS, MODERATORS

APPROVAL_TASK = "Lãnh đạo hoặc kiểm duyệt viên duyệt lịch"


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)


@pytest.mark.django_db(transaction=True)
def test_leaders_join_the_weeks_approval_and_leave_it_when_undone(django_user_model):
    try:
        migrate([("work_calendar", "0001_work_calendar")])
        # An earlier transactional test may have flushed the groups and workflow 0001 made.
        importlib.import_module("work_calendar.migrations.0001_work_calendar").grant(apps, None)
        assert not Group.objects.filter(name=LEADERS).exists()
        task = GroupApprovalTask.objects.get(name=APPROVAL_TASK)
        assert LEADERS not in set(task.groups.values_list("name", flat=True))

        migrate([("work_calendar", "0002_leaders_approve_weeks")])
        leaders = Group.objects.get(name=LEADERS)
        assert set(task.groups.values_list("name", flat=True)) >= {LEADERS, MODERATORS}
        assert set(leaders.permissions.values_list("codename", flat=True)) == {
            "access_admin",
            "change_workweek",
            "view_workweek",
            "publish_workweek",
            "view_person",
            "view_agency",
        }
        # Undone with nothing else on the group: the group goes.
        migrate([("work_calendar", "0001_work_calendar")])
        assert not Group.objects.filter(name=LEADERS).exists()
        assert LEADERS not in set(task.groups.values_list("name", flat=True))

        # Undone once the group has a member and a right of its own: only the grants go.
        migrate([("work_calendar", "0002_leaders_approve_weeks")])
        leaders = Group.objects.get(name=LEADERS)
        director = django_user_model.objects.create_user("giamdoc", password="mat-khau-dai-2024")
        director.groups.add(leaders)
        own = Permission.objects.get(codename="view_agency")
        extra = Permission.objects.get(codename="view_user")
        leaders.permissions.add(extra)
        migrate([("work_calendar", "0001_work_calendar")])
        leaders = Group.objects.get(name=LEADERS)
        assert list(leaders.user_set.all()) == [director]
        assert list(leaders.permissions.all()) == [extra] and own not in leaders.permissions.all()
        assert LEADERS not in set(task.groups.values_list("name", flat=True))
    finally:
        # Later tests in this process need every migration.
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
