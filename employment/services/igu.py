"""Following an IGU: its school weeks, and interruptions that may extend it.

An IGU has a number of school weeks (23 under the 2024 rules) in which the person is at
school instead of the workplace; the caseworker plans them within the IGU's period and marks
each held or missed. Leave or illness longer than the rules' limit (8 weeks) extends the IGU
by the length of the interruption (domain.md §3): the end moves, and with it the milestone of
the employer's final bonus. An extension for a shorter or other interruption is a warning the
caseworker may go past with a reason, like the rules checked when the IGU was planned.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from employment.checks import Breach
from employment.models import (
    IguSchoolWeek,
    InterruptionReason,
    Measure,
    MeasureCategory,
    MeasureInterruption,
    MeasureStatus,
    RuleAcknowledgement,
    SchoolWeekStatus,
)
from employment.models.measures import LIVE_STATUSES
from employment.selectors.igu import EXTENSION_RULE, igu_period, igu_rules
from employment.services.common import audit_case_write
from employment.services.measures import RuleWarnings
from integration_portal.accounts.permissions import Perm, require
from integration_portal.audit.models import AuditAction
from integration_portal.core.formats import short_date
from reception.services import milestones_recompute

if TYPE_CHECKING:
    from employment.models import EmploymentRuleSet
    from integration_portal.accounts.models import User

# Interruptions the law extends an IGU for, when they last long enough.
EXTENDING_REASONS = (InterruptionReason.LEAVE, InterruptionReason.ILLNESS)
# A school week's attendance can still be recorded after the IGU has ended.
RECORDABLE_STATUSES = (*LIVE_STATUSES, MeasureStatus.ENDED)


def monday_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def _locked_igu(measure: Measure, *, statuses=LIVE_STATUSES) -> Measure:
    """The measure, locked so that two caseworkers' changes to the plan follow each other."""
    measure = (Measure.objects.select_for_update(of=("self",))
               .select_related("measure_type", "household").get(pk=measure.pk))
    if measure.measure_type.category != MeasureCategory.IGU:
        raise ValidationError(_("Only an IGU has school weeks and extensions."))
    if measure.status not in statuses:
        raise ValidationError(_("Only a planned or running IGU can be changed."))
    return measure


def _outside(measure: Measure, *days: datetime.date) -> bool:
    start, end = igu_period(measure)
    return any(day < start or (end is not None and day > end) for day in days)


def _period_text(measure: Measure) -> dict[str, str]:
    start, end = igu_period(measure)
    return {"start": short_date(start), "end": short_date(end) if end else "–"}


@transaction.atomic
def school_week_add(*, measure: Measure, actor: User, week_starts_on: datetime.date,
                    school: str = "") -> IguSchoolWeek:
    """Plan a school week; any day of it may be given, the week is kept by its Monday."""
    require(actor, Perm.WORK_ON_CASES, municipality_id=measure.municipality_id)
    measure = _locked_igu(measure)
    monday = monday_of(week_starts_on)
    if _outside(measure, monday):
        raise ValidationError({"week_starts_on": _(
            "The week starting %(monday)s is outside the IGU, which runs from %(start)s to "
            "%(end)s.") % {"monday": short_date(monday), **_period_text(measure)}})
    if measure.school_weeks.filter(week_starts_on=monday).exists():
        raise ValidationError({"week_starts_on": _(
            "The week starting %(monday)s (week %(number)d) is already in the plan.")
            % {"monday": short_date(monday), "number": monday.isocalendar().week}})
    week = IguSchoolWeek(measure=measure, week_starts_on=monday, school=school.strip())
    week.full_clean()
    week.save()
    audit_case_write(actor=actor, household_id=measure.household_id, obj=week,
                     action=AuditAction.CREATE,
                     summary="IGU school week planned")
    return week


def _locked_week(week: IguSchoolWeek, *, statuses) -> tuple[IguSchoolWeek, Measure]:
    measure = _locked_igu(week.measure, statuses=statuses)
    return IguSchoolWeek.objects.select_for_update().get(pk=week.pk, measure=measure), measure


@transaction.atomic
def school_week_set_status(*, week: IguSchoolWeek, actor: User, status: str,
                           note: str = "") -> IguSchoolWeek:
    """Record whether the person was at school that week (or put it back to planned)."""
    require(actor, Perm.WORK_ON_CASES, municipality_id=week.measure.municipality_id)
    week, measure = _locked_week(week, statuses=RECORDABLE_STATUSES)
    if status not in SchoolWeekStatus.values:
        raise ValidationError({"status": _("Choose held, missed or planned.")})
    if status != SchoolWeekStatus.PLANNED and week.week_starts_on > timezone.localdate():
        raise ValidationError({"status": _(
            "The week starting %(monday)s has not begun: it can only be planned.")
            % {"monday": short_date(week.week_starts_on)}})
    before = (week.status, week.note)
    week.status, week.note = status, note.strip()
    week.full_clean()
    week.save(update_fields=["status", "note"])
    fields = [name for name, old in zip(("status", "note"), before, strict=True)
              if getattr(week, name) != old]
    audit_case_write(actor=actor, household_id=measure.household_id, obj=week,
                     action=AuditAction.UPDATE,
                     summary=f"IGU school week {status}", fields=fields)
    return week


