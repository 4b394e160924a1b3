from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from django.db import transaction

from integration_portal.accounts.logos import logo_check
from integration_portal.accounts.models import Municipality, User

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

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
    logo: UploadedFile | None = None,
    remove_logo: bool = False,
) -> Municipality:
    """Save the settings; `logo` replaces the logo (PNG or JPEG, checked by content),
    `remove_logo` removes it."""
    if actor.municipality_id != municipality.pk:
        # Views only ever pass the actor's own municipality; this guards a future caller.
        raise PermissionError("A user may only change their own municipality's settings")
    municipality.mfa_required = mfa_required
    municipality.contact_email = contact_email
    municipality.milestone_warning_days = milestone_warning_days
    municipality.job_centre_email = job_centre_email
    municipality.boerneattest_renewal_months = boerneattest_renewal_months
    fields = list(EDITABLE_MUNICIPALITY_SETTINGS)
    old_logo = municipality.logo.name
    if logo is not None:
        extension = logo_check(logo)
        # Named by its content and municipality, never by the uploaded file's name.
        municipality.logo.save(f"{municipality.slug or municipality.pk}{extension}", logo,
                               save=False)
        fields.append("logo")
    elif remove_logo and old_logo:
        municipality.logo = ""
        fields.append("logo")
    try:
        municipality.full_clean()
        municipality.save(update_fields=fields)
    except Exception:
        if logo is not None:
            municipality.logo.delete(save=False)
        raise
    if "logo" in fields and old_logo:
        storage = municipality.logo.storage
        transaction.on_commit(lambda: storage.delete(old_logo))
    logger.info("Municipality %s settings changed by user %s", municipality.pk, actor.pk)
    return municipality
