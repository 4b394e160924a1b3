"""The end a measure gets when none is given: the rules' length of its category, counted in
calendar months or weeks including both ends; an open end for a job or an education."""

from datetime import date

import pytest

from employment.checks import months_end, standard_end, weeks_end
from employment.models import EmploymentRuleSet, MeasureCategory

START = date(2026, 3, 2)


@pytest.mark.parametrize(("category", "end"), [
    (MeasureCategory.IGU, date(2028, 3, 1)),
    (MeasureCategory.COMPANY_INTERNSHIP, date(2026, 5, 31)),
    (MeasureCategory.LANGUAGE_INTERNSHIP, date(2026, 5, 31)),
    (MeasureCategory.WAGE_SUBSIDY_PRIVATE, date(2026, 9, 1)),
    (MeasureCategory.WAGE_SUBSIDY_PUBLIC, date(2026, 7, 1)),
    (MeasureCategory.SPECIAL_UPSKILLING, date(2026, 6, 1)),
    (MeasureCategory.SMALL_JOB, None),
    (MeasureCategory.ORDINARY_JOB, None),
    (MeasureCategory.EDUCATION, None),
    (MeasureCategory.JOB_TRAINING, None),
    (MeasureCategory.OTHER, None),
])
def test_each_category_has_its_standard_end(category, end):
    assert standard_end(EmploymentRuleSet(), category, START) == end


def test_every_category_is_covered():
    covered = {c for c in MeasureCategory if standard_end(EmploymentRuleSet(), c, START)}

    assert covered == {MeasureCategory.IGU, MeasureCategory.COMPANY_INTERNSHIP,
                       MeasureCategory.LANGUAGE_INTERNSHIP, MeasureCategory.WAGE_SUBSIDY_PRIVATE,
                       MeasureCategory.WAGE_SUBSIDY_PUBLIC, MeasureCategory.SPECIAL_UPSKILLING}


def test_the_lengths_come_from_the_rules():
    rules = EmploymentRuleSet(igu_months=18, internship_weeks=4,
                              wage_subsidy_private_max_months=12,
                              wage_subsidy_public_max_months=2, special_upskilling_max_months=1)

    assert [standard_end(rules, category, START) for category in (
        MeasureCategory.IGU, MeasureCategory.COMPANY_INTERNSHIP,
        MeasureCategory.WAGE_SUBSIDY_PRIVATE, MeasureCategory.WAGE_SUBSIDY_PUBLIC,
        MeasureCategory.SPECIAL_UPSKILLING,
    )] == [date(2027, 9, 1), date(2026, 3, 29), date(2027, 3, 1), date(2026, 5, 1),
           date(2026, 4, 1)]


@pytest.mark.parametrize(("starts_on", "months", "end"), [
    (date(2026, 3, 1), 1, date(2026, 3, 31)),
    (date(2026, 1, 28), 1, date(2026, 2, 27)),
    (date(2026, 1, 29), 1, date(2026, 2, 28)),
    (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2028, 1, 31), 1, date(2028, 2, 29)),
    (date(2026, 1, 31), 2, date(2026, 3, 30)),
    (date(2028, 2, 29), 12, date(2029, 2, 28)),
    (date(2028, 2, 29), 48, date(2032, 2, 28)),
    (date(2026, 8, 31), 6, date(2027, 2, 28)),
    (date(2026, 12, 31), 24, date(2028, 12, 30)),
])
def test_months_end_on_the_day_before_the_same_day_or_at_a_shorter_months_end(
        starts_on, months, end):
    assert months_end(starts_on, months) == end


def test_weeks_end_on_the_day_before_the_same_weekday():
    assert weeks_end(date(2026, 3, 2), 13) == date(2026, 5, 31)  # a Monday to a Sunday
    assert weeks_end(date(2028, 2, 1), 4) == date(2028, 2, 28)
