"""`rules_in_force` picks each owner's newest rule set in force and merges a municipality's
set over the national default kind by kind (statutory rules replace, local rules add)."""

from datetime import date

import pytest

from employment.kinds import EMPLOYMENT_KINDS
from integration_portal.rules.kinds import (
    DANISH_REFERRAL,
    HEALTH_ASSESSMENT_OFFER,
    PROGRAMME_START,
    RECEPTION_KINDS,
)
from integration_portal.rules.models import Anchor, OffsetUnit, RuleSet
from integration_portal.rules.selectors import rules_in_force
from tests.rules.factories import RuleFactory

pytestmark = pytest.mark.django_db

SEEDED_FROM = date(2025, 7, 1)  # the national default seeded by migration
# Reception's statutory deadlines, and the IGU bonus deadlines employment's migration adds.
ALL_KINDS = {code for code, _ in RECEPTION_KINDS} | {code for code, _ in EMPLOYMENT_KINDS}


def by_kind(rules):
    grouped = {}
    for rule in rules:
        grouped.setdefault(rule.milestone_kind, []).append(rule)
    return grouped


def test_nothing_is_in_force_before_the_first_rule_set():
    assert rules_in_force(municipality=None, on=date(2025, 6, 30)) == []


def test_a_municipality_without_rules_of_its_own_gets_the_national_default(municipality):
    # when
    rules = rules_in_force(municipality=municipality, on=SEEDED_FROM)

    # then
    assert {rule.milestone_kind for rule in rules} == ALL_KINDS
    assert all(rule.rule_set.is_national for rule in rules)


def test_a_municipality_statutory_rule_replaces_the_default_for_that_kind_only(municipality):
    # given the municipality sets its own statutory programme start: 3 weeks after takeover
    own = RuleFactory(
        rule_set__municipality=municipality, rule_set__effective_from=date(2025, 9, 1),
        milestone_kind=PROGRAMME_START, offset_amount=3, offset_unit=OffsetUnit.WEEKS,
    )

    # when
    rules = by_kind(rules_in_force(municipality=municipality, on=date(2025, 9, 1)))

    # then its rule is the only one for that kind, and every other kind is inherited
    assert rules[PROGRAMME_START] == [own]
    assert set(rules) == ALL_KINDS
    assert all(rule.rule_set.is_national for rule in rules[DANISH_REFERRAL])


def test_a_local_target_is_added_beside_the_statutory_rule(municipality):
    # given Lejre's local 4-week target for the programme start
    local = RuleFactory(
        rule_set__municipality=municipality, milestone_kind=PROGRAMME_START,
        anchor=Anchor.ARRIVAL, offset_amount=4, offset_unit=OffsetUnit.WEEKS, is_local=True,
    )

    # when
    rules = by_kind(rules_in_force(municipality=municipality, on=SEEDED_FROM))

    # then the statutory rule from the national default stays, with the local one beside it
    assert len(rules[PROGRAMME_START]) == 2
    statutory, added = rules[PROGRAMME_START]
    assert statutory.rule_set.is_national and not statutory.is_local
    assert added == local


def test_the_municipality_set_is_the_newest_one_in_force(municipality):
    # given two versions of the municipality's rules
    RuleFactory(rule_set__municipality=municipality, rule_set__effective_from=date(2025, 7, 1),
                milestone_kind=PROGRAMME_START, offset_amount=3, offset_unit=OffsetUnit.WEEKS)
    RuleFactory(rule_set__municipality=municipality, rule_set__effective_from=date(2026, 1, 1),
                milestone_kind=PROGRAMME_START, offset_amount=2, offset_unit=OffsetUnit.WEEKS)

    # when
    before = by_kind(rules_in_force(municipality=municipality, on=date(2025, 12, 31)))
    from_new_year = by_kind(rules_in_force(municipality=municipality, on=date(2026, 1, 1)))

    # then
    assert [rule.offset_amount for rule in before[PROGRAMME_START]] == [3]
    assert [rule.offset_amount for rule in from_new_year[PROGRAMME_START]] == [2]


def test_a_newer_national_default_takes_over_from_its_date(municipality):
    # given a change in the law: a national set from 2026 that holds only the health offer
    RuleFactory(rule_set__effective_from=date(2026, 1, 20),
                milestone_kind=HEALTH_ASSESSMENT_OFFER, offset_amount=3)

    # when
    before = by_kind(rules_in_force(municipality=municipality, on=date(2026, 1, 19)))
    after = by_kind(rules_in_force(municipality=municipality, on=date(2026, 1, 20)))

    # then the older national set is no longer merged in once the newer is in force
    assert [rule.offset_amount for rule in before[HEALTH_ASSESSMENT_OFFER]] == [6]
    assert set(before) == ALL_KINDS
    assert set(after) == {HEALTH_ASSESSMENT_OFFER}
    assert [rule.offset_amount for rule in after[HEALTH_ASSESSMENT_OFFER]] == [3]


def test_another_municipalitys_rules_never_apply(municipality, other_municipality):
    # given a local target in the other municipality
    RuleFactory(rule_set__municipality=other_municipality, is_local=True, offset_amount=1,
                offset_unit=OffsetUnit.DAYS)

    # when
    rules = rules_in_force(municipality=municipality, on=SEEDED_FROM)

    # then
    assert all(rule.rule_set.municipality_id in (None, municipality.pk) for rule in rules)
    assert not any(rule.is_local for rule in rules)


def test_a_future_municipality_set_is_not_yet_in_force(municipality):
    # given a set that starts tomorrow
    RuleFactory(rule_set__municipality=municipality, rule_set__effective_from=date(2025, 8, 2),
                is_local=True)

    # when
    rules = rules_in_force(municipality=municipality, on=date(2025, 8, 1))

    # then
    assert not any(rule.is_local for rule in rules)


def test_rules_come_with_their_set_and_municipality_in_one_query(
    municipality, django_assert_num_queries
):
    # given
    RuleFactory(rule_set__municipality=municipality, is_local=True)
    assert RuleSet.objects.count() == 2

    # when
    with django_assert_num_queries(1):
        rules = rules_in_force(municipality=municipality, on=SEEDED_FROM)
        owners = {rule.rule_set.municipality.name if rule.rule_set.municipality else None
                  for rule in rules}

    # then
    assert owners == {None, municipality.name}
