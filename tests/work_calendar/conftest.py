"""Fixtures of the work calendar: its page, leaders, units and a week factory."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from snippets.models import Agency, Person
from tests.roles import LEADERS, SECRETARIES, member_of
from work_calendar.models import WorkCalendarPage, WorkEntry, WorkWeek
from work_calendar.weeks import monday_of


@pytest.fixture
def this_monday():
    return monday_of(timezone.localdate())


@pytest.fixture
def calendar_page(home):
    page = home.add_child(instance=WorkCalendarPage(title="Lịch công tác", slug="lich-cong-tac"))
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def director(locale_vi):
    return Person.objects.create(
        name="Nguyễn Thị Minh Hà", position="Giám đốc Sở", slug="nguyen-thi-minh-ha", live=True
    )


@pytest.fixture
def deputy(locale_vi):
    return Person.objects.create(
        name="Bùi Văn Toàn", position="Phó Giám đốc Sở", slug="bui-van-toan", live=True
    )


@pytest.fixture
def office(locale_vi):
    return Agency.objects.create(name="Văn phòng Sở", slug="van-phong-so", kind="other", live=True)


@pytest.fixture
def secretary(db, django_user_model):
    return member_of(django_user_model, SECRETARIES, "vanthu")


@pytest.fixture
def leader(db, django_user_model):
    """A user of the leaders' role (the director's account)."""
    return member_of(django_user_model, LEADERS, "giamdoc")


def entry(day, hour, content, presider=None, **fields):
    return WorkEntry(date=day, start_time=time(hour), content=content, presider=presider, **fields)


@pytest.fixture
def make_week(locale_vi):
    """make(monday, [entry(...), ...], publish=True, locale=None) -> the week, published or
    a draft, in Vietnamese unless `locale` says otherwise."""

    def make(monday, entries, publish=True, locale=None):
        week = WorkWeek(week_start=monday, live=False, locale=locale or locale_vi)
        for item in entries:
            week.entries.add(item)
        week.save()
        revision = week.save_revision()
        if publish:
            revision.publish()
        week.refresh_from_db()
        return week

    return make


@pytest.fixture
def published_week(make_week, this_monday, director, deputy, office):
    """This week, published: the director's meeting on Monday, the deputy's on Wednesday."""
    meeting = entry(this_monday, 8, "Họp giao ban Sở", director, venue="Phòng họp số 1")
    meeting.participant_units = [office]
    visit = entry(this_monday + timedelta(days=2), 14, "Kiểm tra phòng thí nghiệm", deputy)
    return make_week(this_monday, [meeting, visit])
