"""Reads of case data, always scoped to the viewer's municipality."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median
from typing import TYPE_CHECKING

from django.db.models import (
    Count,
    Exists,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)
from django.db.models.functions import TruncMonth

from integration_portal.core.crypto import cpr_hash
from integration_portal.core.selectors import count_per_row
from integration_portal.rules.kinds import PROGRAMME_START
from reception.models import (
    Household,
    HouseholdQuerySet,
    HouseholdStatus,
    Milestone,
    Person,
)

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality, User


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

    A full CPR number (ten digits, with or without the dash) is found through its keyed hash;
    six to nine digits find the persons born on that DDMMYY.

    `caseworker` is "me", "none" or "" (everyone's).
    """
    households = Household.objects.visible_to(user)
    if status:
        households = households.filter(status=status)
    if caseworker == "me":
        households = households.filter(caseworker=user)
    elif caseworker == "none":
        households = households.filter(caseworker__isnull=True)
    # Conditions on persons are asked of each household (EXISTS) rather than joined: a join
    # repeats the household for every person it matches and must be made distinct again,
    # which at national scale cost more than the rest of the page (bench/RESULTS.md).
    persons = Person.objects.filter(household=OuterRef("pk"))
    if residence_basis:
        households = households.filter(
            Exists(persons.filter(residence_basis=residence_basis)))
    query = query.strip()
    if query:
        person_matches = Q()
        digits = query.replace("-", "").replace(" ", "")
        if digits.isdigit() and len(digits) == 10:
            person_matches |= Q(cpr_hash=cpr_hash(digits))
        elif digits.isdigit() and 6 <= len(digits) < 10:
            # Only the birth date (DDMMYY) is stored in the clear; the rest is encrypted.
            person_matches |= Q(cpr_masked__startswith=digits[:6])
        for word in query.split():
            person_matches |= Q(first_name__icontains=word) | Q(last_name__icontains=word)
        households = households.filter(
            Q(reference__icontains=query) | Exists(persons.filter(person_matches)))
    return (
        households
        .select_related("caseworker")
        .annotate(
            person_count=count_per_row(Person.objects.all(), field="household"),
            open_milestones=count_per_row(Milestone.objects.filter(done_on__isnull=True),
                                          field="household"),
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
    persons = (Person.objects.visible_to(user).filter(cpr_hash=cpr_hash(cpr))
               .select_related("household"))
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


# The managers' report (reception/reports.py). Each read below is one query, whatever the
# size of the municipality; what needs a median or a walk over rows is done in Python on a
# values_list of that one query.


@dataclass(frozen=True)
class ArrivalMonth:
    month: date  # the month's first day
    households: int
    persons: int


def arrivals_by_month(
    *, municipality: Municipality, start: date, end: date
) -> list[ArrivalMonth]:
    """Households arrived (and their persons) per month of [start, end], both days included;
    every month of the period is listed, months with no arrivals as 0."""
    counts = {
        row["month"]: row
        for row in Household.objects.in_municipality(municipality)
        .filter(arrival_date__gte=start, arrival_date__lte=end)
        .annotate(month=TruncMonth("arrival_date"))
        .values("month")
        # A household with no persons yet still counts as one household and 0 persons.
        .annotate(households=Count("pk", distinct=True), persons=Count("persons"))
        .order_by("month")
    }
    months = []
    month = start.replace(day=1)
    while month <= end:
        row = counts.get(month, {})
        months.append(ArrivalMonth(month=month, households=row.get("households", 0),
                                   persons=row.get("persons", 0)))
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def open_cases_by_status(*, municipality: Municipality) -> dict[str, int]:
    """{status: number of cases} for every status but closed, today (the portal keeps no
    history of statuses, so a past date cannot be asked for)."""
    counts = dict(
        Household.objects.in_municipality(municipality).open()
        .values_list("status").annotate(n=Count("pk")).order_by()
    )
    return {status: counts.get(status, 0)
            for status in HouseholdStatus.values if status != HouseholdStatus.CLOSED}


@dataclass(frozen=True)
class ProgrammeStartCompliance:
    """The introduction programme starts whose deadline fell in a period, as known today.

    Started on time: done on or before the due date (the municipality's deadline: the
    earliest of the statutory rule and any local target, see rules.kinds). A start still open
    is overdue once its due date has passed; one not yet due cannot be judged yet, and one on
    a case closed without a start (the family moved away) is no longer anyone's deadline.
    """

    due_in_period: int
    on_time: int
    late: int
    overdue_open: int
    not_yet_due: int
    closed_without_start: int
    median_days_from_takeover: float | None

    @property
    def judged(self) -> int:
        return self.on_time + self.late + self.overdue_open

    @property
    def on_time_share(self) -> float | None:
        """Per cent of the judged starts that were on time; None when there is none."""
        if not self.judged:
            return None
        return round(100 * self.on_time / self.judged, 1)


def programme_start_compliance(
    *, municipality: Municipality, start: date, end: date, today: date
) -> ProgrammeStartCompliance:
    rows = (
        Milestone.objects.in_municipality(municipality)
        .filter(kind=PROGRAMME_START, person__isnull=False,
                due_date__gte=start, due_date__lte=end)
        .values_list("due_date", "done_on", "person__takeover_date_override",
                     "person__takeover_date", "household__status")
    )
    on_time = late = overdue_open = not_yet_due = closed = 0
    days_from_takeover = []
    for due, done, takeover_override, takeover, status in rows:
        if done is not None:
            if done <= due:
                on_time += 1
            else:
                late += 1
            takeover = takeover_override or takeover
            if takeover is not None:
                days_from_takeover.append((done - takeover).days)
        elif status == HouseholdStatus.CLOSED:
            closed += 1
        elif due < today:
            overdue_open += 1
        else:
            not_yet_due += 1
    return ProgrammeStartCompliance(
        due_in_period=on_time + late + overdue_open + not_yet_due + closed,
        on_time=on_time,
        late=late,
        overdue_open=overdue_open,
        not_yet_due=not_yet_due,
        closed_without_start=closed,
        median_days_from_takeover=(
            median(days_from_takeover) if days_from_takeover else None
        ),
    )


@dataclass(frozen=True)
class CaseworkerOverdue:
    caseworker_id: int | None  # None: cases with no caseworker
    caseworker_name: str
    overdue: int
    oldest_due_date: date


def overdue_milestones_by_caseworker(
    *, municipality: Municipality, as_of: date
) -> list[CaseworkerOverdue]:
    """Milestones overdue on `as_of` (due before it and not done by it) per caseworker of
    the case, the most first; cases with no caseworker as one bucket with id None.

    The caseworker is the case's caseworker today, and closed cases are left out as on the
    caseworkers' own start page: neither has a history to ask for another day.
    """
    rows = (
        Milestone.objects.in_municipality(municipality)
        .exclude(household__status=HouseholdStatus.CLOSED)
        .filter(Q(done_on__isnull=True) | Q(done_on__gt=as_of), due_date__lt=as_of)
        .values("household__caseworker", "household__caseworker__full_name",
                "household__caseworker__email")
        .annotate(overdue=Count("pk"), oldest_due_date=Min("due_date"))
        .order_by()
    )
    result = [
        CaseworkerOverdue(
            caseworker_id=row["household__caseworker"],
            caseworker_name=(row["household__caseworker__full_name"]
                             or row["household__caseworker__email"] or ""),
            overdue=row["overdue"],
            oldest_due_date=row["oldest_due_date"],
        )
        for row in rows
    ]
    return sorted(result, key=lambda row: (-row.overdue, row.oldest_due_date,
                                           row.caseworker_name))


def survey_citizen_contacts(*, municipality_id: int, adult_on: date) -> tuple[list[str], int]:
    """For the evaluation survey (surveys app): the distinct e-mail addresses of adults (18 on
    `adult_on`) in the municipality's open cases who consented to e-mail, and how many such
    adults have no e-mail or no consent (they are invited on paper). Addresses only: no name,
    CPR number or case leaves this function."""
    # Born on or before this day 18 years ago (29 February counts from the 28th).
    born_by = date(adult_on.year - 18, adult_on.month,
                   28 if (adult_on.month, adult_on.day) == (2, 29) else adult_on.day)
    adults = Person.objects.filter(
        household__in=Household.objects.in_municipality(municipality_id).open(),
        birth_date__lte=born_by,
    )
    reachable = Q(email_consent=True) & ~Q(email="")
    emails = sorted({email.strip().lower() for email in
                     adults.filter(reachable).values_list("email", flat=True)})
    without = adults.exclude(reachable).count()
    return emails, without
