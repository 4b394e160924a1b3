"""What every write of a person's employment data shares."""

from __future__ import annotations

from typing import TYPE_CHECKING

from integration_portal.audit.services import audit_record
from reception.services import case_trail

if TYPE_CHECKING:
    from django.db.models import Model

    from integration_portal.accounts.models import User


def audit_case_write(*, actor: User, household_id: int | None, obj: Model, action: str,
                     summary: str, fields=()) -> None:
    """Record a write in the audit log, on the case's trail where the data has a case."""
    audit_record(actor=actor, municipality=actor.municipality, action=action, obj=obj,
                 trail=case_trail(household_id) if household_id is not None else None,
                 summary=summary, changed_fields=fields)
