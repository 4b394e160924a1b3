"""Which employment rules are in force on a day: the municipality's newest own version from
its date, else the newest national one; before any version, the oldest national one."""

from datetime import date

import pytest

from employment.models import EmploymentRuleSet
from employment.selectors.rules import employment_rules_in_force, rule_set_history

pytestmark = pytest.mark.django_db

SEEDED = date(2024, 7, 1)  # the national rules seeded by employment's migration 0003


def national(effective_from: date, **values) -> EmploymentRuleSet:
    return EmploymentRuleSet.objects.create(municipality=None, effective_from=effective_from,
                                            **values)


def own(municipality, effective_from: date, **values) -> EmploymentRuleSet:
    return EmploymentRuleSet.objects.create(municipality=municipality,
                                            effective_from=effective_from, **values)


def in_force(municipality, on: date) -> EmploymentRuleSet:
    return employment_rules_in_force(municipality_id=municipality.pk, on=on)


def test_a_municipality_without_its_own_uses_the_seeded_national_rules(municipality):
    rules = in_force(municipality, date(2026, 3, 1))

    assert (rules.municipality_id, rules.effective_from) == (None, SEEDED)
    assert (rules.igu_min_age, rules.igu_max_age, rules.igu_last_start_on) == (
        18, 49, date(2027, 12, 31))


def test_a_newer_national_version_applies_from_its_date(municipality):
    # given
    newer = national(date(2026, 1, 1), igu_months=18)

    # then
    assert in_force(municipality, date(2025, 12, 31)).effective_from == SEEDED
    assert in_force(municipality, date(2026, 1, 1)) == newer


def test_the_municipalitys_version_applies_from_its_date(municipality):
    # given
    ours = own(municipality, date(2025, 3, 1), wage_subsidy_private_max_months=9)

    # then: the national rules until the day before, ours from the day
    assert in_force(municipality, date(2025, 2, 28)).municipality_id is None
    assert in_force(municipality, date(2025, 3, 1)) == ours
    assert in_force(municipality, date(2030, 1, 1)) == ours


def test_a_newer_national_version_does_not_override_the_municipalitys_own(municipality):
    # given: the municipality's version, then a newer national one
    ours = own(municipality, date(2025, 3, 1))
    national(date(2026, 1, 1))

    # then: the municipality keeps its own until it makes a new version
    assert in_force(municipality, date(2026, 6, 1)) == ours


def test_the_newest_own_version_in_force_wins(municipality):
    own(municipality, date(2025, 3, 1))
    newer = own(municipality, date(2026, 1, 1))
    own(municipality, date(2027, 1, 1))

    assert in_force(municipality, date(2026, 12, 31)) == newer


def test_another_municipalitys_version_does_not_apply(municipality, other_municipality):
    own(other_municipality, date(2025, 3, 1))

    assert in_force(municipality, date(2026, 1, 1)).municipality_id is None


def test_before_any_version_the_oldest_national_rules_apply(municipality):
    # given: versions that all start later than the day asked about
    national(date(2026, 1, 1))
    own(municipality, date(2025, 3, 1))

    # then
    assert in_force(municipality, date(2020, 1, 1)).effective_from == SEEDED


def test_the_history_holds_the_own_and_national_versions_newest_first(
        municipality, other_municipality):
    # given
    ours = own(municipality, date(2025, 3, 1))
    newer_national = national(date(2026, 1, 1))
    own(other_municipality, date(2025, 6, 1))

    # when
    history = list(rule_set_history(municipality_id=municipality.pk))

    # then
    assert [(r.municipality_id, r.effective_from) for r in history] == [
        (None, newer_national.effective_from), (municipality.pk, ours.effective_from),
        (None, SEEDED)]


def test_on_a_shared_date_the_municipalitys_version_comes_first(municipality):
    # given: a national and an own version from the same day
    national(date(2026, 1, 1))
    ours = own(municipality, date(2026, 1, 1))

    # then
    assert in_force(municipality, date(2026, 1, 1)) == ours
    assert rule_set_history(municipality_id=municipality.pk).first() == ours
