"""Reads of the job centre's queue."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from employment.models import JobcentreReferral, ReferralStatus

if TYPE_CHECKING:
    from integration_portal.accounts.models import User


def referral_queue(*, viewer: User) -> QuerySet[JobcentreReferral]:
    """The open items of the viewer's municipality, oldest first: the order to deal with them."""
    return (
        JobcentreReferral.objects.visible_to(viewer)
        .filter(status=ReferralStatus.OPEN)
        .select_related("household", "measure__measure_type")
        .order_by("created_at", "pk")
    )


def referrals_awaiting_email(
    *, created_before: datetime.datetime, after_pk: int, limit: int,
) -> list[int]:
    """Ids of referrals not yet e-mailed to a configured job centre, one page (by pk) at a
    time. Closed ones are left out: the job centre has nothing to set up."""
    return list(
        JobcentreReferral.objects
        .filter(emailed_at__isnull=True, created_at__lt=created_before, pk__gt=after_pk)
        .exclude(status=ReferralStatus.CLOSED)
        .exclude(municipality__job_centre_email="")
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )
