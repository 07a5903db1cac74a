"""The leaders' role migration, run backwards then forwards on a database that has users."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
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
        director = django_user_model.objects.create_user("giamdoc", password="mat-khau-dai-2024")
        director.groups.add(leaders)

        migrate([("work_calendar", "0001_work_calendar")])
        assert not Group.objects.filter(name=LEADERS).exists()
        assert django_user_model.objects.filter(username="giamdoc").exists()
        assert LEADERS not in set(task.groups.values_list("name", flat=True))
    finally:
        # Later tests in this process need every migration.
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
