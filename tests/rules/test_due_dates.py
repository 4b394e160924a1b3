"""`compute_due_dates` gives each milestone kind its earliest applicable due date, and says
which rule produced it."""

from datetime import date

import pytest

from integration_portal.rules.engine import compute_due_dates
from integration_portal.rules.kinds import (
    CONTRACT_AND_DECLARATION,
    HEALTH_ASSESSMENT_OFFER,
    PROGRAMME_START,
)
from integration_portal.rules.models import Anchor, OffsetUnit, ResidenceBasis, Rule, RuleSet
from integration_portal.rules.selectors import rules_in_force
from tests.rules.factories import RuleFactory

REFUGEE = ResidenceBasis.ASYLUM_REFUGEE


def rule(**values) -> Rule:
    """An unsaved rule: the engine is pure and needs no database."""
    defaults = {
        "rule_set": RuleSet(effective_from=date(2025, 7, 1)),
        "milestone_kind": PROGRAMME_START,
        "anchor": Anchor.TAKEOVER,
        "offset_amount": 1,
        "offset_unit": OffsetUnit.MONTHS,
        "legal_basis": "INL",
    }
    return Rule(**(defaults | values))


def adult(anchor_date: date) -> int:
    return 30


def test_each_kind_is_due_its_offset_after_its_anchor():
    # given
    rules = [
        rule(milestone_kind=CONTRACT_AND_DECLARATION),
        rule(milestone_kind=HEALTH_ASSESSMENT_OFFER, offset_amount=6),
    ]

    # when
    due = compute_due_dates(rules=rules, anchors={"takeover": date(2025, 8, 31)},
                            residence_basis=REFUGEE, age_at=adult)

    # then calendar months clamp to the month's end
    assert due[CONTRACT_AND_DECLARATION].due == date(2025, 9, 30)
    assert due[HEALTH_ASSESSMENT_OFFER].due == date(2026, 2, 28)
    assert due[HEALTH_ASSESSMENT_OFFER].anchor_date == date(2025, 8, 31)


def test_a_local_target_wins_when_it_is_earlier():
    # given the statutory month after takeover and Lejre's 4 weeks after arrival
    statutory = rule(legal_basis="INL")
    local = rule(anchor=Anchor.ARRIVAL, offset_amount=4, offset_unit=OffsetUnit.WEEKS,
                 is_local=True, legal_basis="Lejre: inden 4 uger fra modtagelsen")

    # when arrival and takeover are the same day
    due = compute_due_dates(
        rules=[statutory, local],
        anchors={"takeover": date(2025, 9, 1), "arrival": date(2025, 9, 1)},
        residence_basis=REFUGEE, age_at=adult,
    )

    # then the local target is due first, and the result says so
    assert due[PROGRAMME_START].due == date(2025, 9, 29)
    assert due[PROGRAMME_START].rule is local
    assert due[PROGRAMME_START].is_local
    assert due[PROGRAMME_START].legal_basis == "Lejre: inden 4 uger fra modtagelsen"


def test_the_statutory_deadline_wins_when_it_is_earlier():
    # given a person who arrives two weeks after the takeover date
    statutory = rule()
    local = rule(anchor=Anchor.ARRIVAL, offset_amount=4, offset_unit=OffsetUnit.WEEKS,
                 is_local=True)

    # when
    due = compute_due_dates(
        rules=[local, statutory],
        anchors={"takeover": date(2025, 9, 1), "arrival": date(2025, 9, 15)},
        residence_basis=REFUGEE, age_at=adult,
    )

    # then the month after takeover comes before 4 weeks after arrival (13 October)
    assert due[PROGRAMME_START].rule is statutory
    assert due[PROGRAMME_START].due == date(2025, 10, 1)
    assert not due[PROGRAMME_START].is_local


def test_a_rule_whose_anchor_is_unknown_gives_way_to_the_others():
    # given the local target counts from an arrival date that is not yet known
    statutory = rule()
    local = rule(anchor=Anchor.ARRIVAL, offset_amount=1, offset_unit=OffsetUnit.DAYS,
                 is_local=True)

    # when
    due = compute_due_dates(rules=[local, statutory], anchors={"takeover": date(2025, 9, 1)},
                            residence_basis=REFUGEE, age_at=adult)

    # then
    assert due[PROGRAMME_START].rule is statutory


def test_on_a_tie_the_statutory_rule_is_reported():
    # given two rules giving the same date
    local = rule(offset_amount=30, offset_unit=OffsetUnit.DAYS, is_local=True)
    statutory = rule(offset_amount=1, offset_unit=OffsetUnit.MONTHS)

    # when (September has 30 days)
    due = compute_due_dates(rules=[local, statutory], anchors={"takeover": date(2025, 9, 1)},
                            residence_basis=REFUGEE, age_at=adult)

    # then
    assert due[PROGRAMME_START].due == date(2025, 10, 1)
    assert due[PROGRAMME_START].rule is statutory


