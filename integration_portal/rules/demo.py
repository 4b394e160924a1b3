"""Demo rules: Lejre's local target of starting the programme within 4 weeks of arrival."""

from __future__ import annotations

from datetime import date

from integration_portal.core.demo import DemoContext, demo_seeder
from integration_portal.rules.kinds import PROGRAMME_START
from integration_portal.rules.models import (
    Anchor,
    Confidence,
    OffsetUnit,
    ResidenceBasis,
    RuleSet,
)
from integration_portal.rules.services import rule_set_create

LEJRE_RULES_FROM = date(2025, 7, 1)


@demo_seeder(order=10)
def seed_rules(context: DemoContext) -> None:
    lejre = context.municipalities["lejre"]
    # Once the set exists it is the administrators' to edit; a second run leaves it alone.
    if RuleSet.objects.in_municipality(lejre).filter(effective_from=LEJRE_RULES_FROM).exists():
        return
    rule_set_create(
        municipality=lejre,
        effective_from=LEJRE_RULES_FROM,
        name="Lejre Kommunes lokale mål",
        note="Lejre's own, stricter targets beside the statutory deadlines.",
        actor=None,
        rules=[{
            "milestone_kind": PROGRAMME_START,
            "anchor": Anchor.ARRIVAL,
            "offset_amount": 4,
            "offset_unit": OffsetUnit.WEEKS,
            # The programme is for refugees and family-reunified persons aged 18 or over;
            # other immigrants have an arrival date too but get no programme.
            "applies_to_residence_bases": [
                ResidenceBasis.ASYLUM_REFUGEE,
                ResidenceBasis.QUOTA_REFUGEE,
                ResidenceBasis.FAMILY_REUNIFIED,
                ResidenceBasis.UKRAINIAN_SPECIAL_ACT,
            ],
            "min_age": 18,
            "is_local": True,
            "legal_basis": "Lejre Kommunes samarbejdsaftale: inden 4 uger fra modtagelsen",
            "confidence": Confidence.VERIFIED,
            "note": "Source: Lejre's cooperation agreement with volunteer associations.",
        }],
    )