@transaction.atomic
def school_week_remove(*, week: IguSchoolWeek, actor: User) -> None:
    """Take a planned week out of the plan; a held or missed one is history and stays."""
    require(actor, Perm.WORK_ON_CASES, municipality_id=week.measure.municipality_id)
    week, measure = _locked_week(week, statuses=LIVE_STATUSES)
    if week.status != SchoolWeekStatus.PLANNED:
        raise ValidationError(_("Only a planned school week can be removed; a held or missed "
                                "one stays in the record."))
    audit_case_write(actor=actor, household_id=measure.household_id, obj=week,
                     action=AuditAction.DELETE,
                     summary="IGU school week removed")
    week.delete()


def extension_breach(*, rules: EmploymentRuleSet, reason: str,
                     starts_on: datetime.date, ends_on: datetime.date) -> Breach | None:
    """The warning when an extension is asked for an interruption the rule does not cover:
    leave or illness longer than the rules' number of weeks."""
    days = (ends_on - starts_on).days + 1
    weeks = rules.igu_extension_min_weeks
    if reason in EXTENDING_REASONS and days > weeks * 7:
        return None
    if reason not in EXTENDING_REASONS:
        message = _("An IGU is extended for leave or illness; this interruption is for "
                    "another reason.")
    else:
        message = _("An IGU is extended for leave or illness longer than %(weeks)d weeks; "
                    "this interruption lasts %(days)d days.") % {"weeks": weeks, "days": days}
    return Breach(EXTENSION_RULE, message)


@transaction.atomic
def interruption_record(
    *,
    measure: Measure,
    actor: User,
    reason: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    extend: bool,
    note: str = "",
    acknowledgements: Mapping[str, str] | None = None,
) -> MeasureInterruption:
    """Record a pause in the IGU and, with `extend`, move its end by the pause's length.

    Raises `ValidationError` for what can never be right (outside the IGU, overlapping
    another interruption) and `RuleWarnings` while an extension the rule does not cover has
    no reason in `acknowledgements` (rule code → reason); nothing is saved until then.
    """
    require(actor, Perm.WORK_ON_CASES, municipality_id=measure.municipality_id)
    measure = _locked_igu(measure)
    interruption = MeasureInterruption(
        measure=measure, reason=reason, starts_on=starts_on, ends_on=ends_on,
        note=note.strip(), created_by=actor,
    )
    interruption.full_clean()
    if _outside(measure, starts_on, ends_on):
        raise ValidationError({"starts_on": _(
            "The interruption must lie within the IGU, which runs from %(start)s to %(end)s.")
            % _period_text(measure)})
    overlapping = (measure.interruptions
                   .filter(starts_on__lte=ends_on, ends_on__gte=starts_on)
                   .order_by("starts_on").first())
    if overlapping is not None:
        raise ValidationError({"starts_on": _(
            "Another interruption, from %(start)s to %(end)s, covers some of the same days.")
            % {"start": short_date(overlapping.starts_on), "end": short_date(overlapping.ends_on)}})

    breach, rules = None, None
    if extend:
        if measure.ends_on is None:
            raise ValidationError(_("The IGU has no end date to move."))
        rules = igu_rules(measure)
        breach = extension_breach(rules=rules, reason=reason, starts_on=starts_on,
                                  ends_on=ends_on)
        given = (acknowledgements or {}).get(EXTENSION_RULE, "").strip()
        # Checked before saving: without a reason for the warning nothing is written.
        if breach is not None and not given:
            raise RuleWarnings([breach])
        interruption.extension_days = interruption.days
    interruption.save()

    summary = "IGU interruption recorded"
    if extend:
        measure.ends_on += datetime.timedelta(days=interruption.extension_days)
        measure.full_clean()
        measure.save(update_fields=["ends_on", "updated_at"])
        summary += f", extended by {interruption.extension_days} days"
        if breach is not None:
            RuleAcknowledgement.objects.create(
                measure=measure, code=breach.code, message=breach.message,
                reason=acknowledgements[EXTENSION_RULE].strip(), rule_set=rules,
                acknowledged_by=actor)
            summary += f" past rule warnings: {breach.code}"
        audit_case_write(actor=actor, household_id=measure.household_id, obj=measure,
                         action=AuditAction.UPDATE,
                         summary="IGU extended for an interruption", fields=["ends_on"])
    audit_case_write(actor=actor, household_id=measure.household_id, obj=interruption,
                     action=AuditAction.CREATE,
                     summary=summary)
    if extend and measure.household_id:
        # The final bonus is due at the IGU's end (see employment.anchors).
        milestones_recompute(household=measure.household)
    return interruption
