"""The employment start page: the figures, and the programme persons with nothing planned."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, Exists, OuterRef, Q

from employment.models import (
    Employer,
    JobcentreReferral,
    Measure,
    MeasureCategory,
    MeasureStatus,
    Opening,
    ReferralStatus,
)
from employment.models.measures import LIVE_STATUSES
from integration_portal.rules.models import ResidenceBasis
from reception.models import HouseholdStatus, Person

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from integration_portal.accounts.models import User

WITHOUT_MEASURE_SHOWN = 50


@dataclass(frozen=True)
class EmploymentFigures:
    planned: int
    active: int
    igu_active: int
    open_openings: int
    network_employers: int
    open_referrals: int


def employment_figures(*, viewer: User) -> EmploymentFigures:
    measures = Measure.objects.visible_to(viewer).aggregate(
        planned=Count("pk", filter=Q(status=MeasureStatus.PLANNED)),
        active=Count("pk", filter=Q(status=MeasureStatus.ACTIVE)),
        igu_active=Count("pk", filter=Q(status=MeasureStatus.ACTIVE,
                                        measure_type__category=MeasureCategory.IGU)),
    )
    return EmploymentFigures(
        **measures,
        open_openings=Opening.objects.visible_to(viewer).open().count(),
        network_employers=Employer.objects.visible_to(viewer).active()
        .filter(in_network=True).count(),
        open_referrals=JobcentreReferral.objects.visible_to(viewer)
        .filter(status=ReferralStatus.OPEN).count(),
    )


def persons_without_measure(*, viewer: User, today: datetime.date) -> QuerySet[Person]:
    """Programme persons of open cases (18 or over, a residence basis with a programme) with
    no planned or running measure: whom to plan for next. Oldest takeover first."""
    adult_born_before = today.replace(year=today.year - 18) if not (
        today.month == 2 and today.day == 29) else datetime.date(today.year - 18, 2, 28)
    live = Measure.objects.filter(person=OuterRef("pk"), status__in=LIVE_STATUSES)
    return (
        Person.objects.visible_to(viewer)
        .filter(household__status__in=(HouseholdStatus.ARRIVED, HouseholdStatus.IN_PROGRAMME),
                birth_date__lte=adult_born_before)
        .exclude(residence_basis=ResidenceBasis.OTHER_IMMIGRANT)
        .exclude(Exists(live))
        .select_related("household")
        .order_by("takeover_date", "household__reference", "pk")
    )
