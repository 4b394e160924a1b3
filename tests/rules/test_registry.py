"""Apps register milestone kinds; a rule may only name a registered kind."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from integration_portal.rules import registry
from integration_portal.rules.kinds import RECEPTION_KINDS
from integration_portal.rules.models import Anchor, OffsetUnit, Rule, RuleSet


@pytest.fixture
def isolated_registry(monkeypatch):
    """Registrations made in a test are forgotten afterwards."""
    monkeypatch.setattr(registry, "_kinds", dict(registry._kinds))


def rule(kind: str) -> Rule:
    return Rule(
        rule_set=RuleSet(effective_from=date(2025, 7, 1)), milestone_kind=kind,
        anchor=Anchor.MEASURE_START, offset_amount=6, offset_unit=OffsetUnit.MONTHS,
        legal_basis="L 82",
    )


def test_the_reception_kinds_are_registered_when_the_app_starts():
    registered = {kind.code: kind.label for kind in registry.milestone_kinds()}

    for code, label in RECEPTION_KINDS:
        assert registered[code] is label
    assert "programme_start_local" not in registered


def test_a_kind_registered_by_an_app_can_be_used_in_a_rule(isolated_registry):
    # given
    with pytest.raises(ValidationError) as raised:
        rule("example_kind").clean_fields(exclude=["rule_set"])
    assert "milestone_kind" in raised.value.message_dict

    # when employment registers the kind
    registry.register_milestone_kind("example_kind", _("An example"))

    # then the same rule is valid
    rule("example_kind").clean_fields(exclude=["rule_set"])
    assert ("example_kind", registry.get_milestone_kind("example_kind").label) in (
        registry.milestone_kind_choices()
    )


def test_registering_the_same_kind_twice_is_harmless(isolated_registry):
    label = _("An example")

    first = registry.register_milestone_kind("example_kind", label)
    again = registry.register_milestone_kind("example_kind", label)

    assert first is again


def test_a_code_cannot_be_taken_by_a_second_kind(isolated_registry):
    registry.register_milestone_kind("example_kind", _("An example"))

    with pytest.raises(ValueError, match="already registered"):
        registry.register_milestone_kind("example_kind", _("Something else"))


@pytest.mark.parametrize("code", ["", "Programme", "programme-start", "1st", "x" * 51])
def test_a_code_must_be_a_lower_case_identifier(isolated_registry, code):
    with pytest.raises(ValueError, match="Invalid"):
        registry.register_milestone_kind(code, "Label")


def test_an_unknown_kind_cannot_be_looked_up():
    with pytest.raises(LookupError):
        registry.get_milestone_kind("no_such_kind")
