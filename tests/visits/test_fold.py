"""Folding the cache into the database: figures unchanged, page views moved once, cache
losses carried over, the starting total added."""

import datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command
from freezegun import freeze_time

from visits.counting import current_figures, fold
from visits.models import DailyVisits, PageViews, VisitSettings
from visits.requests import page_token
from visits.tasks import fold_visits_task

pytestmark = pytest.mark.django_db

NOW = "2024-11-20T03:00:00Z"  # Wednesday 10:00 in Hanoi


@pytest.fixture(autouse=True)
def _no_automatic_fold(settings):
    settings.VISITS_FOLD_INTERVAL = 0


@freeze_time(NOW)
def test_fold_keeps_the_figures_and_moves_page_views_once(beacon, any_page):
    token = page_token(any_page.pk)
    for n in range(3):
        beacon(ip=f"203.0.113.{n}", page=token)
    before = beacon(ip="203.0.113.0", page=token).json()
    assert before["page_views"] == 4
    call_command("fold_visits")
    call_command("fold_visits")  # idempotent
    row = DailyVisits.objects.get()
    assert (row.date.isoformat(), row.visitors, row.views) == ("2024-11-20", 3, 4)
    assert PageViews.objects.get(page=any_page).views == 4
    assert current_figures(any_page.pk).as_dict() == before
    assert beacon(ip="203.0.113.9", page=token).json()["page_views"] == 5


@freeze_time(NOW)
def test_a_lost_cache_keeps_what_was_folded(beacon):
    for n in range(5):
        beacon(ip=f"203.0.113.{n}")
    fold()
    cache.clear()  # Redis restarted without its data
    assert current_figures().today == 5
    data = beacon(ip="203.0.113.0").json()  # seen before the loss: counted again (bounded)
    assert data == {"online": 1, "today": 6, "this_week": 6, "total": 6}
    fold()
    fold()
    assert DailyVisits.objects.get().visitors == 6
    assert current_figures().today == 6


@freeze_time(NOW)
def test_starting_total_is_added(beacon):
    settings = VisitSettings.load()
    settings.starting_total = 1_204_311
    settings.save()
    fold()  # a fold renews the cached figures at once
    assert beacon().json()["total"] == 1_204_312


@freeze_time(NOW)
@pytest.mark.parametrize("starting_total", [None, 0, 5_000])
def test_old_days_and_the_starting_total_make_the_total(starting_total):
    """Days older than the week and the cache's window are summed with the starting total
    in one query; no settings row counts as a starting total of 0."""
    DailyVisits.objects.create(date=datetime.date(2024, 9, 1), visitors=100, views=300)
    DailyVisits.objects.create(date=datetime.date(2024, 10, 1), visitors=20, views=40)
    if starting_total is not None:
        VisitSettings.objects.create(starting_total=starting_total)
    figures = current_figures()
    assert (figures.total, figures.this_week, figures.today) == (
        120 + (starting_total or 0),
        0,
        0,
    )
    assert VisitSettings.objects.count() == (starting_total is not None)


def test_the_task_folds(beacon):
    with freeze_time(NOW):
        beacon()
        result = fold_visits_task.enqueue()
        assert result.return_value == {"days": 1, "pages": 0}
        assert DailyVisits.objects.get().visitors == 1


def test_the_beacon_enqueues_the_fold_once_per_interval(beacon, settings):
    settings.VISITS_FOLD_INTERVAL = 300
    with freeze_time(NOW):
        beacon(ip="203.0.113.1")
        assert DailyVisits.objects.get().visitors == 1
        beacon(ip="203.0.113.2")
        assert DailyVisits.objects.get().visitors == 1
        # The interval passes (its key expires; Redis expires keys in real time, not frozen).
        assert cache.delete("visits:fold-due")
        beacon(ip="203.0.113.3")
        assert DailyVisits.objects.get().visitors == 3


def test_yesterday_counts_until_folded_and_after(beacon):
    with freeze_time("2024-11-19T16:55:00Z"):  # Tuesday 23:55
        beacon(ip="203.0.113.1")
        beacon(ip="203.0.113.2")
    with freeze_time("2024-11-19T17:05:00Z"):  # Wednesday 00:05, nothing folded yet
        assert beacon(ip="203.0.113.3").json()["this_week"] == 3
        fold()
        assert {r.date.day: r.visitors for r in DailyVisits.objects.all()} == {19: 2, 20: 1}
        assert current_figures().as_dict() == {
            "online": 1,
            "today": 1,
            "this_week": 3,
            "total": 3,
        }
