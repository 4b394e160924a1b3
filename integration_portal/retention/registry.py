"""What the retention module needs from the business apps, registered by them.

The portal package imports no business app. Each app that keeps personal data about a case
has a `retention` module (imported by `RetentionConfig.ready()`, like admin autodiscovery)
that registers here: reception says which cases are closed and when, and every app
registers an anonymiser that erases its personal fields of one case.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class ClosedCase:
    """A closed case as the retention page lists it: no personal data, only facts."""

    case_id: int
    municipality_id: int
    reference: str
    case_type: str
    closed_at: datetime.datetime
    # When the case record last changed: a case changed after approval is not erased.
    changed_at: datetime.datetime
    # The audit trail of the case, so that its anonymisation shows in the case's history.
    trail: str


class CaseSource(Protocol):
    def closed_cases(
        self, *, municipality_id: int, closed_before: Mapping[str, datetime.datetime],
        exclude_ids: Iterable[int], limit: int,
    ) -> list[ClosedCase]:
        """Closed cases of the municipality whose case type is a key of `closed_before` and
        that closed before that moment, except `exclude_ids` (a queryset of ids is welcome: it
        becomes a subquery), oldest first, at most `limit`."""

    def closed_case(self, *, case_id: int) -> ClosedCase | None:
        """The case if it is closed now, else None (reopened, or gone)."""


# Erases one case's personal fields and returns how many records of which kind it changed,
# e.g. {"persons": 3, "document files": 2}. Runs inside the caller's transaction; files
# are deleted from storage only once that commits.
Anonymiser = Callable[[int], dict[str, int]]

_case_source: CaseSource | None = None
_anonymisers: dict[str, Anonymiser] = {}


def register_case_source(source: CaseSource) -> None:
    global _case_source
    _case_source = source


def register_anonymiser(*, name: str, anonymiser: Anonymiser) -> None:
    """Add one app's anonymiser; registering the same name again replaces it."""
    _anonymisers[name] = anonymiser


def case_source() -> CaseSource:
    if _case_source is None:
        raise RuntimeError("No app has registered the closed cases for retention")
    return _case_source


def anonymisers() -> dict[str, Anonymiser]:
    return dict(sorted(_anonymisers.items()))
