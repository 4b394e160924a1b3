"""Each programme person's status 6, 12 and 24 months after takeover, derived from measures.

On each date a person counts as in a job, in IGU, in education, in another measure or in
none of them, by the measures that had actually started and not yet ended that day; with
several, the first in `OUTCOME_PRECEDENCE` wins (a person in a job who also takes a course is
in a job). Planned measures count for nothing: only what happened does.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q

from employment.models import Measure, MeasureStatus, OutcomeKind
from employment.models.kinds import OUTCOME_PRECEDENCE
from integration_portal.rules.calendar import add_months
from integration_portal.rules.models import ResidenceBasis

if TYPE_CHECKING:
    from reception.models import Person

OUTCOME_MONTHS = (6, 12, 24)
# The programme is for persons aged 18 or over at takeover (domain.md §1).
PROGRAMME_MIN_AGE = 18
# Measures that have actually begun; a planned one may never happen.
HAPPENED_STATUSES = (MeasureStatus.ACTIVE, MeasureStatus.ENDED)
_RANK = {kind: rank for rank, kind in enumerate(OUTCOME_PRECEDENCE)}


@dataclass(frozen=True)
class Outcome:
    months: int
    on: datetime.date
    # An OutcomeKind value; None while the date is still ahead.
    kind: str | None
    # The measure that gave the status (None for "none" or not yet).
    measure: Measure | None = None

    @property
    def kind_label(self) -> str:
        return OutcomeKind(self.kind).label if self.kind else ""


def _programme_takeover(person: Person) -> datetime.date | None:
    """The takeover date of a person in the introduction programme, else None."""
    takeover = person.effective_takeover_date
    if (takeover is None or person.residence_basis == ResidenceBasis.OTHER_IMMIGRANT
            or person.age_on(takeover) < PROGRAMME_MIN_AGE):
        return None
    return takeover


def _covers(measure: Measure, day: datetime.date) -> bool:
    return (measure.actual_starts_on <= day
            and (measure.actual_ends_on is None or measure.actual_ends_on >= day))


def _outcome_on(months: int, day: datetime.date, measures: list[Measure]) -> Outcome:
    covering = [measure for measure in measures if _covers(measure, day)]
    if not covering:
        return Outcome(months=months, on=day, kind=OutcomeKind.NONE)
    # Ties within a kind go to the measure that started first (the list is in that order).
    best = min(covering, key=lambda measure: _RANK[measure.measure_type.outcome])
    return Outcome(months=months, on=day, kind=best.measure_type.outcome, measure=best)


def outcomes_for_persons(*, persons: Iterable[Person],
                         today: datetime.date) -> dict[int, list[Outcome]]:
    """{person id: outcomes at 6, 12 and 24 months} for the programme persons among
    `persons` (others are left out). A bounded number of queries, whatever the count."""
    dates: dict[int, list[tuple[int, datetime.date]]] = {}
    for person in persons:
        takeover = _programme_takeover(person)
        if takeover is not None:
            dates[person.pk] = [(months, add_months(takeover, months))
                                for months in OUTCOME_MONTHS]
    past = [day for days in dates.values() for _, day in days if day <= today]
    measures: dict[int, list[Measure]] = defaultdict(list)
    if past:
        # One query for every person: only measures that began by the last date to look
        # at and had not ended before the first.
        rows = (Measure.objects
                .filter(person_id__in=list(dates), status__in=HAPPENED_STATUSES,
                        actual_starts_on__isnull=False, actual_starts_on__lte=max(past))
                .filter(Q(actual_ends_on__isnull=True) | Q(actual_ends_on__gte=min(past)))
                .select_related("measure_type", "employer")
                .order_by("actual_starts_on", "pk"))
        for measure in rows:
            measures[measure.person_id].append(measure)
    return {
        person_id: [Outcome(months=months, on=day, kind=None) if day > today
                    else _outcome_on(months, day, measures[person_id])
                    for months, day in days]
        for person_id, days in dates.items()
    }


def person_outcomes(*, person: Person, today: datetime.date) -> list[Outcome]:
    """The person's outcomes, or [] when the person is not in the programme."""
    return outcomes_for_persons(persons=[person], today=today).get(person.pk, [])
