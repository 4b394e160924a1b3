"""Writes of volunteer data: tasks, claims, hours, reports, approvals and agreements.

This is the staff side of the privacy wall: creating a task may look at a household's
members to make sure none of their names reach the volunteers. Volunteer-facing code reads
through selectors.py, which knows nothing of reception.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from integration_portal.accounts.permissions import Perm, can
from integration_portal.audit.models import AuditAction
from integration_portal.audit.services import audit_record
from integration_portal.rules.calendar import add_months

# Staff side of the privacy wall: the case trail is shared with reception.
from reception.services import case_trail
from volunteers.models import (
    CooperationAgreement,
    HoursLog,
    Task,
    TaskKind,
    TaskReport,
    TaskStatus,
    VolunteerProfile,
    VolunteerStatus,
)
from volunteers.privacy import find_personal_data

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality, User
    from reception.models import Household

MAX_HOURS_PER_ENTRY = Decimal("24")


def _require(actor: User, perms: Iterable[Perm], municipality_id: int) -> None:
    if actor.municipality_id != municipality_id:
        raise PermissionError("A user may only act in their own municipality")
    if not any(can(actor, perm) for perm in perms):
        raise PermissionError("The user lacks the permission for this action")


def _household_names(household: Household) -> list[str]:
    names: list[str] = []
    for first_name, last_name in household.persons.values_list("first_name", "last_name"):
        names += [first_name, last_name]
    return names


def _refuse_personal_data(*, household: Household | None, title: str, description: str) -> None:
    names = _household_names(household) if household is not None else []
    # Whole sentences per field, so that each can be translated as one.
    messages = {
        "title": _("The title contains %(finding)s."),
        "description": _("The description contains %(finding)s."),
    }
    errors = {}
    for field, text in (("title", title), ("description", description)):
        findings = find_personal_data(text, names=names)
        if findings:
            errors[field] = [messages[field] % {"finding": finding} for finding in findings]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def task_create(
    *,
    municipality: Municipality,
    actor: User,
    kind: TaskKind,
    title: str,
    description: str,
    area: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    languages: list[str],
    involves_children_under_15: bool,
    estimated_hours: Decimal | None,
    household: Household | None = None,
) -> Task:
    """Create a task for volunteers, refusing text that carries personal data."""
    _require(actor, (Perm.WORK_ON_CASES, Perm.COORDINATE_VOLUNTEERS), municipality.pk)
    if household is not None and household.municipality_id != municipality.pk:
        raise PermissionError("A task can only be linked to a case of its own municipality")
    if kind.municipality_id not in (None, municipality.pk):
        raise ValidationError({"kind": _("This task kind belongs to another municipality.")})
    _refuse_personal_data(household=household, title=title, description=description)
    task = Task(
        municipality=municipality, kind=kind, title=title, description=description, area=area,
        starts_at=starts_at, ends_at=ends_at, languages=list(languages),
        involves_children_under_15=involves_children_under_15,
        estimated_hours=estimated_hours, household=household, created_by=actor,
    )
    task.full_clean()
    task.save()
    if household is not None:
        audit_record(actor=actor, municipality=municipality, action=AuditAction.CREATE,
                     obj=task, trail=case_trail(household),
                     summary="Volunteer task created for the case")
    return task


def boerneattest_renewal_due_on(profile: VolunteerProfile) -> datetime.date | None:
    """The day the child certificate stops being accepted, by the municipality's interval.

    The law sets no renewal interval (domain.md §5): each municipality configures its own.
    """
    if profile.boerneattest_obtained_on is None:
        return None
    months = profile.user.municipality.boerneattest_renewal_months
    return add_months(profile.boerneattest_obtained_on, months)


def claim_refusal(
    *, task: Task, volunteer: User, profile: VolunteerProfile | None = None,
    today: datetime.date | None = None,
) -> str:
    """Why this volunteer may not take this task, or "" if they may.

    Pass the volunteer's `profile` when it is already loaded (the board asks for many tasks).
    """
    today = today or timezone.localdate()
    if not volunteer.is_volunteer:
        return _("Only volunteers can take tasks.")
    if profile is None:
        profile = VolunteerProfile.objects.select_related("user__municipality").filter(
            user=volunteer).first()
    if profile is None or profile.status != VolunteerStatus.ACTIVE:
        return _("Your volunteer profile has not been approved yet, or is paused.")
    if profile.agreement_signed_on is None:
        return _("You need a signed volunteer agreement before you can take tasks.")
    if task.involves_children_under_15:
        obtained = profile.boerneattest_obtained_on
        if obtained is None or not profile.boerneattest_no_concerns:
            return _("This task involves children under 15 and needs a child certificate "
                     "(børneattest).")
        if boerneattest_renewal_due_on(profile) <= today:
            return _("Your child certificate (børneattest) is more than %(months)d months "
                     "old and must be renewed.") % {
                         "months": volunteer.municipality.boerneattest_renewal_months}
    return ""


@transaction.atomic
def task_claim(*, task: Task, volunteer: User) -> Task:
    """Take an open task. Of two volunteers taking the same task at once, exactly one gets it."""
    if volunteer.municipality_id != task.municipality_id:
        raise PermissionError("A volunteer can only take their own municipality's tasks")
    refusal = claim_refusal(task=task, volunteer=volunteer)
    if refusal:
        raise ValidationError(refusal)
    # One conditional UPDATE: the database, not this process, decides who was first.
    taken = Task.objects.filter(pk=task.pk, status=TaskStatus.OPEN).update(
        status=TaskStatus.CLAIMED, claimed_by=volunteer, claimed_at=timezone.now(),
    )
    if taken == 0:
        raise ValidationError(_("This task was just taken by another volunteer."))
    task.refresh_from_db(fields=["status", "claimed_by", "claimed_at"])
    return task


def _require_claimer(task: Task, volunteer: User) -> None:
    if task.claimed_by_id is None or task.claimed_by_id != volunteer.pk:
        raise ValidationError(_("Only the volunteer who took the task can do this."))


@transaction.atomic
def task_release(*, task: Task, volunteer: User) -> Task:
    """Give a taken task back to the board."""
    _require_claimer(task, volunteer)
    released = Task.objects.filter(
        pk=task.pk, status=TaskStatus.CLAIMED, claimed_by=volunteer,
    ).update(status=TaskStatus.OPEN, claimed_by=None, claimed_at=None)
    if released == 0:
        raise ValidationError(_("This task can no longer be given back."))
    task.refresh_from_db(fields=["status", "claimed_by", "claimed_at"])
    return task


@transaction.atomic
def hours_log(
    *, task: Task, volunteer: User, date: datetime.date, hours: Decimal | str | float,
    note: str = "",
) -> HoursLog:
    """Record hours the volunteer spent on a task they took."""
    _require_claimer(task, volunteer)
    if task.status not in (TaskStatus.CLAIMED, TaskStatus.DONE):
        raise ValidationError(_("Hours can only be logged on a task you have taken."))
    errors: dict[str, list[str]] = {}
    try:
        hours = Decimal(str(hours))
    except InvalidOperation:
        errors["hours"] = [_("Enter the hours as a number, for example 2.5.")]
    else:
        if not hours.is_finite() or hours <= 0:
            errors["hours"] = [_("Enter more than 0 hours.")]
        elif hours > MAX_HOURS_PER_ENTRY:
            errors["hours"] = [_("One entry can be at most 24 hours.")]
    if date > timezone.localdate():
        errors["date"] = [_("Hours cannot be logged for a day in the future.")]
    if errors:
        raise ValidationError(errors)
    entry = HoursLog(task=task, volunteer=volunteer, date=date, hours=hours, note=note)
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def task_complete(
    *, task: Task, volunteer: User, report_text: str, found_language_internship: bool,
    employer_name: str = "",
) -> TaskReport:
    """Mark the task done with the volunteer's report, which the caseworker sees on the case."""
    _require_claimer(task, volunteer)
    if found_language_internship and not employer_name.strip():
        # The jobcentre must be told, so that it can agree the internship with the employer.
        raise ValidationError({"employer_name": _(
            "Enter the employer who offered the language internship."
        )})
    done = Task.objects.filter(
        pk=task.pk, status=TaskStatus.CLAIMED, claimed_by=volunteer,
    ).update(status=TaskStatus.DONE)
    if done == 0:
        raise ValidationError(_("This task is not open for a report."))
    report = TaskReport(task=task, text=report_text,
                        found_language_internship=found_language_internship,
                        employer_name=employer_name.strip())
    report.full_clean()
    report.save()
    task.refresh_from_db(fields=["status"])
    if task.household_id is not None:
        audit_record(actor=volunteer, municipality=task.municipality, action=AuditAction.CREATE,
                     obj=report, trail=case_trail(task.household_id),
                     summary="Volunteer reported a task done")
    return report


