"""The case summary: one household's case on paper (PDF), for caseworkers.

It holds what the case page holds about the household — the persons (CPR numbers masked, as
on screen), deadlines, letters — and the sections other apps register with a print template
(reception.case_sections), so printing it is logged on the case's audit trail.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from integration_portal.audit.models import AuditAction
from integration_portal.audit.services import audit_record
from integration_portal.letters.languages import Language
from reception.case_sections import case_summary_sections
from reception.pdf import render_pdf
from reception.selectors import case_letters
from reception.services import case_trail

if TYPE_CHECKING:
    from django.http import HttpRequest

    from integration_portal.accounts.models import User
    from reception.models import Household, Person

TEMPLATE = "reception/pdf/case_summary.html"


@dataclass(frozen=True)
class PersonSummary:
    person: Person
    languages: list[str]  # by name, in the reader's language
    interpreter_language: str


def _language_names(codes: list[str]) -> list[str]:
    labels = dict(Language.choices)
    return [str(labels.get(code, code)) for code in codes]


def case_summary_pdf(*, request: HttpRequest, household: Household) -> bytes:
    """The summary of a case loaded by `selectors.household_detail`, in the active language.

    Its queries do not depend on the size of the case: the letters, the municipality and a
    fixed number per registered section.
    """
    now = timezone.localtime()
    persons = [
        PersonSummary(
            person=person,
            languages=_language_names(person.languages),
            interpreter_language=(
                _language_names([person.interpreter_language])[0]
                if person.interpreter_language else ""
            ),
        )
        for person in household.persons.all()
    ]
    context = {
        "household": household,
        "municipality_name": household.municipality.name,
        "persons": persons,
        "milestones": household.milestones.all(),
        "letters": case_letters(household=household).select_related("printed_by"),
        "sections": case_summary_sections(request, household),
        "today": now.date(),
        "printed_at": now,
    }
    footer = _("Case summary %(reference)s · printed %(date)s") % {
        "reference": household.reference,
        "date": formats.date_format(now, "SHORT_DATETIME_FORMAT"),
    }
    return render_pdf(TEMPLATE, context, footer=footer)


def case_summary_record_export(*, household: Household, actor: User) -> None:
    """Printing a case is reading it, personal data and all: the case's trail says who did."""
    audit_record(
        actor=actor, municipality=household.municipality, action=AuditAction.EXPORT,
        obj=household, trail=case_trail(household), summary="Case summary PDF downloaded",
    )


def case_summary_filename(*, household: Household, on: datetime.date) -> str:
    return f"case-summary-{household.reference}-{on.isoformat()}.pdf"
