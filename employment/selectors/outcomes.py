"""Each programme person's status 6, 12 and 24 months after takeover, derived from measures.

(Interface fixed; the implementation is being written.)
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from employment.models import Measure
    from reception.models import Person

OUTCOME_MONTHS = (6, 12, 24)


@dataclass(frozen=True)
class Outcome:
    months: int
    on: datetime.date
    # An OutcomeKind value; None while the date is still ahead.
    kind: str | None
    # The measure that gave the status (None for "none" or not yet).
    measure: Measure | None = None


def outcomes_for_persons(*, persons: Iterable[Person],
                         today: datetime.date) -> dict[int, list[Outcome]]:
    """{person id: outcomes at 6, 12 and 24 months} for the programme persons among
    `persons` (others are left out). A bounded number of queries, whatever the count."""
    raise NotImplementedError


def person_outcomes(*, person: Person, today: datetime.date) -> list[Outcome]:
    """The person's outcomes, or [] when the person is not in the programme."""
    return outcomes_for_persons(persons=[person], today=today).get(person.pk, [])
