"""Erase a closed case's personal data in community once a manager approved it (see
integration_portal.retention): what referrals shared with associations and their outcome
notes, and the free-text notes and reasons of consents. Dates, statuses and which data a
consent covered stay: they are the record of purpose and withdrawal."""

from __future__ import annotations

from community.models import Consent, Referral
from integration_portal.retention.registry import register_anonymiser


def anonymise_household(household_id: int) -> dict[str, int]:
    referrals = Referral.objects.filter(household_id=household_id).update(
        shared_data={}, outcome_note="")
    consents = Consent.objects.filter(person__household_id=household_id).update(
        note="", withdrawal_reason="", guardian_relationship="")
    return {"referrals": referrals, "consents": consents}


register_anonymiser(name="community", anonymiser=anonymise_household)