def test_a_kind_whose_anchor_is_missing_is_skipped():
    # given a rule counted from a measure's start, and no measure yet
    rules = [rule(), rule(milestone_kind=HEALTH_ASSESSMENT_OFFER, anchor=Anchor.MEASURE_START)]

    # when
    due = compute_due_dates(rules=rules, anchors={"takeover": date(2025, 9, 1),
                                                  "measure_start": None},
                            residence_basis=REFUGEE, age_at=adult)

    # then
    assert set(due) == {PROGRAMME_START}


def test_rules_for_other_residence_bases_do_not_apply():
    # given a rule for quota refugees only
    rules = [rule(applies_to_residence_bases=[ResidenceBasis.QUOTA_REFUGEE])]
    anchors = {"takeover": date(2025, 9, 1)}

    # when
    for_asylum = compute_due_dates(rules=rules, anchors=anchors, residence_basis=REFUGEE,
                                   age_at=adult)
    for_quota = compute_due_dates(rules=rules, anchors=anchors,
                                  residence_basis=ResidenceBasis.QUOTA_REFUGEE, age_at=adult)

    # then
    assert for_asylum == {}
    assert set(for_quota) == {PROGRAMME_START}


@pytest.mark.parametrize(("age", "applies"), [(17, False), (18, True), (49, True), (50, False)])
def test_age_limits_are_inclusive_and_taken_at_the_anchor_date(age, applies):
    # given a rule for ages 18 to 49
    rules = [rule(min_age=18, max_age=49)]
    asked_at = []

    def age_at(anchor_date):
        asked_at.append(anchor_date)
        return age

    # when
    due = compute_due_dates(rules=rules, anchors={"takeover": date(2025, 9, 1)},
                            residence_basis=REFUGEE, age_at=age_at)

    # then
    assert (PROGRAMME_START in due) is applies
    assert asked_at == [date(2025, 9, 1)]


def test_without_an_age_only_rules_without_age_limits_apply():
    # given a household-level computation (no person, so no age)
    rules = [rule(min_age=18), rule(milestone_kind=HEALTH_ASSESSMENT_OFFER, offset_amount=6)]

    # when
    due = compute_due_dates(rules=rules, anchors={"takeover": date(2025, 9, 1)},
                            residence_basis=REFUGEE, age_at=None)

    # then
    assert set(due) == {HEALTH_ASSESSMENT_OFFER}


def test_working_days_count_public_holidays_but_not_closing_days():
    # given 3 working days from Tuesday 3 June 2025: Grundlovsdag (5 June) counts
    rules = [rule(offset_amount=3, offset_unit=OffsetUnit.WORKING_DAYS)]

    # when
    due = compute_due_dates(rules=rules, anchors={"takeover": date(2025, 6, 3)},
                            residence_basis=REFUGEE, age_at=adult)

    # then
    assert due[PROGRAMME_START].due == date(2025, 6, 6)


def test_a_due_date_on_a_holiday_moves_only_when_the_rule_says_so():
    # given a month after 1 December 2025 is 1 January 2026, Nytårsdag
    anchors = {"takeover": date(2025, 12, 1)}

    # when
    kept = compute_due_dates(rules=[rule()], anchors=anchors, residence_basis=REFUGEE,
                             age_at=adult)
    rolled = compute_due_dates(rules=[rule(roll_to_working_day=True)], anchors=anchors,
                               residence_basis=REFUGEE, age_at=adult)

    # then
    assert kept[PROGRAMME_START].due == date(2026, 1, 1)
    assert rolled[PROGRAMME_START].due == date(2026, 1, 2)


def test_an_unknown_residence_basis_is_an_error():
    with pytest.raises(ValueError, match="tourist"):
        compute_due_dates(rules=[rule()], anchors={"takeover": date(2025, 9, 1)},
                          residence_basis="tourist", age_at=adult)


@pytest.mark.django_db
def test_lejres_target_against_the_seeded_national_rules(municipality):
    # given Lejre's local target beside the seeded national default
    RuleFactory(rule_set__municipality=municipality, milestone_kind=PROGRAMME_START,
                anchor=Anchor.ARRIVAL, offset_amount=4, offset_unit=OffsetUnit.WEEKS,
                is_local=True, legal_basis="Lejre Kommunes samarbejdsaftale")
    rules = rules_in_force(municipality=municipality, on=date(2025, 10, 1))

    # when an adult refugee arrives on the takeover date, 1 October 2025
    due = compute_due_dates(
        rules=rules, anchors={"takeover": date(2025, 10, 1), "arrival": date(2025, 10, 1)},
        residence_basis=REFUGEE, age_at=adult,
    )

    # then the programme is due after 4 weeks by Lejre's target, the rest by the law
    assert due[PROGRAMME_START].due == date(2025, 10, 29)
    assert due[PROGRAMME_START].legal_basis == "Lejre Kommunes samarbejdsaftale"
    assert due[CONTRACT_AND_DECLARATION].due == date(2025, 11, 1)
    assert due["danish_referral"].legal_basis == "INL § 21"
    assert due[HEALTH_ASSESSMENT_OFFER].due == date(2026, 4, 1)
