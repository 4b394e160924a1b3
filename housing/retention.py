"""Erase a closed case's personal data in housing once a manager approved it (see
integration_portal.retention): placement notes, and the household's own network places
(relatives, a community), which say where the family's people live."""

from __future__ import annotations

from housing.models import Place, Placement
from integration_portal.retention.registry import register_anonymiser


def anonymise_household(household_id: int) -> dict[str, int]:
    # Dates, homes and persons per placement stay: the quota and housing figures count them.
    notes = Placement.objects.filter(household_id=household_id).exclude(note="").update(note="")
    network, _ = Place.objects.filter(household_id=household_id).delete()
    return {"placement notes": notes, "network places": network}


register_anonymiser(name="housing", anonymiser=anonymise_household)
