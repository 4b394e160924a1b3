"""Reads of case data, always scoped to the viewer's municipality."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db.models import Count, Prefetch, Q, QuerySet

from reception.models import (
    Household,
    HouseholdQuerySet,
    HouseholdStatus,
    Milestone,
    Person,
)

if TYPE_CHECKING:
    from integration_portal.accounts.models import User


@dataclass(frozen=True)
class CaseworkerOverview:
    overdue: list[Milestone]
    due_this_week: list[Milestone]
    announced: list[Household]


def caseworker_overview(*, user: User, today: date, limit: int = 50) -> CaseworkerOverview:
    """The start page: my overdue deadlines, mine due within 7 days, newly announced cases."""
    mine = (
        Milestone.objects.visible_to(user)
        .for_caseworker(user)
        .exclude(household__status=HouseholdStatus.CLOSED)
        .select_related("household", "person")
        .order_by("due_date", "pk")
    )
    announced = (
        Household.objects.visible_to(user)
        .filter(status=HouseholdStatus.ANNOUNCED)
        .select_related("notice", "caseworker")
        .order_by("expected_arrival_date", "pk")
    )
    return CaseworkerOverview(
        overdue=list(mine.overdue(today=today)[:limit]),
        due_this_week=list(mine.due_between(start=today, end=today + timedelta(days=7))[:limit]),
        announced=list(announced[:limit]),
    )


def household_list(
    *,
    user: User,
    query: str = "",
    status: str = "",
    caseworker: str = "",
    residence_basis: str = "",
) -> HouseholdQuerySet:
    """The case list with search (name, CPR, reference) and filters.

    `caseworker` is "me", "none" or "" (everyone's).
    """
    households = Household.objects.visible_to(user)
    if status:
        households = households.filter(status=status)
    if caseworker == "me":
        households = households.filter(caseworker=user)
    elif caseworker == "none":
        households = households.filter(caseworker__isnull=True)
    if residence_basis:
        households = households.filter(persons__residence_basis=residence_basis)
    query = query.strip()
    if query:
        matches = Q(reference__icontains=query)
        digits = query.replace("-", "").replace(" ", "")
        if digits.isdigit() and len(digits) >= 6:
            matches |= Q(persons__cpr__startswith=_cpr_prefix(digits))
        for word in query.split():
            matches |= Q(persons__first_name__icontains=word) | Q(
                persons__last_name__icontains=word
            )
        households = households.filter(matches)
    return (
        households.distinct()
        .select_related("caseworker")
        .annotate(
            person_count=Count("persons", distinct=True),
            open_milestones=Count(
                "milestones", filter=Q(milestones__done_on__isnull=True), distinct=True
            ),
        )
        .prefetch_related(
            Prefetch(
                "persons",
                queryset=Person.objects.filter(relation="applicant").only(
                    "pk", "household_id", "first_name", "last_name"
                ),
                to_attr="main_persons",
            )
        )
        .order_by("-created_at", "-pk")
    )


def _cpr_prefix(digits: str) -> str:
    """Stored numbers are DDMMYY-SSSS; a search of 6–10 digits matches from the start."""
    return digits if len(digits) <= 6 else f"{digits[:6]}-{digits[6:]}"


def household_detail(*, user: User, pk: int) -> Household:
    """One case with everything its page shows, in a bounded number of queries."""
    from django.http import Http404

    households = Household.objects.visible_to(user).select_related(
        "caseworker", "notice", "status_changed_by"
    ).prefetch_related(
        Prefetch("persons", queryset=Person.objects.order_by("birth_date", "pk")),
        Prefetch(
            "milestones",
            queryset=Milestone.objects.select_related("person", "done_by").order_by(
                "due_date", "pk"
            ),
        ),
    )
    try:
        return households.get(pk=pk)
    except Household.DoesNotExist:
        raise Http404 from None


def persons_with_cpr(*, user: User, cpr: str, exclude_pk: int | None = None) -> QuerySet[Person]:
    """Persons in the user's municipality already registered with this CPR number."""
    persons = Person.objects.visible_to(user).filter(cpr=cpr).select_related("household")
    if exclude_pk is not None:
        persons = persons.exclude(pk=exclude_pk)
    return persons


def assignable_caseworkers(*, user: User):
    from integration_portal.accounts.models import User as UserModel

    return (
        UserModel.objects.visible_to(user)
        .filter(is_active=True, is_caseworker=True)
        .order_by("full_name")
    )


def case_letters(*, household: Household):
    from reception.models import Letter

    return Letter.objects.filter(household=household).order_by("-created_at")
