"""Recording a person's Danish education (danskuddannelse) and the tests they pass.

The dates are facts: the referral was made, the first lesson held, the test passed — none
of them can lie ahead. The lessons count towards the work duty: with the person's planned
and running measures they may not exceed the rules' hours a week (37) on any day, which is
refused on the hours with nothing saved. The referral and the start complete the person's
open reception milestones (INL § 21, the Danish Education Act § 5).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from employment.checks import WeeklyLoad, hours_total, peak_weekly_hours
from employment.models import (
    DanishEducation,
    DanishEducationStatus,
    DanishTestResult,
    Measure,
)
from employment.models.danish import ATTENDING_STATUSES
from employment.selectors.rules import employment_rules_in_force
from employment.services.common import audit_case_write
from integration_portal.accounts.permissions import Perm, require
from integration_portal.audit.models import AuditAction
from integration_portal.audit.services import changed_field_names
from integration_portal.core.services import apply_fields, stripped
from integration_portal.rules.kinds import DANISH_REFERRAL, DANISH_START
from reception.models import Milestone
from reception.services import milestone_complete

if TYPE_CHECKING:
    from integration_portal.accounts.models import User
    from reception.models import Person

EDUCATION_FIELDS = ("provider", "track", "module", "referred_on", "starts_on", "ends_on",
                    "hours_per_week", "status", "note")
# Over: the education has an end date, and no other status may have one.
ENDED_STATUSES = (DanishEducationStatus.COMPLETED, DanishEducationStatus.STOPPED)
# The first lesson has been held in these.
STARTED_STATUSES = (DanishEducationStatus.ACTIVE, DanishEducationStatus.PAUSED,
                    DanishEducationStatus.COMPLETED)
FACT_DATES = ("referred_on", "starts_on", "ends_on")


def _refuse_future(values: dict[str, datetime.date | None]) -> None:
    today = timezone.localdate()
    errors = {name: [_("The date cannot be in the future.")]
              for name, day in values.items() if day is not None and day > today}
    if errors:
        raise ValidationError(errors)


def _check_status(education: DanishEducation) -> None:
    status = education.status
    if status in STARTED_STATUSES and education.starts_on is None:
        raise ValidationError({"starts_on": _(
            "Enter the date of the first lesson: the person has started.")})
    if status == DanishEducationStatus.COMPLETED and education.ends_on is None:
        raise ValidationError({"ends_on": _("Enter the date the education was completed.")})
    if education.ends_on is not None and status not in ENDED_STATUSES:
        raise ValidationError({"status": _(
            "An education with an end date is completed or stopped: choose which.")})


def _check_hours(education: DanishEducation) -> None:
    """The lessons and the person's live measures stay within the week's hours every day."""
    if education.status not in ATTENDING_STATUSES or not education.hours_per_week:
        return
    own = WeeklyLoad.of_education(education)
    starts_on = own.starts_on
    loads = [own]
    measures = (Measure.objects.filter(person_id=education.person_id).live()
                .filter(starts_on__isnull=False, hours_per_week__gt=0)
                .overlapping(starts_on, education.ends_on))
    loads += [WeeklyLoad.of_measure(measure) for measure in measures]
    others = (DanishEducation.objects.filter(person_id=education.person_id).counting_hours()
              .exclude(pk=education.pk))
    loads += [WeeklyLoad.of_education(other) for other in others]
    peak = peak_weekly_hours(loads, starts_on=starts_on, ends_on=education.ends_on)
    rules = employment_rules_in_force(
        municipality_id=education.person.household.municipality_id, on=starts_on)
    if peak > rules.max_hours_per_week:
        raise ValidationError({"hours_per_week": _(
            "With the person's measures and other Danish lessons in the same period that is "
            "%(total)s hours a week: at most %(limit)s are allowed.") % {
                "total": hours_total(peak), "limit": hours_total(rules.max_hours_per_week)}})


def _complete_milestones(education: DanishEducation, actor: User) -> None:
    """Tick off the person's open referral and start milestones; done ones stay as they are."""
    done_on = {DANISH_REFERRAL: education.referred_on, DANISH_START: education.starts_on}
    kinds = [kind for kind, day in done_on.items() if day is not None]
    milestones = (Milestone.objects.open()
                  .filter(person_id=education.person_id, kind__in=kinds)
                  .select_related("household__municipality"))
    for milestone in milestones:
        note = (_("Referred to Danish education at %(provider)s.")
                if milestone.kind == DANISH_REFERRAL
                else _("Danish education started at %(provider)s."))
        milestone_complete(milestone=milestone, actor=actor, done_on=done_on[milestone.kind],
                           note=note % {"provider": education.provider})


