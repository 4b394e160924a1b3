from __future__ import annotations

import logging

from django.db import transaction

from integration_portal.accounts.models import Municipality, User

logger = logging.getLogger(__name__)

EDITABLE_MUNICIPALITY_SETTINGS = (
    "mfa_required", "contact_email", "milestone_warning_days", "job_centre_email",
    "boerneattest_renewal_months",
)


@transaction.atomic
def municipality_update_settings(
    *,
    municipality: Municipality,
    actor: User,
    mfa_required: bool,
    contact_email: str,
    milestone_warning_days: int,
    job_centre_email: str,
    boerneattest_renewal_months: int,
) -> Municipality:
    if actor.municipality_id != municipality.pk:
        # Views only ever pass the actor's own municipality; this guards a future caller.
        raise PermissionError("A user may only change their own municipality's settings")
    municipality.mfa_required = mfa_required
    municipality.contact_email = contact_email
    municipality.milestone_warning_days = milestone_warning_days
    municipality.job_centre_email = job_centre_email
    municipality.boerneattest_renewal_months = boerneattest_renewal_months
    municipality.full_clean()
    municipality.save(update_fields=list(EDITABLE_MUNICIPALITY_SETTINGS))
    logger.info("Municipality %s settings changed by user %s", municipality.pk, actor.pk)
    return municipality
