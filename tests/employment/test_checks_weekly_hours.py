"""`peak_weekly_hours`: the most hours a week a person's measures and lessons add up to on any
day of a period. Periods include both ends; an open end runs on."""

from datetime import date
from decimal import Decimal

from employment.checks import WeeklyLoad, peak_weekly_hours


def load(starts_on, ends_on, hours) -> WeeklyLoad:
    return WeeklyLoad(starts_on, ends_on, Decimal(hours))


def test_nothing_is_no_hours():
    assert peak_weekly_hours([], starts_on=date(2026, 3, 1), ends_on=None) == 0


def test_overlapping_loads_add_up():
    loads = [load(date(2026, 3, 1), date(2026, 5, 31), "20"),
             load(date(2026, 4, 1), date(2026, 6, 30), "10")]

    assert peak_weekly_hours(loads, starts_on=date(2026, 3, 1),
                             ends_on=date(2026, 6, 30)) == Decimal("30")


def test_touching_loads_do_not_add_up():
    # given: one ends on 31 March, the next starts on 1 April
    loads = [load(date(2026, 3, 1), date(2026, 3, 31), "20"),
             load(date(2026, 4, 1), date(2026, 6, 30), "10")]

    assert peak_weekly_hours(loads, starts_on=date(2026, 3, 1),
                             ends_on=date(2026, 6, 30)) == Decimal("20")


def test_loads_sharing_one_day_add_up():
    loads = [load(date(2026, 3, 1), date(2026, 4, 1), "20"),
             load(date(2026, 4, 1), date(2026, 6, 30), "10")]

    assert peak_weekly_hours(loads, starts_on=date(2026, 3, 1),
                             ends_on=date(2026, 6, 30)) == Decimal("30")


def test_open_ended_loads_run_on():
    # given: a job since January and lessons from September, neither with an end
    loads = [load(date(2026, 1, 1), None, "15"), load(date(2026, 9, 1), None, "10")]

    # then: they meet in a period from March without an end, and in one ending in September
    assert peak_weekly_hours(loads, starts_on=date(2026, 3, 1), ends_on=None) == Decimal("25")
    assert peak_weekly_hours(loads, starts_on=date(2026, 3, 1),
                             ends_on=date(2026, 9, 1)) == Decimal("25")
    assert peak_weekly_hours(loads, starts_on=date(2026, 3, 1),
                             ends_on=date(2026, 8, 31)) == Decimal("15")


def test_a_load_started_before_the_period_counts_from_its_first_day():
    loads = [load(date(2025, 11, 1), date(2026, 3, 15), "20"),
             load(date(2026, 3, 1), date(2026, 5, 31), "12.5")]

    assert peak_weekly_hours(loads, starts_on=date(2026, 3, 1),
                             ends_on=date(2026, 5, 31)) == Decimal("32.5")


def test_loads_outside_the_period_do_not_count():
    loads = [load(date(2026, 1, 1), date(2026, 2, 28), "30"),
             load(date(2026, 7, 1), None, "30"),
             load(date(2026, 3, 1), date(2026, 6, 30), "5")]

    assert peak_weekly_hours(loads, starts_on=date(2026, 3, 1),
                             ends_on=date(2026, 6, 30)) == Decimal("5")


def test_the_peak_is_the_busiest_day_not_the_sum_of_everything():
    # given: the March and June loads never meet, each meets the long one
    loads = [load(date(2026, 3, 1), date(2026, 3, 31), "20"),
             load(date(2026, 3, 1), date(2026, 6, 30), "10"),
             load(date(2026, 6, 1), date(2026, 6, 30), "15")]

    assert peak_weekly_hours(loads, starts_on=date(2026, 3, 1),
                             ends_on=date(2026, 6, 30)) == Decimal("30")
