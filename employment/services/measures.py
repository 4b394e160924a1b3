"""Planning a measure for a person and following it: start, end with an outcome, cancel.

Planning checks two kinds of thing:

- what can never be right — an end before the start, two measures of the same kind for one
  person at once, more hours a week in all than the rules allow (37), an employer of another
  municipality — is refused with a message on the field, and nothing is saved;
- the employment rules in force on the start date (`employment.checks`), whose breaches are
  warnings: the service raises `RuleWarnings` until the caseworker has given a reason for
  each, and the reasons are stored as `RuleAcknowledgement` rows with the rule set.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from employment.checks import (
    Breach,
    PlannedMeasure,
    WeeklyLoad,
    check_measure,
    hours_total,
    peak_weekly_hours,
    standard_end,
)
from employment.models import (
    DanishEducation,
    Employer,
    EmploymentRuleSet,
    Measure,
    MeasureCategory,
    MeasureOutcome,
    MeasureStatus,
    MeasureType,
    Opening,
    RuleAcknowledgement,
)
from employment.models.kinds import EMPLOYER_CATEGORIES
from employment.models.measures import LIVE_STATUSES
from employment.selectors.rules import employment_rules_in_force
from employment.services.common import audit_case_write
from integration_portal.accounts.permissions import Perm, require
from integration_portal.audit.models import AuditAction
from integration_portal.audit.services import changed_field_names
from integration_portal.core.services import apply_fields, stripped
from integration_portal.rules.kinds import FIRST_COMPANY_OFFER
from reception.models import Milestone
from reception.services import milestone_complete, milestones_recompute

if TYPE_CHECKING:
    from integration_portal.accounts.models import User
    from reception.models import Person

PLAN_FIELDS = ("measure_type", "starts_on", "ends_on", "hours_per_week", "employer",
               "employer_name", "opening", "notes")


class RuleWarnings(Exception):
    """The plan breaches rules the caseworker has not yet acknowledged with a reason."""

    def __init__(self, breaches: list[Breach]):
        super().__init__(", ".join(breach.code for breach in breaches))
        self.breaches = breaches


def _registered_since(person: Person) -> datetime.date | None:
    # The CPR registration is the first registered address in Denmark for a newcomer; a
    # person registered before is shown by a date set by hand on the person.
    return person.cpr_registration_date or person.household.arrival_date


def _validate(measure: Measure, rules: EmploymentRuleSet) -> None:
    """The hard checks; the measure's fields are set but it is not saved."""
    errors: dict[str, list[str]] = {}
    category = measure.measure_type.category
    if measure.starts_on is None:
        errors["starts_on"] = [_("Enter the start date.")]
    if measure.ends_on and measure.starts_on and measure.ends_on < measure.starts_on:
        errors["ends_on"] = [_("The end is before the start.")]
    if measure.hours_per_week is None or measure.hours_per_week <= 0:
        errors["hours_per_week"] = [_("Enter more than 0 hours a week.")]
    if measure.employer_id and measure.employer.municipality_id != measure.municipality_id:
        errors["employer"] = [_("The employer belongs to another municipality.")]
    elif measure.measure_type.needs_employer and not (measure.employer_id
                                                      or measure.employer_name.strip()):
        errors["employer"] = [_("Choose the employer, or type its name if it is not in the "
                                "register.")]
    if measure.opening_id and measure.opening.employer_id != measure.employer_id:
        errors["opening"] = [_("The opening is not the chosen employer's.")]
    if errors:
        raise ValidationError(errors)

    others = (Measure.objects.filter(person=measure.person).live()
              .exclude(pk=measure.pk).select_related("measure_type"))
    overlapping = list(others.overlapping(measure.starts_on, measure.ends_on))
    twin = next((other for other in overlapping
                 if other.measure_type.category == category), None)
    if twin is not None:
        raise ValidationError({"starts_on": _(
            "The person already has %(kind)s from %(start)s in the same period: two measures "
            "of the same kind cannot overlap.") % {
                "kind": twin.measure_type, "start": formats.date_format(
                    twin.starts_on, "SHORT_DATE_FORMAT")}})
    loads = [WeeklyLoad.of_measure(other) for other in overlapping if other.hours_per_week]
    loads += [WeeklyLoad.of_education(education) for education in
              DanishEducation.objects.filter(person=measure.person).counting_hours()]
    loads.append(WeeklyLoad.of_measure(measure))
    peak = peak_weekly_hours(loads, starts_on=measure.starts_on, ends_on=measure.ends_on)
    if peak > rules.max_hours_per_week:
        raise ValidationError({"hours_per_week": _(
            "With the person's other measures and Danish lessons in the same period that is "
            "%(total)s hours a week: at most %(limit)s are allowed.") % {
                "total": hours_total(peak), "limit": hours_total(rules.max_hours_per_week)}})


