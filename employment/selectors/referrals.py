"""Reads of employment data: the job centre's queue and a case's measures."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from employment.models import JobcentreReferral, Measure, ReferralStatus
from integration_portal.accounts.permissions import Perm, can

if TYPE_CHECKING:
    from integration_portal.accounts.models import User
    from reception.models import Household


def referral_queue(*, viewer: User) -> QuerySet[JobcentreReferral]:
    """The open items of the viewer's municipality, oldest first: the order to deal with them."""
    return (
        JobcentreReferral.objects.visible_to(viewer)
        .filter(status=ReferralStatus.OPEN)
        .select_related("household", "measure")
        .order_by("created_at", "pk")
    )


def open_referral_count(*, viewer: User) -> int:
    return JobcentreReferral.objects.visible_to(viewer).filter(status=ReferralStatus.OPEN).count()


def household_employment(*, viewer: User, household: Household) -> dict:
    """The case page's section: the case's measures and its items in the job centre's queue."""
    if not can(viewer, Perm.VIEW_CASES) or household.municipality_id != viewer.municipality_id:
        return {"measures": [], "referrals": []}
    return {
        "measures": list(Measure.objects.visible_to(viewer).filter(household=household)
                         .select_related("person").order_by("-created_at", "-pk")),
        "referrals": list(JobcentreReferral.objects.visible_to(viewer)
                          .filter(household=household).order_by("-created_at", "-pk")),
    }


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
