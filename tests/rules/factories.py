from datetime import date

import factory

from integration_portal.rules.kinds import PROGRAMME_START
from integration_portal.rules.models import Anchor, Confidence, OffsetUnit, Rule, RuleSet


class RuleSetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RuleSet

    municipality = None
    name = factory.Sequence(lambda n: f"Rule set {n}")
    effective_from = date(2025, 7, 1)


class RuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rule

    rule_set = factory.SubFactory(RuleSetFactory)
    milestone_kind = PROGRAMME_START
    anchor = Anchor.TAKEOVER
    offset_amount = 1
    offset_unit = OffsetUnit.MONTHS
    legal_basis = "Test basis"
    confidence = Confidence.VERIFIED