def measure_breaches(measure: Measure, rules: EmploymentRuleSet) -> list[Breach]:
    """The warnings of the rules for the measure as it now stands (saved or not)."""
    person = measure.person
    category = measure.measure_type.category
    earlier = (Measure.objects.filter(person=person)
               .exclude(status__in=(MeasureStatus.CANCELLED, MeasureStatus.DRAFT))
               .exclude(pk=measure.pk))
    extension_days = sum(interruption.extension_days
                         for interruption in measure.interruptions.all()) if measure.pk else 0
    planned = PlannedMeasure(
        category=category,
        starts_on=measure.starts_on,
        ends_on=measure.ends_on,
        hours_per_week=measure.hours_per_week,
        birth_date=person.birth_date,
        residence_basis=person.residence_basis,
        registered_since=_registered_since(person),
        employer_is_public=measure.employer.is_public if measure.employer_id else None,
        has_other_igu=(category == MeasureCategory.IGU
                       and earlier.filter(measure_type__category=MeasureCategory.IGU).exists()),
        has_other_special_upskilling=(
            category == MeasureCategory.SPECIAL_UPSKILLING
            and earlier.filter(measure_type__category=MeasureCategory.SPECIAL_UPSKILLING)
            .exists()),
        extension_days=extension_days,
    )
    return check_measure(rules, planned)


def _unacknowledged(measure: Measure, breaches: list[Breach]) -> list[Breach]:
    """The breaches not yet acknowledged on the measure in the same words: a change to a
    measure does not ask again for the reasons already given, nor record them twice."""
    if measure.pk is None or not breaches:
        return breaches
    already = set(measure.acknowledgements.values_list("code", "message"))
    return [breach for breach in breaches if (breach.code, breach.message) not in already]


def _acknowledge(*, measure: Measure, breaches: list[Breach], reasons: Mapping[str, str],
                 rules: EmploymentRuleSet, actor: User) -> None:
    RuleAcknowledgement.objects.bulk_create([
        RuleAcknowledgement(measure=measure, code=breach.code, message=breach.message,
                            reason=reasons[breach.code].strip(), rule_set=rules,
                            acknowledged_by=actor)
        for breach in breaches
    ])


def check_and_save(*, measure: Measure, actor: User,
                   acknowledgements: Mapping[str, str]) -> list[Breach]:
    """Validate, check the rules in force on the start date, save, record the reasons."""
    rules = employment_rules_in_force(municipality_id=measure.municipality_id,
                                      on=measure.starts_on or timezone.localdate())
    if measure.ends_on is None and measure.starts_on is not None:
        measure.ends_on = standard_end(rules, measure.measure_type.category, measure.starts_on)
    _validate(measure, rules)
    breaches = _unacknowledged(measure, measure_breaches(measure, rules))
    # Checked before saving: without a reason for every new warning nothing is written.
    if any(not (acknowledgements.get(b.code) or "").strip() for b in breaches):
        raise RuleWarnings(breaches)
    if measure.employer_id:
        measure.employer_name = measure.employer.name
    measure.rule_set = rules
    measure.full_clean()
    measure.save()
    if breaches:
        _acknowledge(measure=measure, breaches=breaches, reasons=acknowledgements, rules=rules,
                     actor=actor)
    return breaches


