"""Wage subsidy (LAB § 68) on its boundaries: at most 6 months with a private employer and
4 with a public one, counted in calendar months, and an employer of the matching sector."""

from datetime import date
from decimal import Decimal

import pytest

from employment.checks import PlannedMeasure, check_measure
from employment.models import EmploymentRuleSet, MeasureCategory

PRIVATE, PUBLIC = MeasureCategory.WAGE_SUBSIDY_PRIVATE, MeasureCategory.WAGE_SUBSIDY_PUBLIC


def wage_subsidy(category, **overrides) -> PlannedMeasure:
    values = {
        "category": category, "starts_on": date(2026, 3, 1), "ends_on": None,
        "hours_per_week": Decimal("30"), "birth_date": date(1990, 5, 1),
        "residence_basis": "asylum_refugee",
    }
    return PlannedMeasure(**{**values, **overrides})


def codes(planned: PlannedMeasure, rules: EmploymentRuleSet | None = None) -> list[str]:
    return [breach.code for breach in check_measure(rules or EmploymentRuleSet(), planned)]


def test_six_months_with_a_private_employer_is_allowed():
    assert codes(wage_subsidy(PRIVATE, ends_on=date(2026, 8, 31))) == []


def test_six_months_and_a_day_with_a_private_employer_is_too_long():
    breaches = check_measure(EmploymentRuleSet(), wage_subsidy(PRIVATE, ends_on=date(2026, 9, 1)))

    assert [b.code for b in breaches] == ["wage_subsidy_length"]
    assert breaches[0].message == (
        "Wage subsidy with a private employer lasts at most 6 months.")


def test_four_months_with_a_public_employer_is_allowed():
    assert codes(wage_subsidy(PUBLIC, ends_on=date(2026, 6, 30))) == []


def test_four_months_and_a_day_with_a_public_employer_is_too_long():
    breaches = check_measure(EmploymentRuleSet(), wage_subsidy(PUBLIC, ends_on=date(2026, 7, 1)))

    assert [b.code for b in breaches] == ["wage_subsidy_length"]
    assert breaches[0].message == (
        "Wage subsidy with a public employer lasts at most 4 months.")


def test_a_shorter_wage_subsidy_or_one_without_an_end_is_allowed():
    assert codes(wage_subsidy(PUBLIC, ends_on=date(2026, 3, 31))) == []
    assert codes(wage_subsidy(PUBLIC, ends_on=None)) == []


@pytest.mark.parametrize(("starts_on", "last_day"), [
    (date(2025, 10, 31), date(2026, 2, 28)),
    (date(2027, 10, 31), date(2028, 2, 29)),
], ids=["common year", "leap year"])
def test_from_the_31st_the_months_run_to_the_end_of_a_shorter_month(starts_on, last_day):
    # given: four months from 31 October end in February, which has no 31st
    planned_to_last_day = wage_subsidy(PUBLIC, starts_on=starts_on, ends_on=last_day)
    planned_to_1_march = wage_subsidy(PUBLIC, starts_on=starts_on,
                                      ends_on=date(last_day.year, 3, 1))

    # then: February is the fourth month, all of it
    assert codes(planned_to_last_day) == []
    assert codes(planned_to_1_march) == ["wage_subsidy_length"]


def test_the_lengths_come_from_the_rules():
    rules = EmploymentRuleSet(wage_subsidy_private_max_months=12)

    assert codes(wage_subsidy(PRIVATE, ends_on=date(2027, 2, 28)), rules) == []
    assert codes(wage_subsidy(PRIVATE, ends_on=date(2027, 3, 1)), rules) == [
        "wage_subsidy_length"]


def test_a_public_employer_for_a_private_wage_subsidy_is_warned_of():
    breaches = check_measure(EmploymentRuleSet(),
                             wage_subsidy(PRIVATE, employer_is_public=True))

    assert [b.code for b in breaches] == ["wage_subsidy_employer"]
    assert breaches[0].message == (
        "The employer is public, but the wage subsidy is for a private employer.")


def test_a_private_employer_for_a_public_wage_subsidy_is_warned_of():
    breaches = check_measure(EmploymentRuleSet(),
                             wage_subsidy(PUBLIC, employer_is_public=False))

    assert [b.code for b in breaches] == ["wage_subsidy_employer"]
    assert breaches[0].message == (
        "The employer is private, but the wage subsidy is for a public employer.")


@pytest.mark.parametrize(("category", "is_public"), [(PRIVATE, False), (PUBLIC, True),
                                                     (PRIVATE, None), (PUBLIC, None)])
def test_a_matching_or_unknown_employer_is_no_warning(category, is_public):
    assert codes(wage_subsidy(category, employer_is_public=is_public)) == []
