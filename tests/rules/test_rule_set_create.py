"""`rule_set_create` validates everything, keeps nothing when anything is wrong, and is for
administrators only."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from integration_portal.rules.kinds import PROGRAMME_START
from integration_portal.rules.models import Anchor, OffsetUnit, ResidenceBasis, Rule, RuleSet
from integration_portal.rules.services import rule_set_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOCAL_TARGET = {
    "milestone_kind": PROGRAMME_START,
    "anchor": Anchor.ARRIVAL,
    "offset_amount": 4,
    "offset_unit": OffsetUnit.WEEKS,
    "is_local": True,
    "legal_basis": "Lejre Kommunes samarbejdsaftale",
}


@pytest.fixture
def administrator(municipality):
    return UserFactory(municipality=municipality, is_staff=True)


def test_an_administrator_creates_a_rule_set_with_its_rules(municipality, administrator):
    # when
    rule_set = rule_set_create(
        municipality=municipality, effective_from=date(2025, 9, 1),
        rules=[LOCAL_TARGET], actor=administrator,
    )

    # then
    rule_set.refresh_from_db()
    assert rule_set.municipality == municipality
    assert rule_set.effective_from == date(2025, 9, 1)
    assert rule_set.name  # a default name when none is given
    [rule] = rule_set.rules.all()
    assert (rule.milestone_kind, rule.anchor, rule.offset_amount, rule.is_local) == (
        PROGRAMME_START, Anchor.ARRIVAL, 4, True
    )


def test_a_caseworker_may_not_create_rule_sets(municipality, caseworker):
    # when / then
    with pytest.raises(PermissionError):
        rule_set_create(municipality=municipality, effective_from=date(2025, 9, 1),
                        rules=[LOCAL_TARGET], actor=caseworker)
    assert not RuleSet.objects.in_municipality(municipality).exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"milestone_kind": "not_a_registered_kind"}, "milestone_kind"),
        ({"anchor": "sunrise"}, "anchor"),
        ({"offset_unit": "fortnights"}, "offset_unit"),
        ({"offset_amount": -1}, "offset_amount"),
        ({"applies_to_residence_bases": ["tourist"]}, "applies_to_residence_bases"),
        ({"applies_to_residence_bases": "asylum_refugee"}, "applies_to_residence_bases"),
        ({"applies_to_residence_bases": [ResidenceBasis.QUOTA_REFUGEE] * 2},
         "applies_to_residence_bases"),
        ({"legal_basis": ""}, "legal_basis"),
        ({"min_age": 50, "max_age": 18}, "__all__"),
    ],
)
def test_an_invalid_rule_rolls_back_the_whole_set(municipality, administrator, change, field):
    # given one valid and one invalid rule
    rules = [LOCAL_TARGET, LOCAL_TARGET | change]

    # when
    with pytest.raises(ValidationError) as raised:
        rule_set_create(municipality=municipality, effective_from=date(2025, 9, 1),
                        rules=rules, actor=administrator)

    # then the error names the field, and neither the set nor the valid rule was kept
    assert field in raised.value.message_dict
    assert not RuleSet.objects.in_municipality(municipality).exists()
    assert not Rule.objects.in_municipality(municipality).exists()


def test_an_unknown_field_is_rejected(municipality, administrator):
    with pytest.raises(ValidationError) as raised:
        rule_set_create(municipality=municipality, effective_from=date(2025, 9, 1),
                        rules=[LOCAL_TARGET | {"gender": "f"}], actor=administrator)

    assert raised.value.code == "unknown_fields"
    assert not RuleSet.objects.in_municipality(municipality).exists()


def test_one_rule_set_per_municipality_and_date(municipality, other_municipality, administrator):
    # given
    rule_set_create(municipality=municipality, effective_from=date(2025, 9, 1),
                    rules=[LOCAL_TARGET], actor=administrator)

    # when the same date is used again for the same municipality
    with pytest.raises(ValidationError):
        rule_set_create(municipality=municipality, effective_from=date(2025, 9, 1),
                        rules=[], actor=administrator)

    # then another municipality may still use that date
    rule_set_create(municipality=other_municipality, effective_from=date(2025, 9, 1),
                    rules=[], actor=administrator)


def test_one_national_default_per_date(administrator):
    # given the national default seeded from 1 July 2025

    # when a second national set is created for the same date
    with pytest.raises(ValidationError):
        rule_set_create(municipality=None, effective_from=date(2025, 7, 1), rules=[],
                        actor=administrator)

    # then
    assert RuleSet.objects.national().count() == 1


def test_the_national_default_holds_no_local_targets(administrator):
    with pytest.raises(ValidationError) as raised:
        rule_set_create(municipality=None, effective_from=date(2026, 1, 20),
                        rules=[LOCAL_TARGET], actor=administrator)

    assert "is_local" in raised.value.message_dict
    assert not RuleSet.objects.national().filter(effective_from=date(2026, 1, 20)).exists()


def test_the_system_may_seed_rules_without_an_actor(municipality):
    rule_set = rule_set_create(municipality=municipality, effective_from=date(2025, 9, 1),
                               rules=[LOCAL_TARGET], actor=None, name="Demo")

    assert rule_set.rules.count() == 1
