"""The "Thông tin bắt buộc" item of the work calendar: is this week's calendar published."""

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from work_calendar.models import WorkWeek
from work_calendar.wagtail_hooks import work_calendar_information

from .conftest import entry

pytestmark = pytest.mark.django_db


def item():
    request = RequestFactory().get("/admin/")
    # The calendar's own check: collect() would count every other app's queries too.
    return next(i for i in work_calendar_information(request) if i.topic == "work_calendar")


def test_missing_when_this_week_has_no_calendar(locale_vi, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        found = item()
    assert not found.present and not found.published and not found.complete
    assert found.fix_url.endswith("/add/")


def test_a_draft_is_present_but_not_published(make_week, this_monday, director):
    week = make_week(this_monday, [entry(this_monday, 8, "Họp", director)], publish=False)
    found = item()
    assert found.present and not found.published
    assert found.fix_url.endswith(f"/edit/{week.pk}/")


def test_complete_when_published_and_stale_after_a_week(published_week):
    assert item().complete
    WorkWeek.objects.update(last_published_at=timezone.now() - timedelta(days=8))
    found = item()
    assert found.published and not found.up_to_date
