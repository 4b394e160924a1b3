"""The IGU rules on their boundaries (L 82 2023-24; domain.md §3), checked as pure functions
against the default values of an unsaved rule set: aged 18 up to (not including) 50, at most
20 years with a registered address, a start by the scheme's last date, exactly 24 months
(moved by recorded extensions), at least 25 hours a week, one IGU per person, and a residence
basis that gives access."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from employment.checks import PlannedMeasure, check_measure
from employment.models import EmploymentRuleSet, MeasureCategory

START = date(2026, 8, 1)
STANDARD_END = date(2028, 7, 31)
ONE_DAY = timedelta(days=1)


def igu(**overrides) -> PlannedMeasure:
    """An IGU that breaks no rule; each test changes one thing."""
    values = {
        "category": MeasureCategory.IGU, "starts_on": START, "ends_on": STANDARD_END,
        "hours_per_week": Decimal("30"), "birth_date": date(1995, 5, 1),
        "residence_basis": "asylum_refugee", "registered_since": date(2022, 3, 1),
    }
    return PlannedMeasure(**{**values, **overrides})


def codes(planned: PlannedMeasure, rules: EmploymentRuleSet | None = None) -> list[str]:
    return [breach.code for breach in check_measure(rules or EmploymentRuleSet(), planned)]


def test_an_igu_within_every_rule_has_no_warning():
    assert codes(igu()) == []


# --- Age at the start ---------------------------------------------------------------------


def test_a_person_a_day_short_of_18_is_too_young():
    # given: born 18 years less a day before the start
    planned = igu(birth_date=date(2008, 8, 2))

    # when
    breaches = check_measure(EmploymentRuleSet(), planned)

    # then
    assert [b.code for b in breaches] == ["igu_min_age"]
    assert breaches[0].message == (
        "The person is 17 at the start; IGU is for persons aged 18 or over.")


def test_a_person_starting_on_the_18th_birthday_may_start():
    assert codes(igu(birth_date=date(2008, 8, 1))) == []


def test_a_person_starting_the_day_before_the_50th_birthday_may_start():
    assert codes(igu(birth_date=date(1976, 8, 2))) == []


def test_a_person_starting_on_the_50th_birthday_is_too_old():
    breaches = check_measure(EmploymentRuleSet(), igu(birth_date=date(1976, 8, 1)))

    assert [b.code for b in breaches] == ["igu_max_age"]
    assert breaches[0].message == (
        "The person is 50 at the start; IGU is for persons under 50.")


def test_a_person_born_on_a_leap_day_turns_18_on_1_march_in_a_common_year():
    born = date(2008, 2, 29)

    assert codes(igu(birth_date=born, starts_on=date(2026, 2, 28),
                     ends_on=date(2028, 2, 27))) == ["igu_min_age"]
    assert codes(igu(birth_date=born, starts_on=date(2026, 3, 1),
                     ends_on=date(2028, 2, 29))) == []


def test_a_person_born_on_a_leap_day_turns_50_on_1_march_in_a_common_year():
    born = date(1976, 2, 29)

    assert codes(igu(birth_date=born, starts_on=date(2026, 2, 28),
                     ends_on=date(2028, 2, 27))) == []
    assert codes(igu(birth_date=born, starts_on=date(2026, 3, 1),
                     ends_on=date(2028, 2, 29))) == ["igu_max_age"]


def test_the_ages_come_from_the_rules():
    rules = EmploymentRuleSet(igu_min_age=20, igu_max_age=39)

    assert codes(igu(birth_date=date(2006, 8, 2)), rules) == ["igu_min_age"]
    assert codes(igu(birth_date=date(1986, 8, 1)), rules) == ["igu_max_age"]
    assert codes(igu(birth_date=date(1986, 8, 2)), rules) == []


# --- Years with a registered address -------------------------------------------------------


def test_exactly_20_years_registered_at_the_start_is_allowed():
    assert codes(igu(registered_since=date(2006, 8, 1))) == []


def test_20_years_and_a_day_registered_is_too_long():
    breaches = check_measure(EmploymentRuleSet(), igu(registered_since=date(2006, 7, 31)))

    assert [b.code for b in breaches] == ["igu_registered_years"]
    assert "since 07/31/2006: more than 20 years at the start" in breaches[0].message


def test_an_unknown_registration_gives_no_warning():
    assert codes(igu(registered_since=None)) == []


# --- The scheme's last start date --------------------------------------------------------


def test_a_start_on_the_last_start_date_is_allowed():
    rules = EmploymentRuleSet(igu_last_start_on=date(2027, 12, 31))
    start = date(2027, 12, 31)

    assert codes(igu(starts_on=start, ends_on=date(2029, 12, 30)), rules) == []


def test_a_start_the_day_after_the_last_start_date_is_warned_of():
    rules = EmploymentRuleSet(igu_last_start_on=date(2027, 12, 31))

    breaches = check_measure(rules, igu(starts_on=date(2028, 1, 1), ends_on=date(2029, 12, 31)))

    assert [b.code for b in breaches] == ["igu_scheme_ended"]
    assert breaches[0].message == "IGU courses must start by 12/31/2027."


def test_a_scheme_without_a_last_start_date_never_ends():
    assert EmploymentRuleSet().igu_last_start_on is None
    assert codes(igu(starts_on=date(2040, 1, 1), ends_on=date(2041, 12, 31))) == []


# --- Length -------------------------------------------------------------------------------


def test_24_months_end_the_day_before_the_second_anniversary():
    assert codes(igu(ends_on=date(2028, 7, 31))) == []


@pytest.mark.parametrize("ends_on", [STANDARD_END + ONE_DAY, STANDARD_END - ONE_DAY],
                         ids=["a day more", "a day less"])
def test_an_igu_a_day_longer_or_shorter_is_warned_of(ends_on):
    breaches = check_measure(EmploymentRuleSet(), igu(ends_on=ends_on))

    assert [b.code for b in breaches] == ["igu_length"]
    assert breaches[0].message == (
        "An IGU lasts 24 months: from 08/01/2026 it ends on 07/31/2028.")


def test_recorded_extension_days_move_the_expected_end():
    # given: 30 days of illness extended the IGU
    extended = STANDARD_END + timedelta(days=30)

    # then: the moved end is right, the standard one is not
    assert codes(igu(ends_on=extended, extension_days=30)) == []
    assert codes(igu(ends_on=STANDARD_END, extension_days=30)) == ["igu_length"]


def test_an_igu_without_an_end_is_not_checked_for_length():
    assert codes(igu(ends_on=None)) == []


def test_an_igu_from_31_january_ends_on_30_january():
    assert codes(igu(starts_on=date(2026, 1, 31), ends_on=date(2028, 1, 30))) == []


def test_an_igu_from_a_leap_day_ends_on_the_last_day_of_february():
    # 29 February 2030 does not exist: the second anniversary is 1 March.
    start = date(2028, 2, 29)

    assert codes(igu(starts_on=start, ends_on=date(2030, 2, 28))) == []
    assert codes(igu(starts_on=start, ends_on=date(2030, 2, 27))) == ["igu_length"]


# --- Hours, one per person, residence basis --------------------------------------------------


def test_24_9_hours_a_week_is_too_few():
    breaches = check_measure(EmploymentRuleSet(), igu(hours_per_week=Decimal("24.9")))

    assert [b.code for b in breaches] == ["igu_hours"]
    assert breaches[0].message == (
        "The internship part of an IGU is at least 25 hours a week on average.")


def test_the_fewest_hours_come_from_the_rules_as_stored():
    # given: values as the database returns them, with one decimal
    for stored, shown in ((Decimal("25.0"), "25"), (Decimal("22.5"), "22.5")):
        rules = EmploymentRuleSet(igu_min_hours_per_week=stored)

        # when
        breaches = check_measure(rules, igu(hours_per_week=Decimal("20")))

        # then
        assert breaches[0].message == (
            f"The internship part of an IGU is at least {shown} hours a week on average.")


def test_25_hours_a_week_is_enough():
    assert codes(igu(hours_per_week=Decimal("25"))) == []


def test_a_second_igu_for_the_same_person_is_warned_of():
    assert codes(igu(has_other_igu=True)) == ["igu_one_per_person"]


@pytest.mark.parametrize("basis", ["asylum_refugee", "quota_refugee", "family_reunified",
                                   "ukrainian_special_act"])
def test_refugees_family_reunified_and_ukrainians_have_access(basis):
    assert codes(igu(residence_basis=basis)) == []


def test_another_immigrant_has_no_access():
    breaches = check_measure(EmploymentRuleSet(), igu(residence_basis="other_immigrant"))

    assert [b.code for b in breaches] == ["igu_residence_basis"]
    assert breaches[0].message == "The person's residence basis does not give access to IGU."


def test_every_breach_is_reported_at_once():
    planned = igu(birth_date=date(2010, 1, 1), residence_basis="other_immigrant",
                  hours_per_week=Decimal("10"), has_other_igu=True)

    assert codes(planned) == ["igu_min_age", "igu_residence_basis", "igu_hours",
                              "igu_one_per_person"]