@transaction.atomic
def volunteer_approve(*, profile: VolunteerProfile, actor: User) -> VolunteerProfile:
    """A coordinator approves a volunteer, who can then take tasks."""
    _require(actor, (Perm.COORDINATE_VOLUNTEERS,), profile.user.municipality_id)
    if profile.status not in (VolunteerStatus.PENDING, VolunteerStatus.PAUSED):
        raise ValidationError(_("Only a pending or paused volunteer can be approved."))
    profile.status = VolunteerStatus.ACTIVE
    profile.approved_by = actor
    profile.approved_at = timezone.now()
    profile.full_clean()
    profile.save(update_fields=["status", "approved_by", "approved_at"])
    audit_record(actor=actor, municipality=actor.municipality, action=AuditAction.UPDATE,
                 obj=profile, summary="Volunteer approved",
                 changed_fields=["status", "approved_by", "approved_at"])
    return profile


@transaction.atomic
def agreement_give_notice(
    *, agreement: CooperationAgreement, actor: User, notice_on: datetime.date,
) -> CooperationAgreement:
    """Record that notice was given; the agreement ends one calendar month later."""
    _require(actor, (Perm.COORDINATE_VOLUNTEERS,), agreement.organisation.municipality_id)
    if agreement.signed_on is None:
        raise ValidationError(_("An agreement that was never signed needs no notice."))
    if agreement.terminated_on is not None:
        raise ValidationError(_("Notice has already been given on this agreement."))
    agreement.terminated_on = notice_on
    agreement.full_clean()
    agreement.save(update_fields=["terminated_on"])
    audit_record(actor=actor, municipality=actor.municipality, action=AuditAction.UPDATE,
                 obj=agreement, summary="Notice given on the cooperation agreement",
                 changed_fields=["terminated_on"])
    return agreement
