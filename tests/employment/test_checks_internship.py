"""Company and language internships on their boundaries: 13 weeks, then an extension of up
to 13 more that must be justified, and no longer than that."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from employment.checks import PlannedMeasure, check_measure
from employment.models import EmploymentRuleSet, MeasureCategory

START = date(2026, 3, 2)
ONE_DAY = timedelta(days=1)
THIRTEEN_WEEKS_END = date(2026, 5, 31)
TWENTY_SIX_WEEKS_END = date(2026, 8, 30)

pytestmark = pytest.mark.parametrize(
    "category", [MeasureCategory.COMPANY_INTERNSHIP, MeasureCategory.LANGUAGE_INTERNSHIP])


def internship(category, ends_on) -> PlannedMeasure:
    return PlannedMeasure(category=category, starts_on=START, ends_on=ends_on,
                          hours_per_week=Decimal("15"), birth_date=date(1990, 5, 1),
                          residence_basis="asylum_refugee")


def breaches(category, ends_on, rules=None):
    return check_measure(rules or EmploymentRuleSet(), internship(category, ends_on))


def test_thirteen_weeks_is_allowed(category):
    assert breaches(category, THIRTEEN_WEEKS_END) == []


def test_thirteen_weeks_and_a_day_is_an_extension_to_justify(category):
    found = breaches(category, THIRTEEN_WEEKS_END + ONE_DAY)

    assert [b.code for b in found] == ["internship_extension"]
    assert found[0].message == (
        "An internship lasts 13 weeks; a longer one is an extension of up to 13 weeks that "
        "must be justified.")


def test_twenty_six_weeks_is_still_an_extension(category):
    assert [b.code for b in breaches(category, TWENTY_SIX_WEEKS_END)] == [
        "internship_extension"]


def test_twenty_six_weeks_and_a_day_is_too_long(category):
    found = breaches(category, TWENTY_SIX_WEEKS_END + ONE_DAY)

    # Only the graver warning: the extension is already past its limit.
    assert [b.code for b in found] == ["internship_length"]
    assert found[0].message == "An internship lasts at most 26 weeks, extension included."


def test_an_internship_without_an_end_is_not_checked(category):
    assert breaches(category, None) == []


def test_the_weeks_come_from_the_rules(category):
    rules = EmploymentRuleSet(internship_weeks=4, internship_extension_weeks=9)

    assert breaches(category, START + timedelta(weeks=4) - ONE_DAY, rules) == []
    assert [b.code for b in breaches(category, START + timedelta(weeks=4), rules)] == [
        "internship_extension"]
    assert [b.code for b in breaches(category, START + timedelta(weeks=13), rules)] == [
        "internship_length"]
