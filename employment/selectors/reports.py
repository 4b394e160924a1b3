"""Employment's figures for the managers' report: outcomes at 6, 12 and 24 months, IGUs
started and completed, and measures started by category, for one municipality and period.

Each function costs a fixed number of queries, whatever the size of the municipality.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import TYPE_CHECKING

from django.db.models import Count, Q
from django.db.models.functions import Coalesce

from employment.models import Measure, MeasureCategory, MeasureOutcome, MeasureStatus, OutcomeKind
from employment.selectors.outcomes import (
    HAPPENED_STATUSES,
    OUTCOME_MONTHS,
    outcomes_for_persons,
)
from integration_portal.rules.calendar import add_months
from integration_portal.rules.models import ResidenceBasis
from reception.models import Person

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality

# add_months clamps to the month's end (31 August + 6 months = 28 February), so several
# takeover dates share one point; a few days' margin catches them all, and the exact check
# is made in Python.
_CLAMP_MARGIN = datetime.timedelta(days=3)


@dataclass(frozen=True)
class OutcomePoint:
    """The persons whose point `months` after takeover fell in the period (and is not still
    ahead), counted by what they were doing on that day."""

    months: int
    counts: dict[str, int]  # {OutcomeKind value: persons}, every kind present

    @property
    def persons(self) -> int:
        return sum(self.counts.values())

    def share(self, kind: str) -> float | None:
        """Per cent of the persons, to one decimal; None when no one reached the point."""
        if not self.persons:
            return None
        return round(100 * self.counts[kind] / self.persons, 1)


def outcomes_in_period(
    *, municipality: Municipality, start: datetime.date, end: datetime.date,
    today: datetime.date,
) -> list[OutcomePoint]:
    """For 6, 12 and 24 months: the programme persons whose point fell in [start, end] and
    on or before today, by outcome. Persons of closed cases count too: what they were doing
    on the day happened. Two queries."""
    windows = {months: (add_months(start, -months), add_months(end, -months) + _CLAMP_MARGIN)
               for months in OUTCOME_MONTHS}
    persons = list(
        Person.objects.in_municipality(municipality)
        .exclude(residence_basis=ResidenceBasis.OTHER_IMMIGRANT)
        .annotate(effective_takeover=Coalesce("takeover_date_override", "takeover_date"))
        .filter(reduce(or_, (Q(effective_takeover__range=window)
                             for window in windows.values())))
        .only("pk", "birth_date", "residence_basis", "takeover_date", "takeover_date_override")
        .order_by()
    )
    outcomes = outcomes_for_persons(persons=persons, today=today)
    counters = {months: Counter() for months in OUTCOME_MONTHS}
    for person_outcomes in outcomes.values():
        for outcome in person_outcomes:
            # `kind` is None while the day is still ahead: not yet an outcome.
            if outcome.kind is not None and start <= outcome.on <= end:
                counters[outcome.months][outcome.kind] += 1
    return [OutcomePoint(months=months,
                         counts={kind: counters[months][kind] for kind in OutcomeKind.values})
            for months in OUTCOME_MONTHS]


def measures_started_by_category(
    *, municipality: Municipality, start: datetime.date, end: datetime.date
) -> dict[str, int]:
    """{category: measures that actually started in [start, end]}, every category present.
    One query."""
    counts = dict(
        Measure.objects.in_municipality(municipality)
        .filter(status__in=HAPPENED_STATUSES, actual_starts_on__gte=start,
                actual_starts_on__lte=end)
        .values_list("measure_type__category").annotate(n=Count("pk")).order_by()
    )
    return {category: counts.get(category, 0) for category in MeasureCategory.values}


@dataclass(frozen=True)
class IguEndings:
    completed: int
    ended_otherwise: int


def igu_endings(
    *, municipality: Municipality, start: datetime.date, end: datetime.date
) -> IguEndings:
    """IGUs that ended in [start, end]: completed (the outcome "completed as planned") and
    ended with any other outcome (hired early, dropped out, moved …). One query."""
    return IguEndings(**Measure.objects.in_municipality(municipality).filter(
        measure_type__category=MeasureCategory.IGU, status=MeasureStatus.ENDED,
        actual_ends_on__gte=start, actual_ends_on__lte=end,
    ).aggregate(
        completed=Count("pk", filter=Q(outcome=MeasureOutcome.COMPLETED)),
        ended_otherwise=Count("pk", filter=~Q(outcome=MeasureOutcome.COMPLETED)),
    ))
