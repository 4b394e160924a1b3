"""Occupancy over a period: the most persons living in a home on any one day."""

from datetime import date

from housing.matching import peak_load

JAN, FEB, MAR, APR = (date(2027, m, 1) for m in (1, 2, 3, 4))


def test_placements_that_follow_each_other_do_not_add_up():
    # given 3 persons in January and 3 from February
    intervals = [(JAN, FEB, 3), (FEB, MAR, 3)]

    # then January to March never holds more than 3
    assert peak_load(intervals, JAN, MAR) == 3


def test_overlapping_placements_add_up_where_they_overlap():
    intervals = [(JAN, MAR, 2), (FEB, APR, 3)]

    assert peak_load(intervals, JAN, APR) == 5
    assert peak_load(intervals, JAN, FEB) == 2


def test_an_open_ended_stay_counts_for_ever_and_an_empty_one_not_at_all():
    assert peak_load([(JAN, None, 2), (MAR, MAR, 9)], APR, None) == 2


def test_a_move_out_on_the_first_day_of_the_period_is_not_in_it():
    assert peak_load([(JAN, FEB, 4)], FEB, MAR) == 0
