"""From rules and anchor dates to due dates — pure functions, no database.

Deadline arithmetic counts only weekends and public holidays as non-working days
(`extra_closed=False`): Grundlovsdag or Christmas Eve being office closing days must never
move a statutory deadline later.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from integration_portal.rules.calendar import add_months, add_working_days, next_working_day
from integration_portal.rules.models import OffsetUnit, ResidenceBasis, Rule


@dataclass(frozen=True)
class DueDate:
    """When a milestone is due, and which rule said so (for "Lejre's target" vs "INL § 21")."""

    kind: str
    due: date
    rule: Rule
    anchor_date: date

    @property
    def is_local(self) -> bool:
        return self.rule.is_local

    @property
    def legal_basis(self) -> str:
        return self.rule.legal_basis


def due_date_of(*, rule: Rule, anchor_date: date) -> date:
    amount = rule.offset_amount
    match rule.offset_unit:
        case OffsetUnit.DAYS:
            due = anchor_date + timedelta(days=amount)
        case OffsetUnit.WEEKS:
            due = anchor_date + timedelta(weeks=amount)
        case OffsetUnit.MONTHS:
            due = add_months(anchor_date, amount)
        case OffsetUnit.WORKING_DAYS:
            due = add_working_days(anchor_date, amount, extra_closed=False)
        case _:
            raise ValueError(f"Unknown offset unit {rule.offset_unit!r}")
    if rule.roll_to_working_day:
        due = next_working_day(due, extra_closed=False)
    return due


def rule_applies(
    *,
    rule: Rule,
    residence_basis: str,
    anchor_date: date,
    age_at: Callable[[date], int] | None,
) -> bool:
    """Whether the rule is for this person: residence basis, and age at the anchor date.

    An age-limited rule never applies without `age_at`: no age means the subject is not a
    person (a household-level milestone), and age limits are about persons.
    """
    bases = rule.applies_to_residence_bases
    if bases and residence_basis not in bases:
        return False
    if rule.min_age is None and rule.max_age is None:
        return True
    if age_at is None:
        return False
    age = age_at(anchor_date)
    if rule.min_age is not None and age < rule.min_age:
        return False
    return rule.max_age is None or age <= rule.max_age


def compute_due_dates(
    *,
    rules: Iterable[Rule],
    anchors: Mapping[str, date | None],
    residence_basis: str,
    age_at: Callable[[date], int] | None,
) -> dict[str, DueDate]:
    """For each milestone kind, the EARLIEST due date among the applicable rules.

    Statutory and local rules compete alike; on a tie the statutory rule is reported, as its
    legal basis is the stronger reason to give. A rule whose anchor is missing from
    `anchors` (or None) is skipped, and so is a kind with no applicable rule left.
    """
    if residence_basis not in ResidenceBasis.values:
        raise ValueError(f"Unknown residence basis {residence_basis!r}")
    earliest: dict[str, DueDate] = {}
    for rule in rules:
        anchor_date = anchors.get(rule.anchor)
        if anchor_date is None:
            continue
        if not rule_applies(
            rule=rule, residence_basis=residence_basis, anchor_date=anchor_date, age_at=age_at
        ):
            continue
        candidate = DueDate(
            kind=rule.milestone_kind,
            due=due_date_of(rule=rule, anchor_date=anchor_date),
            rule=rule,
            anchor_date=anchor_date,
        )
        current = earliest.get(candidate.kind)
        if current is None or _sort_key(candidate) < _sort_key(current):
            earliest[candidate.kind] = candidate
    return earliest


def _sort_key(due_date: DueDate) -> tuple[date, bool, int]:
    return (due_date.due, due_date.rule.is_local, due_date.rule.pk or 0)
