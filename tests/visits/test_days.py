"""Day and week roll over at local midnight (Asia/Ho_Chi_Minh, UTC+7) and on Monday."""

import pytest
from freezegun import freeze_time

pytestmark = pytest.mark.django_db

# Sunday 17 November 2024, 23:59 in Hanoi is 16:59 UTC; Monday 00:00 is 17:00 UTC.
SATURDAY_NOON = "2024-11-16T05:00:00Z"
SUNDAY_LATE = "2024-11-17T16:59:00Z"
MONDAY_MIDNIGHT = "2024-11-17T17:00:30Z"
MONDAY_LATER = "2024-11-18T03:00:00Z"
TUESDAY_EARLY = "2024-11-18T17:01:00Z"


def test_day_and_week_roll_over_at_local_midnight(beacon):
    with freeze_time(SATURDAY_NOON):
        beacon(ip="203.0.113.1")
        beacon(ip="203.0.113.2")
    with freeze_time(SUNDAY_LATE):  # UTC says Sunday too, Hanoi says Sunday 23:59
        data = beacon(ip="203.0.113.1").json()
        assert data == {"online": 1, "today": 1, "this_week": 3, "total": 3}
    with freeze_time(MONDAY_MIDNIGHT):  # UTC still says Sunday: Hanoi says Monday 00:00
        data = beacon(ip="203.0.113.3").json()
        # The visitor of 23:59 was seen 90 seconds ago, but yesterday: not online today.
        assert data == {"online": 1, "today": 1, "this_week": 1, "total": 4}
    with freeze_time(MONDAY_LATER):
        beacon(ip="203.0.113.3")  # the same visitor later the same day
        data = beacon(ip="203.0.113.4").json()
        assert data == {"online": 2, "today": 2, "this_week": 2, "total": 5}
    with freeze_time(TUESDAY_EARLY):
        data = beacon(ip="203.0.113.3").json()  # a new day: counted again
        assert data == {"online": 1, "today": 1, "this_week": 3, "total": 6}


def test_online_means_the_last_five_minutes(beacon):
    with freeze_time("2024-11-18T03:00:00Z") as frozen:
        beacon(ip="203.0.113.1")
        frozen.tick(240)
        beacon(ip="203.0.113.2")
        assert beacon(ip="203.0.113.2").json()["online"] == 2
        frozen.tick(61)
        data = beacon(ip="203.0.113.2").json()
        assert data["online"] == 1
        assert data["today"] == 2


def test_a_visitor_hash_changes_every_day():
    import datetime

    from visits.counting import visitor_hash

    monday = visitor_hash("203.0.113.1", "ua", datetime.date(2024, 11, 18))
    tuesday = visitor_hash("203.0.113.1", "ua", datetime.date(2024, 11, 19))
    assert monday != tuesday
    assert "203" not in monday
