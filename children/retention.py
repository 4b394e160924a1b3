"""Erase a closed case's personal data in children once a manager approved it (see
integration_portal.retention): notes of places and language assessments, and the youth
guidance's counsellor contact and education plan. Dates, kinds, statuses and results stay:
the figures count them, and they say nothing without the person's name."""

from __future__ import annotations

from children.models import ChildPlacement, LanguageAssessment, YouthGuidance
from integration_portal.retention.registry import register_anonymiser


def anonymise_household(household_id: int) -> dict[str, int]:
    places = (ChildPlacement.objects.filter(person__household_id=household_id)
              .exclude(note="").update(note=""))
    assessments = (LanguageAssessment.objects.filter(person__household_id=household_id)
                   .exclude(note="").update(note=""))
    guidance = YouthGuidance.objects.filter(person__household_id=household_id).update(
        contact_name="", contact_phone="", contact_email="", education_plan="")
    return {"children's place notes": places, "language assessment notes": assessments,
            "youth guidance": guidance}


register_anonymiser(name="children", anonymiser=anonymise_household)
