"""Erase a closed case's personal data in employment once a manager approved it (see
integration_portal.retention): the free-text notes on measures, interruptions, rule
warnings, Danish education and the job centre's queue. Kinds, dates, hours, employers and
outcomes stay: the outcome figures count them."""

from __future__ import annotations

from django.db.models import Q

from employment.models import (
    DanishEducation,
    JobcentreReferral,
    Measure,
    MeasureInterruption,
    RuleAcknowledgement,
)
from integration_portal.retention.registry import register_anonymiser


def anonymise_household(household_id: int) -> dict[str, int]:
    of_case = Q(household_id=household_id) | Q(person__household_id=household_id)
    measures = Measure.objects.filter(of_case).exclude(notes="", outcome_note="")
    measure_notes = measures.update(notes="", outcome_note="")
    measure_ids = Measure.objects.filter(of_case).values("pk")
    interruption_notes = (MeasureInterruption.objects.filter(measure__in=measure_ids)
                          .exclude(note="").update(note=""))
    warning_reasons = (RuleAcknowledgement.objects.filter(measure__in=measure_ids)
                       .exclude(reason="").update(reason=""))
    education_notes = (DanishEducation.objects.filter(person__household_id=household_id)
                       .exclude(note="").update(note=""))
    referral_summaries = (JobcentreReferral.objects.filter(household_id=household_id)
                          .exclude(summary="").update(summary=""))
    return {
        "measure notes": measure_notes, "interruption notes": interruption_notes,
        "rule warning reasons": warning_reasons, "Danish education notes": education_notes,
        "job centre referral summaries": referral_summaries,
    }


register_anonymiser(name="employment", anonymiser=anonymise_household)