def _summary(summary: str, breaches: list[Breach]) -> str:
    if not breaches:
        return summary
    return f"{summary} past rule warnings: {', '.join(breach.code for breach in breaches)}"


def _recompute_if_igu(measure: Measure, *, was_igu: bool = False) -> None:
    # The IGU's start and end are anchors of the bonus milestones (see employment.anchors);
    # a measure changed away from IGU takes its milestones with it.
    is_igu = measure.measure_type.category == MeasureCategory.IGU
    if (is_igu or was_igu) and measure.household_id:
        milestones_recompute(household=measure.household)


@transaction.atomic
def measure_plan(
    *,
    actor: User,
    person: Person,
    measure_type: MeasureType,
    starts_on: datetime.date,
    hours_per_week: Decimal,
    ends_on: datetime.date | None = None,
    employer: Employer | None = None,
    employer_name: str = "",
    opening: Opening | None = None,
    notes: str = "",
    acknowledgements: Mapping[str, str] | None = None,
) -> Measure:
    """Plan a measure for a person of a case.

    `ends_on` None gives the kind's standard length from the rules (24 months of IGU, 13
    weeks of internship …) or an open end (a job). Raises `ValidationError` for what can
    never be right and `RuleWarnings` while a rule's warning has no reason in
    `acknowledgements` (rule code → reason).
    """
    household = person.household
    require(actor, Perm.WORK_ON_CASES, municipality_id=household.municipality_id)
    if measure_type.municipality_id not in (None, household.municipality_id):
        raise PermissionError("The kind of measure belongs to another municipality")
    measure = Measure(
        municipality_id=household.municipality_id, household=household, person=person,
        measure_type=measure_type, status=MeasureStatus.PLANNED, starts_on=starts_on,
        ends_on=ends_on, hours_per_week=hours_per_week, employer=employer,
        employer_name=employer_name.strip(), opening=opening, notes=notes.strip(),
        created_by=actor,
    )
    breaches = check_and_save(measure=measure, actor=actor,
                               acknowledgements=acknowledgements or {})
    audit_case_write(actor=actor, household_id=measure.household_id, obj=measure,
                     action=AuditAction.CREATE,
                     summary=_summary("Measure planned", breaches))
    _recompute_if_igu(measure)
    return measure


def _locked(measure: Measure) -> Measure:
    return (Measure.objects.select_for_update(of=("self",))
            .select_related("measure_type", "person__household", "household", "employer",
                            "opening").get(pk=measure.pk))


@transaction.atomic
def measure_update(
    *,
    actor: User,
    measure: Measure,
    acknowledgements: Mapping[str, str] | None = None,
    **fields,
) -> Measure:
    """Change a planned or running measure; the rules are checked again."""
    require(actor, Perm.WORK_ON_CASES, municipality_id=measure.municipality_id)
    measure = _locked(measure)
    if measure.status not in LIVE_STATUSES:
        raise ValidationError(_("Only a planned or running measure can be changed."))
    was_igu = measure.measure_type.category == MeasureCategory.IGU
    before = apply_fields(measure, stripped(fields), PLAN_FIELDS)
    breaches = check_and_save(measure=measure, actor=actor,
                               acknowledgements=acknowledgements or {})
    changed = changed_field_names(before, {name: getattr(measure, name) for name in PLAN_FIELDS})
    audit_case_write(actor=actor, household_id=measure.household_id, obj=measure,
                     action=AuditAction.UPDATE, fields=changed,
                     summary=_summary("Measure changed", breaches))
    _recompute_if_igu(measure, was_igu=was_igu)
    return measure


