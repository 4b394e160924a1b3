"""Reads of the community app, always narrowed to the viewer's municipality."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet

from community.models import (
    Association,
    Consent,
    Referral,
    ReferralStatus,
)

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality, User
    from reception.models import Household, Person


def association_list(
    *, user: User, kind: str = "", language: str = "", age_group: str = "",
    welcomes_newcomers: bool = False, include_inactive: bool = False,
) -> QuerySet[Association]:
    associations = Association.objects.visible_to(user)
    if not include_inactive:
        associations = associations.active()
    if kind:
        associations = associations.filter(kind=kind)
    if welcomes_newcomers:
        associations = associations.filter(welcomes_newcomers=True)
    rows = associations.order_by("name", "pk")
    # JSON list filters in Python would load the table; `contains` works on PostgreSQL only,
    # so filter on the lists in the database where possible and in Python otherwise.
    if language:
        rows = rows.filter(pk__in=_ids_containing(rows, "languages", language))
    if age_group:
        rows = rows.filter(pk__in=_ids_containing(rows, "age_groups", age_group))
    return rows


def _ids_containing(rows: QuerySet[Association], field: str, code: str) -> list[int]:
    # One narrow query (two columns); the directory of a municipality is a few hundred rows.
    return [pk for pk, values in rows.values_list("pk", field) if code in (values or [])]


def associations_for_choice(*, user: User) -> QuerySet[Association]:
    return Association.objects.visible_to(user).active().order_by("name", "pk")


def association_contact_emails(*, municipality: Municipality | int) -> list[str]:
    """The e-mail addresses of the municipality's active associations, each once (for the
    surveys app's evaluation of the cooperation with associations)."""
    seen: dict[str, str] = {}
    addresses = (Association.objects.in_municipality(municipality).active().exclude(email="")
                 .order_by("name", "pk").values_list("email", flat=True))
    for address in addresses:
        address = address.strip()
        if address and address.lower() not in seen:
            seen[address.lower()] = address
    return list(seen.values())


def case_consents(*, household: Household) -> list[Consent]:
    """Every consent of the case's persons, newest first (one query)."""
    return list(Consent.objects.filter(person__household=household)
                .select_related("person", "given_by", "recorded_by"))


def case_referrals(*, household: Household) -> list[Referral]:
    """Every referral of the case, newest first (one query)."""
    return list(Referral.objects.filter(household=household)
                .select_related("person", "association"))


def active_consent_for(*, person: Person) -> Consent | None:
    return Consent.objects.active().filter(person=person).select_related("given_by").first()


def referral_detail(*, user: User, pk: int) -> Referral:
    from integration_portal.core.scoping import get_visible_or_404

    return get_visible_or_404(
        Referral.objects.select_related("household", "person", "association", "consent",
                                        "consent__given_by", "referred_by", "municipality"),
        user, pk=pk)


def referrals_to_follow_up(*, user: User, today: datetime.date) -> QuerySet[Referral]:
    """Open referrals whose follow-up date has come, the oldest first."""
    return (Referral.objects.visible_to(user).open()
            .filter(follow_up_on__lte=today)
            .select_related("household", "person", "association", "referred_by")
            .order_by("follow_up_on", "pk"))


def open_referrals_of(*, user: User) -> QuerySet[Referral]:
    return (Referral.objects.visible_to(user).open()
            .select_related("household", "person", "association")
            .order_by("follow_up_on", "pk"))


def association_referrals(*, association: Association) -> QuerySet[Referral]:
    return (Referral.objects.filter(association=association)
            .select_related("household", "person").order_by("-referred_on", "-pk"))


def referrals_due_for_reminder(*, today: datetime.date, after_pk: int,
                               limit: int) -> list[Referral]:
    """One page of open referrals whose follow-up date has come, for the morning scan."""
    return list(Referral.objects.open().filter(follow_up_on__lte=today, pk__gt=after_pk)
                .select_related("household", "association")
                .only("pk", "municipality_id", "follow_up_on", "referred_by_id",
                      "household__caseworker_id", "household__reference", "association__name")
                .order_by("pk")[:limit])


def referrals_awaiting_email(*, created_before: datetime.datetime, after_pk: int,
                             limit: int) -> list[int]:
    """Open referrals whose e-mail to the association has not gone (lost enqueue)."""
    return list(Referral.objects.open()
                .filter(emailed_at__isnull=True, created_at__lt=created_before, pk__gt=after_pk)
                .exclude(association__email="")
                .order_by("pk").values_list("pk", flat=True)[:limit])




# Figures for the managers' report (community/reports.py): one query each, whatever the size
# of the municipality.


def referrals_made_by_status(*, municipality: Municipality | int, start: datetime.date,
                             end: datetime.date) -> dict[str, int]:
    """{status now: referrals made in [start, end]} for every status, in the statuses' order."""
    counts = dict(
        Referral.objects.in_municipality(municipality)
        .filter(referred_on__gte=start, referred_on__lte=end)
        .values_list("status").annotate(total=Count("pk")).order_by()
    )
    return {status: counts.get(status, 0) for status in ReferralStatus.values}


def consents_in_force_on(*, municipality: Municipality | int, day: datetime.date) -> int:
    """Consents given on or before `day` and not withdrawn by then."""
    return (Consent.objects.in_municipality(municipality)
            .filter(Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=day), given_on__lte=day)
            .count())


def follow_ups_overdue_on(*, municipality: Municipality | int, day: datetime.date) -> int:
    """Referrals open on `day` (made by then, not closed by then) whose follow-up date had
    passed. Closing a referral clears its follow-up date, so one closed since is counted only
    while it is still open."""
    return (Referral.objects.in_municipality(municipality).open()
            .filter(referred_on__lte=day, follow_up_on__lt=day)
            .count())
