"""Danish public holidays follow Easter; working-day and month arithmetic respects them."""

from datetime import date

import pytest

from integration_portal.rules.calendar import (
    add_months,
    add_working_days,
    danish_holidays,
    easter_sunday,
    end_of_month,
    is_working_day,
    next_working_day,
)


@pytest.mark.parametrize(
    "easter",
    [
        date(2000, 4, 23),
        date(2008, 3, 23),
        date(2019, 4, 21),
        date(2024, 3, 31),
        date(2025, 4, 20),
        date(2026, 4, 5),
        date(2027, 3, 28),
        date(2038, 4, 25),
    ],
)
def test_easter_sunday_for_known_years(easter):
    assert easter_sunday(easter.year) == easter


def test_the_public_holidays_of_2025():
    # when
    holidays = danish_holidays(2025, extra_closed=False)

    # then
    assert set(holidays) == {
        date(2025, 1, 1),  # Nytårsdag
        date(2025, 4, 17),  # Skærtorsdag
        date(2025, 4, 18),  # Langfredag
        date(2025, 4, 20),  # Påskedag
        date(2025, 4, 21),  # 2. påskedag
        date(2025, 5, 29),  # Kristi himmelfartsdag
        date(2025, 6, 8),  # Pinsedag
        date(2025, 6, 9),  # 2. pinsedag
        date(2025, 12, 25),  # Juledag
        date(2025, 12, 26),  # 2. juledag
    }


def test_the_closing_days_are_added_by_the_flag():
    # when
    with_closing_days = danish_holidays(2025, extra_closed=True)

    # then
    added = set(with_closing_days) - set(danish_holidays(2025, extra_closed=False))
    assert added == {date(2025, 6, 5), date(2025, 12, 24), date(2025, 12, 31)}


def test_store_bededag_is_a_holiday_in_2023():
    # given the fourth Friday after Easter 2023 (9 April)
    store_bededag = date(2023, 5, 5)

    # then
    assert store_bededag in danish_holidays(2023, extra_closed=False)
    assert not is_working_day(store_bededag)


def test_store_bededag_is_a_working_day_from_2024():
    # given the day it would have been (fourth Friday after Easter 2024, 31 March)
    former_store_bededag = date(2024, 4, 26)

    # then
    assert former_store_bededag not in danish_holidays(2024, extra_closed=False)
    assert is_working_day(former_store_bededag)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2025, 4, 16), True),  # Wednesday before Easter
        (date(2025, 4, 17), False),  # Skærtorsdag
        (date(2025, 4, 22), True),  # Tuesday after Easter
        (date(2025, 6, 7), False),  # Saturday
        (date(2025, 6, 8), False),  # Sunday and Pinsedag
    ],
)
def test_is_working_day(day, working):
    assert is_working_day(day) is working


@pytest.mark.parametrize("closing_day", [date(2025, 6, 5), date(2025, 12, 24), date(2025, 12, 31)])
def test_a_closing_day_is_a_working_day_only_without_the_flag(closing_day):
    assert is_working_day(closing_day, extra_closed=False)
    assert not is_working_day(closing_day, extra_closed=True)


def test_next_working_day_is_the_day_itself_when_it_is_one():
    assert next_working_day(date(2025, 4, 16)) == date(2025, 4, 16)


def test_next_working_day_skips_easter():
    # given Skærtorsdag; Langfredag, the weekend and 2. påskedag follow
    assert next_working_day(date(2025, 4, 17)) == date(2025, 4, 22)


def test_next_working_day_over_new_year():
    # given Christmas Eve 2025 (Wednesday) with the closing days
    assert next_working_day(date(2025, 12, 24)) == date(2025, 12, 29)
    assert next_working_day(date(2025, 12, 31)) == date(2026, 1, 2)


def test_add_working_days_does_not_count_the_start_day():
    # given a Friday
    friday = date(2025, 3, 7)

    # then one working day later is Monday, five is the next Friday
    assert add_working_days(friday, 1) == date(2025, 3, 10)
    assert add_working_days(friday, 5) == date(2025, 3, 14)
    assert add_working_days(friday, 0) == friday


def test_add_working_days_over_christmas():
    # given Monday 22 December 2025: 24, 25, 26 and 31 December and 1 January are closed
    assert add_working_days(date(2025, 12, 22), 4) == date(2026, 1, 2)
    assert add_working_days(date(2025, 12, 22), 4, extra_closed=False) == date(2025, 12, 30)


def test_add_working_days_backwards():
    assert add_working_days(date(2025, 4, 22), -1) == date(2025, 4, 16)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2100, 1, 31), 1, date(2100, 2, 28)),  # 2100 is not a leap year
        (date(2025, 3, 31), 1, date(2025, 4, 30)),
        (date(2025, 1, 15), 1, date(2025, 2, 15)),
        (date(2025, 12, 15), 1, date(2026, 1, 15)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2025, 1, 31), 0, date(2025, 1, 31)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2025, 1, 10), -1, date(2024, 12, 10)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
    ],
)
def test_add_months_clamps_to_the_end_of_the_month(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2024, 2, 10), date(2024, 2, 29)),
        (date(2025, 2, 10), date(2025, 2, 28)),
        (date(2000, 2, 1), date(2000, 2, 29)),
        (date(1900, 2, 1), date(1900, 2, 28)),
        (date(2025, 4, 30), date(2025, 4, 30)),
        (date(2025, 12, 1), date(2025, 12, 31)),
    ],
)
def test_end_of_month(day, expected):
    assert end_of_month(day) == expected