@transaction.atomic
def measure_start(*, actor: User, measure: Measure, started_on: datetime.date) -> Measure:
    """The measure has begun: the actual start date, and it is running."""
    require(actor, Perm.WORK_ON_CASES, municipality_id=measure.municipality_id)
    measure = _locked(measure)
    if measure.status != MeasureStatus.PLANNED:
        raise ValidationError(_("Only a planned measure can start."))
    if started_on > timezone.localdate():
        raise ValidationError({"started_on": _("The date cannot be in the future.")})
    measure.status, measure.actual_starts_on = MeasureStatus.ACTIVE, started_on
    measure.full_clean()
    measure.save(update_fields=["status", "actual_starts_on", "updated_at"])
    audit_case_write(actor=actor, household_id=measure.household_id, obj=measure,
                     action=AuditAction.UPDATE, summary="Measure started",
                     fields=["status", "actual_starts_on"])
    _complete_first_company_offer(measure, actor)
    _recompute_if_igu(measure)
    return measure


def _complete_first_company_offer(measure: Measure, actor: User) -> None:
    """The first measure with an employer that starts is the person's first company-oriented
    offer (INL § 23): its reception milestone is done on the start date."""
    if measure.measure_type.category not in EMPLOYER_CATEGORIES or measure.person_id is None:
        return
    milestone = (Milestone.objects.open()
                 .filter(person_id=measure.person_id, kind=FIRST_COMPANY_OFFER).first())
    if milestone is not None:
        milestone_complete(milestone=milestone, actor=actor, done_on=measure.actual_starts_on,
                           note=_("%(kind)s started.") % {"kind": measure.measure_type})


@transaction.atomic
def measure_end(*, actor: User, measure: Measure, ended_on: datetime.date, outcome: str,
                outcome_note: str = "") -> Measure:
    """The measure is over: the actual end date and what came of it."""
    require(actor, Perm.WORK_ON_CASES, municipality_id=measure.municipality_id)
    measure = _locked(measure)
    if measure.status != MeasureStatus.ACTIVE:
        raise ValidationError(_("Only a running measure can end."))
    if ended_on > timezone.localdate():
        raise ValidationError({"ended_on": _("The date cannot be in the future.")})
    if ended_on < measure.actual_starts_on:
        raise ValidationError({"ended_on": _("The end is before the start.")})
    if outcome not in MeasureOutcome.values:
        raise ValidationError({"outcome": _("Choose the outcome.")})
    measure.status, measure.actual_ends_on = MeasureStatus.ENDED, ended_on
    measure.outcome, measure.outcome_note = outcome, outcome_note.strip()
    measure.full_clean()
    fields = ["status", "actual_ends_on", "outcome", "outcome_note"]
    measure.save(update_fields=[*fields, "updated_at"])
    audit_case_write(actor=actor, household_id=measure.household_id, obj=measure,
                     action=AuditAction.UPDATE, summary="Measure ended",
                     fields=fields)
    return measure


@transaction.atomic
def measure_cancel(*, actor: User, measure: Measure, reason: str) -> Measure:
    """Call off a measure that has not started; the reason is kept with it."""
    require(actor, Perm.WORK_ON_CASES, municipality_id=measure.municipality_id)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give a reason for cancelling.")})
    measure = _locked(measure)
    if measure.status not in (MeasureStatus.DRAFT, MeasureStatus.PLANNED):
        raise ValidationError(_("Only a measure that has not started can be cancelled."))
    measure.status = MeasureStatus.CANCELLED
    measure.outcome_note = reason
    measure.save(update_fields=["status", "outcome_note", "updated_at"])
    audit_case_write(actor=actor, household_id=measure.household_id, obj=measure,
                     action=AuditAction.UPDATE, summary="Measure cancelled",
                     fields=["status", "outcome_note"])
    _recompute_if_igu(measure)
    return measure