def _validate_and_save(education: DanishEducation) -> None:
    _refuse_future({name: getattr(education, name) for name in FACT_DATES})
    education.full_clean()
    _check_status(education)
    _check_hours(education)
    education.save()


@transaction.atomic
def danish_education_create(
    *,
    person: Person,
    actor: User,
    provider: str,
    track: str,
    module: int,
    referred_on: datetime.date,
    starts_on: datetime.date | None = None,
    hours_per_week: Decimal | None = None,
    note: str = "",
) -> DanishEducation:
    """Record the person's referral to Danish education, and the first lesson if it was held
    (the person is then attending)."""
    household = person.household
    require(actor, Perm.WORK_ON_CASES, municipality_id=household.municipality_id)
    education = DanishEducation(
        person=person, provider=provider.strip(), track=track, module=module,
        referred_on=referred_on, starts_on=starts_on, hours_per_week=hours_per_week,
        status=(DanishEducationStatus.ACTIVE if starts_on else DanishEducationStatus.REFERRED),
        note=note.strip(), created_by=actor,
    )
    _validate_and_save(education)
    audit_case_write(actor=actor, household_id=household.pk, obj=education,
                     action=AuditAction.CREATE,
                     summary="Danish education recorded" + (" and started" if starts_on else ""))
    _complete_milestones(education, actor)
    return education


@transaction.atomic
def danish_education_update(*, education: DanishEducation, actor: User,
                            **fields) -> DanishEducation:
    """Change the education: its module, hours and dates, its status and end."""
    require(actor, Perm.WORK_ON_CASES,
            municipality_id=education.person.household.municipality_id)
    # The lock makes two changes of one education at once take turns.
    education = (DanishEducation.objects.select_for_update(of=("self",))
                 .select_related("person__household").get(pk=education.pk))
    household = education.person.household
    before = apply_fields(education, stripped(fields), EDUCATION_FIELDS)
    if (education.starts_on is not None and before["starts_on"] is None
            and education.status == DanishEducationStatus.REFERRED):
        # The first lesson was held: the person is attending now.
        education.status = DanishEducationStatus.ACTIVE
    _validate_and_save(education)
    changed = changed_field_names(
        before, {name: getattr(education, name) for name in EDUCATION_FIELDS})
    if changed:
        audit_case_write(actor=actor, household_id=household.pk, obj=education,
                         action=AuditAction.UPDATE,
                         summary="Danish education changed", fields=changed)
    _complete_milestones(education, actor)
    return education


@transaction.atomic
def danish_test_add(
    *,
    education: DanishEducation,
    actor: User,
    test: str,
    module: int | None = None,
    passed_on: datetime.date,
    grade: str = "",
) -> DanishTestResult:
    """Record a test the person passed: a module test or a final one (Prøve i Dansk 1–3,
    Studieprøven)."""
    household = education.person.household
    require(actor, Perm.WORK_ON_CASES, municipality_id=household.municipality_id)
    _refuse_future({"passed_on": passed_on})
    result = DanishTestResult(education=education, test=test, module=module,
                              passed_on=passed_on, grade=grade.strip())
    result.full_clean()
    result.save()
    audit_case_write(actor=actor, household_id=household.pk, obj=result, action=AuditAction.CREATE,
                     summary=f"Passed Danish test recorded: {test}")
    return result
