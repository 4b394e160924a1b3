"""The reception milestone kinds, which the national default rule set is built from.

Lejre's "programme within 4 weeks of arrival" is deliberately NOT a kind of its own
(no `programme_start_local`): it is a second rule for `programme_start` with
`is_local=True`. The milestone is the same event — the programme starting — and only the
deadline differs, so one milestone with the earliest applicable due date (and the rule that
produced it) is what the caseworker needs; two kinds would give two milestones for one event.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from integration_portal.rules.registry import register_milestone_kind

CONTRACT_AND_DECLARATION = "contract_and_declaration"
PROGRAMME_START = "programme_start"
DANISH_REFERRAL = "danish_referral"
DANISH_START = "danish_start"
FIRST_COMPANY_OFFER = "first_company_offer"
HEALTH_ASSESSMENT_OFFER = "health_assessment_offer"

RECEPTION_KINDS = (
    (CONTRACT_AND_DECLARATION, _("Integration contract and declaration")),
    (PROGRAMME_START, _("Introduction programme start")),
    (DANISH_REFERRAL, _("Referral to Danish education")),
    (DANISH_START, _("Danish education can start")),
    (FIRST_COMPANY_OFFER, _("First company-oriented offer")),
    (HEALTH_ASSESSMENT_OFFER, _("Health assessment offer")),
)


def register_reception_kinds() -> None:
    for code, label in RECEPTION_KINDS:
        register_milestone_kind(code, label)
