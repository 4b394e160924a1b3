"""Reads of an IGU's follow-up: school weeks, interruptions and the employer's bonus."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.utils import timezone

from employment.kinds import IGU_BONUS_FINAL, IGU_BONUS_FIRST
from employment.models import (
    EmploymentRuleSet,
    IguSchoolWeek,
    Measure,
    MeasureCategory,
    MeasureInterruption,
    RuleAcknowledgement,
    SchoolWeekStatus,
)
from employment.selectors.rules import employment_rules_in_force
from integration_portal.core.scoping import get_visible_or_404
from reception.models import Milestone

if TYPE_CHECKING:
    from integration_portal.accounts.models import User

BONUS_KINDS = (IGU_BONUS_FIRST, IGU_BONUS_FINAL)
# The code of the warning for an extension the rule does not cover (see services.igu).
EXTENSION_RULE = "igu_extension"


def igu_period(measure: Measure) -> tuple[datetime.date, datetime.date | None]:
    """The IGU's first and last day: the actual start once it has begun."""
    return measure.actual_starts_on or measure.starts_on, measure.ends_on


def igu_rules(measure: Measure) -> EmploymentRuleSet:
    """The rules in force on the IGU's start govern the whole course."""
    return employment_rules_in_force(municipality_id=measure.municipality_id,
                                     on=measure.starts_on or timezone.localdate())


def igu_measures(*, viewer: User) -> QuerySet[Measure]:
    """The viewer's municipality's IGUs, with what the follow-up page shows of each."""
    return (Measure.objects.visible_to(viewer)
            # An IGU is planned for a person of a case; the page is about both.
            .filter(measure_type__category=MeasureCategory.IGU, household__isnull=False)
            .select_related("measure_type", "person", "household__municipality", "employer"))


def igu_for(*, viewer: User, pk: int) -> Measure:
    """One IGU the viewer may see, or 404 (another kind of measure is not an IGU)."""
    return get_visible_or_404(igu_measures(viewer=viewer), viewer, pk=pk)


@dataclass(frozen=True)
class IguFollowUp:
    measure: Measure
    rules: EmploymentRuleSet
    starts_on: datetime.date
    ends_on: datetime.date | None
    weeks: list[IguSchoolWeek]
    interruptions: list[MeasureInterruption]
    # The persons's bonus milestones, first then final; none for a public employer.
    bonus_milestones: list[Milestone]
    extension_acknowledgements: list[RuleAcknowledgement] = field(default_factory=list)

    @property
    def required(self) -> int:
        return self.rules.igu_school_weeks

    def _count(self, status: str) -> int:
        return sum(1 for week in self.weeks if week.status == status)

    @property
    def planned(self) -> int:
        """Weeks still ahead in the plan."""
        return self._count(SchoolWeekStatus.PLANNED)

    @property
    def held(self) -> int:
        return self._count(SchoolWeekStatus.HELD)

    @property
    def missed(self) -> int:
        return self._count(SchoolWeekStatus.MISSED)

    @property
    def in_plan(self) -> int:
        """The weeks that count towards the requirement: held, or planned and still ahead.
        A missed week does not count; another week must replace it."""
        return self.planned + self.held

    @property
    def missing(self) -> int:
        return max(self.required - self.in_plan, 0)

    @property
    def weeks_outside(self) -> list[IguSchoolWeek]:
        """Weeks the plan holds outside the IGU's period (its dates were changed since)."""
        return [week for week in self.weeks
                if week.week_starts_on < self.starts_on
                or (self.ends_on is not None and week.week_starts_on > self.ends_on)]

    @property
    def extension_days(self) -> int:
        return sum(interruption.extension_days for interruption in self.interruptions)

    @property
    def original_ends_on(self) -> datetime.date | None:
        if self.ends_on is None:
            return None
        return self.ends_on - datetime.timedelta(days=self.extension_days)

    @property
    def gets_bonus(self) -> bool:
        """Only a private employer gets the bonus (domain.md §3)."""
        return not (self.measure.employer_id and self.measure.employer.is_public)

    @property
    def bonus_dkk(self) -> int:
        return self.rules.igu_bonus_dkk


def igu_follow_up(*, viewer: User, measure: Measure) -> IguFollowUp:
    """Everything the IGU follow-up page shows, in a fixed number of queries."""
    if measure.municipality_id != viewer.municipality_id:
        raise PermissionError("The IGU belongs to another municipality")
    starts_on, ends_on = igu_period(measure)
    milestones = []
    if measure.person_id:
        milestones = sorted(
            Milestone.objects.visible_to(viewer)
            .filter(person_id=measure.person_id, kind__in=BONUS_KINDS),
            key=lambda milestone: BONUS_KINDS.index(milestone.kind))
    return IguFollowUp(
        measure=measure,
        rules=igu_rules(measure),
        starts_on=starts_on,
        ends_on=ends_on,
        weeks=list(IguSchoolWeek.objects.filter(measure=measure).order_by("week_starts_on")),
        interruptions=list(MeasureInterruption.objects.filter(measure=measure)
                           .order_by("starts_on", "pk")),
        bonus_milestones=milestones,
        extension_acknowledgements=list(
            RuleAcknowledgement.objects.filter(measure=measure, code=EXTENSION_RULE)
            .select_related("acknowledged_by").order_by("acknowledged_at", "pk")),
    )
