"""The national default is seeded by migration from domain.md §7 (and can be unseeded); the
demo gives Lejre its local 4-week target, once."""

from datetime import date
from importlib import import_module

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from integration_portal.accounts.models import Municipality
from integration_portal.rules.kinds import PROGRAMME_START, RECEPTION_KINDS
from integration_portal.rules.models import Anchor, Confidence, OffsetUnit, Rule, RuleSet
from integration_portal.rules.registry import is_milestone_kind
from integration_portal.rules.selectors import rules_in_force

pytestmark = pytest.mark.django_db

SEED_MIGRATION = "0002_seed_national_default_rules"

# kind: (offset amount, unit, legal basis contains)
EXPECTED = {
    "contract_and_declaration": (1, OffsetUnit.MONTHS, "integrationskontrakt"),
    "programme_start": (1, OffsetUnit.MONTHS, "introduktionsprogram"),
    "danish_referral": (1, OffsetUnit.MONTHS, "INL § 21"),
    "danish_start": (1, OffsetUnit.MONTHS, "Danskuddannelsesloven § 5"),
    "first_company_offer": (1, OffsetUnit.MONTHS, "uim"),
    "health_assessment_offer": (6, OffsetUnit.MONTHS, "INL § 15 d"),
}


def national_default() -> RuleSet:
    return RuleSet.objects.national().get(effective_from=date(2025, 7, 1))


def test_the_national_default_is_in_force_from_the_benefit_reform():
    # when
    rule_set = national_default()

    # then
    assert rule_set.municipality is None
    assert "LOV 1654" in rule_set.note
    assert RuleSet.objects.count() == 1


def test_the_national_default_holds_the_statutory_deadlines_of_domain_md():
    # when
    rules = {rule.milestone_kind: rule for rule in national_default().rules.all()
             if rule.anchor == Anchor.TAKEOVER}

    # then (beside them, employment's migration adds the IGU bonus deadlines)
    assert set(rules) == set(EXPECTED) == {code for code, _ in RECEPTION_KINDS}
    for kind, (amount, unit, basis) in EXPECTED.items():
        rule = rules[kind]
        assert (rule.anchor, rule.offset_amount, rule.offset_unit) == (
            Anchor.TAKEOVER, amount, unit
        ), kind
        assert basis in rule.legal_basis, kind
        assert rule.confidence == Confidence.VERIFIED
        assert not rule.is_local
    assert "2 weeks" in rules["first_company_offer"].note


def test_the_programme_deadlines_are_for_adults_and_the_health_offer_for_all_ages():
    # when
    rules = {rule.milestone_kind: rule for rule in national_default().rules.all()}

    # then
    assert {kind for kind, rule in rules.items() if rule.min_age == 18} == (
        set(EXPECTED) - {"health_assessment_offer"}
    )
    assert rules["health_assessment_offer"].min_age is None
    assert all("other_immigrant" not in rule.applies_to_residence_bases
               for rule in rules.values())


def test_every_seeded_rule_is_valid_and_its_kind_registered():
    for rule in Rule.objects.all():
        assert is_milestone_kind(rule.milestone_kind), rule.milestone_kind
        rule.full_clean()


def test_the_seed_migration_can_be_reversed_and_reapplied():
    # given the migration's functions and the historical models they were written against
    # (run directly: SQLite cannot unapply a migration inside the test's transaction)
    migration = import_module(f"integration_portal.rules.migrations.{SEED_MIGRATION}")
    historical_apps = (
        MigrationLoader(connection).project_state(("rules", SEED_MIGRATION)).apps
    )

    # when the data migration is reversed
    migration.remove_national_default(historical_apps, None)

    # then the national default is gone
    assert not RuleSet.objects.exists()
    assert not Rule.objects.exists()

    # and when it is applied again (twice), it comes back once
    migration.seed_national_default(historical_apps, None)
    migration.seed_national_default(historical_apps, None)
    assert RuleSet.objects.count() == 1
    assert national_default().rules.count() == len(EXPECTED)


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    return Municipality.objects.get(slug="lejre")


def test_the_demo_gives_lejre_its_local_4_week_target(demo):
    # given the demo data
    lejre = demo

    # when
    rules = [rule for rule in rules_in_force(municipality=lejre, on=date(2025, 7, 1))
             if rule.milestone_kind == PROGRAMME_START]

    # then the statutory rule and Lejre's local target are both in force
    assert [(rule.is_local, rule.anchor, rule.offset_amount, rule.offset_unit)
            for rule in rules] == [
        (False, Anchor.TAKEOVER, 1, OffsetUnit.MONTHS),
        (True, Anchor.ARRIVAL, 4, OffsetUnit.WEEKS),
    ]
    assert rules[1].legal_basis.startswith("Lejre Kommunes samarbejdsaftale")
    # and the 4-week target is Lejre's own (Vejen and Lemvig have only their children's targets)
    assert not Rule.objects.filter(rule_set__municipality__slug__in=["vejen", "lemvig"],
                                   milestone_kind=PROGRAMME_START).exists()


def test_seeding_the_demo_twice_adds_no_second_rule_set(demo):
    # given
    counts = (RuleSet.objects.count(), Rule.objects.count())

    # when
    call_command("seed_demo", verbosity=0)

    # then
    assert (RuleSet.objects.count(), Rule.objects.count()) == counts
    assert RuleSet.objects.in_municipality(demo).count() == 1
