"""The week page, the feeds and the API cost the same number of queries with 10 entries as
with 10,000."""

from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from work_calendar.models import WorkEntry, WorkWeek

pytestmark = pytest.mark.django_db
URLS = [
    "/lich-cong-tac/",
    "/lich-cong-tac/ngay/{day}/",
    "/lich-cong-tac/ical/",
    "/lich-cong-tac/ical/nguyen-thi-minh-ha/",
    "/api/v2/work-calendar/",
    "/api/v2/work-calendar/?week={week}&leader=nguyen-thi-minh-ha",
]


def fill(locale, monday, weeks, per_week, director, deputy, office):
    """`weeks` published weeks ending with this one, `per_week` entries each."""
    for n in range(weeks):
        start = monday - timedelta(weeks=n)
        week = WorkWeek.objects.create(week_start=start, locale=locale, live=True)
        rows = [
            WorkEntry(
                week=week,
                locale=locale,
                date=start + timedelta(days=i % 7),
                start_time=time(7 + i % 10),
                content=f"Công việc {n}-{i}",
                presider=director if i % 2 else deputy,
            )
            for i in range(per_week)
        ]
        WorkEntry.objects.bulk_create(rows)
        through = WorkEntry.participant_units.through
        through.objects.bulk_create(
            [through(workentry_id=row.pk, agency_id=office.pk) for row in rows]
        )


def counts(client, week, day):
    found = {}
    for url in URLS:
        with CaptureQueriesContext(connection) as context:
            response = client.get(url.format(week=week, day=day))
        assert response.status_code == 200, url
        found[url] = len(context.captured_queries)
    return found


def test_query_counts_do_not_grow_with_the_entries(
    client, calendar_page, this_monday, director, deputy, office, locale_vi
):
    fill(locale_vi, this_monday, 1, 10, director, deputy, office)
    label, day = WorkWeek.objects.get().label, this_monday.isoformat()
    counts(client, label, day)  # warms the per-process caches (content types, site)
    few = counts(client, label, day)
    fill(locale_vi, this_monday - timedelta(weeks=1), 100, 100, director, deputy, office)
    assert WorkEntry.objects.count() == 10_010
    counts(client, label, day)  # the new entries replaced the fragments' version: warm again
    many = counts(client, label, day)
    assert many == few
    print("queries at 10 and 10,010 entries:", few, many)
    assert max(few.values()) <= 30, few
