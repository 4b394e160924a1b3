"""The special upskilling course (INL § 23 a): at most 3 months, once only. Other kinds of
measure, such as a job, have no rule to breach."""

from datetime import date
from decimal import Decimal

import pytest

from employment.checks import PlannedMeasure, check_measure
from employment.models import EmploymentRuleSet, MeasureCategory


def course(**overrides) -> PlannedMeasure:
    values = {
        "category": MeasureCategory.SPECIAL_UPSKILLING, "starts_on": date(2026, 3, 1),
        "ends_on": date(2026, 5, 31), "hours_per_week": Decimal("30"),
        "birth_date": date(1990, 5, 1), "residence_basis": "asylum_refugee",
    }
    return PlannedMeasure(**{**values, **overrides})


def codes(planned: PlannedMeasure) -> list[str]:
    return [breach.code for breach in check_measure(EmploymentRuleSet(), planned)]


def test_three_months_is_allowed():
    assert codes(course(ends_on=date(2026, 5, 31))) == []


def test_three_months_and_a_day_is_too_long():
    breaches = check_measure(EmploymentRuleSet(), course(ends_on=date(2026, 6, 1)))

    assert [b.code for b in breaches] == ["special_upskilling_length"]
    assert breaches[0].message == "A special upskilling course lasts at most 3 months."


def test_three_months_from_31_january_run_to_30_april():
    # 31 April does not exist: the course may use all of April.
    assert codes(course(starts_on=date(2026, 1, 31), ends_on=date(2026, 4, 30))) == []
    assert codes(course(starts_on=date(2026, 1, 31), ends_on=date(2026, 5, 1))) == [
        "special_upskilling_length"]


def test_a_second_course_is_warned_of():
    breaches = check_measure(EmploymentRuleSet(), course(has_other_special_upskilling=True))

    assert [b.code for b in breaches] == ["special_upskilling_once"]
    assert breaches[0].message == (
        "The person has had a special upskilling course: it is offered once only.")


@pytest.mark.parametrize("category", [
    MeasureCategory.SMALL_JOB, MeasureCategory.ORDINARY_JOB, MeasureCategory.EDUCATION,
    MeasureCategory.JOB_TRAINING, MeasureCategory.OTHER,
])
def test_kinds_without_rules_have_no_warnings(category):
    # given: what would breach the IGU and course rules
    planned = course(category=category, ends_on=date(2030, 1, 1), birth_date=date(2015, 1, 1),
                     residence_basis="other_immigrant", has_other_special_upskilling=True,
                     has_other_igu=True)

    assert codes(planned) == []
