"""Writes of volunteer data: tasks, claims, hours, reports, approvals and agreements.

This is the staff side of the privacy wall: creating a task may look at a household's
members to make sure none of their names reach the volunteers. Volunteer-facing code reads
through selectors.py, which knows nothing of reception.
"""

from __future__ import annotations

import datetime
import logging
import secrets
import smtplib
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, Value, When
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from integration_portal.accounts.permissions import Perm, require
from integration_portal.audit.models import AuditAction
from integration_portal.audit.services import audit_record, changed_field_names
from integration_portal.letters.languages import Language
from integration_portal.notifications.models import Notification, NotificationStage
from integration_portal.notifications.services import notifications_create_many
from integration_portal.rules.calendar import add_months

# Staff side of the privacy wall: the case trail is shared with reception.
from reception.services import case_trail
from volunteers.events import is_occurrence, occurrence_on
from volunteers.models import (
    EVALUATION_INTERVAL_MONTHS,
    CommitmentParty,
    CooperationAgreement,
    Event,
    EventSignup,
    HoursLog,
    Organisation,
    Task,
    TaskKind,
    TaskReport,
    TaskStatus,
    VolunteerInvitation,
    VolunteerProfile,
    VolunteerStatus,
    default_commitments,
    invitation_token_hash,
    new_calendar_token,
)
from volunteers.privacy import find_personal_data
from volunteers.selectors import profile_of
from volunteers.signals import internship_found

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality, User
    from reception.models import Household

MAX_HOURS_PER_ENTRY = Decimal("24")


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
    require(actor, Perm.WORK_ON_CASES, Perm.COORDINATE_VOLUNTEERS, municipality_id=municipality.pk)
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


def _profile_refusal(volunteer: User, profile: VolunteerProfile | None) -> str:
    """Why this user cannot act as a volunteer at all (take a task, sign up for a meeting).

    `profile` is the volunteer's loaded profile, None if they have none.
    """
    if not volunteer.is_volunteer:
        return _("Only volunteers can take tasks or sign up for meetings.")
    if profile is None or profile.status != VolunteerStatus.ACTIVE:
        return _("Your volunteer profile has not been approved yet, or is paused.")
    if profile.agreement_signed_on is None:
        return _("You need a signed volunteer agreement before you can take tasks or sign "
                 "up for meetings.")
    return ""


def volunteer_refusal(*, volunteer: User, profile: VolunteerProfile | None = None) -> str:
    """Why this volunteer may not sign up for meetings, or "" if they may.

    The checks of `claim_refusal` without the children part. Pass the volunteer's `profile`
    when it is already loaded.
    """
    if volunteer.is_volunteer and profile is None:
        profile = profile_of(volunteer)
    return _profile_refusal(volunteer, profile)


def claim_refusal(
    *, task: Task, volunteer: User, profile: VolunteerProfile | None = None,
    today: datetime.date | None = None,
) -> str:
    """Why this volunteer may not take this task, or "" if they may.

    Pass the volunteer's `profile` when it is already loaded (the board asks for many tasks).
    """
    today = today or timezone.localdate()
    if volunteer.is_volunteer and profile is None:
        profile = profile_of(volunteer)
    refusal = _profile_refusal(volunteer, profile)
    if refusal:
        return refusal
    if task.involves_children_under_15:
        obtained = profile.boerneattest_obtained_on
        if obtained is None or not profile.boerneattest_no_concerns:
            return _("This task involves children under 15 and needs a child certificate "
                     "(børneattest).")
        if profile.boerneattest_renewal_due_on <= today:
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
    if report.found_language_internship:
        # The job centre's queue lives in employment, which listens; volunteers does not
        # know it. Sent inside this transaction: the referral stands or falls with the report.
        internship_found.send(sender=TaskReport, report=report)
    return report


@transaction.atomic
def volunteer_approve(*, profile: VolunteerProfile, actor: User) -> VolunteerProfile:
    """A coordinator approves a volunteer, who can then take tasks."""
    require(actor, Perm.COORDINATE_VOLUNTEERS, municipality_id=profile.user.municipality_id)
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
    require(actor, Perm.COORDINATE_VOLUNTEERS,
            municipality_id=agreement.organisation.municipality_id)
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


# Cooperation agreements (samarbejdsaftaler) and the organisations they are made with.

# A checklist longer than this is a mistake, not an agreement.
MAX_COMMITMENTS = 50
MAX_COMMITMENT_LENGTH = 1000


def _refuse_duplicate_organisation(*, municipality_id: int, name: str,
                                   exclude_pk: int | None = None) -> None:
    # Case-insensitive, so "Frivillignet Lejre" and "frivillignet lejre" are one organisation;
    # the database constraint alone would let both in.
    duplicates = Organisation.objects.in_municipality(municipality_id).filter(name__iexact=name)
    if exclude_pk is not None:
        duplicates = duplicates.exclude(pk=exclude_pk)
    if duplicates.exists():
        raise ValidationError({"name": _("An organisation with this name already exists.")})


@transaction.atomic
def organisation_create(
    *, municipality: Municipality, actor: User, name: str, parent_network: str = "",
    contact_name: str = "", contact_email: str = "", contact_phone: str = "",
) -> Organisation:
    """Register a volunteer organisation the municipality cooperates with."""
    require(actor, Perm.COORDINATE_VOLUNTEERS, municipality_id=municipality.pk)
    organisation = Organisation(
        municipality=municipality, name=name.strip(), parent_network=parent_network.strip(),
        contact_name=contact_name.strip(), contact_email=contact_email.strip(),
        contact_phone=contact_phone.strip(),
    )
    _refuse_duplicate_organisation(municipality_id=municipality.pk, name=organisation.name)
    organisation.full_clean()
    organisation.save()
    audit_record(actor=actor, municipality=municipality, action=AuditAction.CREATE,
                 obj=organisation, summary="Volunteer organisation created")
    return organisation


@transaction.atomic
def organisation_update(
    *, organisation: Organisation, actor: User, name: str, parent_network: str,
    contact_name: str, contact_email: str, contact_phone: str,
) -> Organisation:
    require(actor, Perm.COORDINATE_VOLUNTEERS, municipality_id=organisation.municipality_id)
    fields = ("name", "parent_network", "contact_name", "contact_email", "contact_phone")
    before = {field: getattr(organisation, field) for field in fields}
    after = {"name": name.strip(), "parent_network": parent_network.strip(),
             "contact_name": contact_name.strip(), "contact_email": contact_email.strip(),
             "contact_phone": contact_phone.strip()}
    _refuse_duplicate_organisation(municipality_id=organisation.municipality_id,
                                   name=after["name"], exclude_pk=organisation.pk)
    for field, value in after.items():
        setattr(organisation, field, value)
    organisation.full_clean()
    organisation.save(update_fields=list(fields))
    audit_record(actor=actor, municipality=actor.municipality, action=AuditAction.UPDATE,
                 obj=organisation, summary="Volunteer organisation changed",
                 changed_fields=changed_field_names(before, after))
    return organisation


def _next_evaluation_after(day: datetime.date) -> datetime.date:
    return add_months(day, EVALUATION_INTERVAL_MONTHS)


def _validate_agreement(agreement: CooperationAgreement) -> None:
    """The model's own checks and the ones about today, reported together."""
    errors: dict[str, list[str]] = {}
    try:
        agreement.full_clean()
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if agreement.signed_on and agreement.signed_on > timezone.localdate():
        errors.setdefault("signed_on", []).append(_("The signing date is in the future."))
    if agreement.evaluation_due_on and agreement.evaluation_due_on < agreement.period_start:
        errors.setdefault("evaluation_due_on", []).append(
            _("The evaluation is dated before the agreement starts."))
    if agreement.terminated_on and agreement.signed_on is None:
        errors.setdefault("signed_on", []).append(
            _("Notice has been given on this agreement, so it keeps its signing date."))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def agreement_create(
    *, organisation: Organisation, actor: User, period_start: datetime.date,
    period_end: datetime.date | None = None, signed_on: datetime.date | None = None,
    evaluation_due_on: datetime.date | None = None, municipality_contacts: str = "",
    organisation_contacts: str = "",
) -> CooperationAgreement:
    """Draw up an agreement from the model agreement's commitments (seed 003).

    Without an evaluation date, the first yearly evaluation falls a year after signing (or
    after the start, while the agreement is a draft).
    """
    require(actor, Perm.COORDINATE_VOLUNTEERS, municipality_id=organisation.municipality_id)
    if evaluation_due_on is None:
        evaluation_due_on = _next_evaluation_after(signed_on or period_start)
    agreement = CooperationAgreement(
        organisation=organisation, period_start=period_start, period_end=period_end,
        signed_on=signed_on, evaluation_due_on=evaluation_due_on,
        municipality_contacts=municipality_contacts.strip(),
        organisation_contacts=organisation_contacts.strip(),
        commitments=default_commitments(),
    )
    _validate_agreement(agreement)
    agreement.save()
    audit_record(actor=actor, municipality=actor.municipality, action=AuditAction.CREATE,
                 obj=agreement, summary="Cooperation agreement drawn up")
    return agreement


@transaction.atomic
def agreement_update(
    *, agreement: CooperationAgreement, actor: User, period_start: datetime.date,
    period_end: datetime.date | None, signed_on: datetime.date | None,
    evaluation_due_on: datetime.date | None, municipality_contacts: str,
    organisation_contacts: str,
) -> CooperationAgreement:
    """Change the agreement's terms. An empty evaluation date is computed as on creation,
    counting from the last evaluation if there has been one."""
    require(actor, Perm.COORDINATE_VOLUNTEERS,
            municipality_id=agreement.organisation.municipality_id)
    if evaluation_due_on is None:
        evaluation_due_on = _next_evaluation_after(
            agreement.last_evaluated_on or signed_on or period_start)
    fields = ("period_start", "period_end", "signed_on", "evaluation_due_on",
              "municipality_contacts", "organisation_contacts")
    before = {field: getattr(agreement, field) for field in fields}
    after = {"period_start": period_start, "period_end": period_end, "signed_on": signed_on,
             "evaluation_due_on": evaluation_due_on,
             "municipality_contacts": municipality_contacts.strip(),
             "organisation_contacts": organisation_contacts.strip()}
    for field, value in after.items():
        setattr(agreement, field, value)
    _validate_agreement(agreement)
    agreement.save(update_fields=list(fields))
    audit_record(actor=actor, municipality=actor.municipality, action=AuditAction.UPDATE,
                 obj=agreement, summary="Cooperation agreement changed",
                 changed_fields=changed_field_names(before, after))
    return agreement


def _clean_commitments(commitments: object) -> list[dict]:
    malformed = ValidationError({"commitments": _(
        "Each commitment needs a party (organisation or municipality), a text and whether "
        "it is done."
    )})
    if not isinstance(commitments, list | tuple):
        raise malformed
    if len(commitments) > MAX_COMMITMENTS:
        raise ValidationError({"commitments": _(
            "An agreement can have at most %(count)d commitments.") % {
                "count": MAX_COMMITMENTS}})
    cleaned = []
    for commitment in commitments:
        if not isinstance(commitment, dict):
            raise malformed
        party, text, done = (commitment.get("party"), commitment.get("text"),
                             commitment.get("done", False))
        if party not in CommitmentParty.values or not isinstance(text, str) or not isinstance(
                done, bool):
            raise malformed
        text = text.strip()
        if not text:
            raise ValidationError({"commitments": _("Every commitment needs a text.")})
        if len(text) > MAX_COMMITMENT_LENGTH:
            raise ValidationError({"commitments": _(
                "A commitment can be at most %(count)d characters.") % {
                    "count": MAX_COMMITMENT_LENGTH}})
        cleaned.append({"party": CommitmentParty(party).value, "text": text, "done": done})
    return cleaned


@transaction.atomic
def agreement_commitments_update(
    *, agreement: CooperationAgreement, actor: User, commitments: list[dict],
) -> CooperationAgreement:
    """Replace the checklist of commitments: [{"party", "text", "done"}, …] in order."""
    require(actor, Perm.COORDINATE_VOLUNTEERS,
            municipality_id=agreement.organisation.municipality_id)
    agreement.commitments = _clean_commitments(commitments)
    agreement.full_clean()
    agreement.save(update_fields=["commitments"])
    audit_record(actor=actor, municipality=actor.municipality, action=AuditAction.UPDATE,
                 obj=agreement, summary="Commitments of the cooperation agreement changed",
                 changed_fields=["commitments"])
    return agreement


@transaction.atomic
def agreement_record_evaluation(
    *, agreement: CooperationAgreement, actor: User, evaluated_on: datetime.date,
) -> CooperationAgreement:
    """Record the yearly evaluation; the next one falls a year later."""
    require(actor, Perm.COORDINATE_VOLUNTEERS,
            municipality_id=agreement.organisation.municipality_id)
    if agreement.signed_on is None:
        raise ValidationError(_("An agreement is evaluated once it has been signed."))
    problem = ""
    if evaluated_on > timezone.localdate():
        problem = _("The evaluation date is in the future.")
    elif evaluated_on < agreement.period_start:
        problem = _("The evaluation is dated before the agreement starts.")
    elif agreement.last_evaluated_on and evaluated_on < agreement.last_evaluated_on:
        problem = _("A later evaluation is already recorded.")
    elif agreement.ends_on and evaluated_on >= agreement.ends_on:
        problem = _("The agreement had ended by then.")
    if problem:
        raise ValidationError({"evaluated_on": problem})
    agreement.last_evaluated_on = evaluated_on
    agreement.evaluation_due_on = _next_evaluation_after(evaluated_on)
    agreement.full_clean()
    agreement.save(update_fields=["last_evaluated_on", "evaluation_due_on"])
    audit_record(actor=actor, municipality=actor.municipality, action=AuditAction.UPDATE,
                 obj=agreement, summary="Cooperation agreement evaluated",
                 changed_fields=["last_evaluated_on", "evaluation_due_on"])
    return agreement


# Events volunteers sign up for, and the key of each volunteer's calendar feed.

EVENT_FIELDS = (
    "kind", "title", "description", "location", "starts_at", "ends_at",
    "repeats_weekly_until", "interpreter_needed", "interpreter_languages", "volunteers_wanted",
)


def _validate_event(event: Event) -> None:
    """Volunteers read every field of an event: refuse personal data, then the model's checks.

    All problems are reported together, each on its field.
    """
    errors: dict[str, list[str]] = {}
    try:
        _refuse_personal_data(household=None, title=event.title,
                              description=event.description)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    unknown = [code for code in event.interpreter_languages if code not in Language.values]
    if unknown:
        errors.setdefault("interpreter_languages", []).append(
            _("Choose the interpreter languages from the list."))
    try:
        event.full_clean(exclude=["created_by"])
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def event_create(
    *,
    municipality: Municipality,
    actor: User,
    kind: str,
    title: str,
    description: str,
    location: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    repeats_weekly_until: datetime.date | None = None,
    interpreter_needed: bool = False,
    interpreter_languages: Iterable[str] = (),
    volunteers_wanted: int = 0,
) -> Event:
    """Create a meeting volunteers can sign up for; a weekly one (the open counselling,
    åben rådgivning) is one event that repeats until `repeats_weekly_until`."""
    require(actor, Perm.COORDINATE_VOLUNTEERS, municipality_id=municipality.pk)
    event = Event(
        municipality=municipality, kind=kind, title=title.strip(),
        description=description.strip(), location=location.strip(), starts_at=starts_at,
        ends_at=ends_at, repeats_weekly_until=repeats_weekly_until,
        interpreter_needed=interpreter_needed,
        interpreter_languages=list(interpreter_languages), volunteers_wanted=volunteers_wanted,
        created_by=actor,
    )
    _validate_event(event)
    event.save()
    return event


def _orphaned_signup_dates(event: Event, today: datetime.date) -> list[datetime.date]:
    """Dates volunteers signed up for that the event, as it now stands, no longer meets on."""
    dates = (EventSignup.objects.filter(event=event, occurs_on__gte=today)
             .values_list("occurs_on", flat=True).distinct().order_by("occurs_on"))
    return [day for day in dates if not is_occurrence(event, day)]


@transaction.atomic
def event_update(
    *,
    event: Event,
    actor: User,
    kind: str,
    title: str,
    description: str,
    location: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    repeats_weekly_until: datetime.date | None,
    interpreter_needed: bool,
    interpreter_languages: Iterable[str],
    volunteers_wanted: int,
) -> Event:
    """Change an event. A change that would drop a date volunteers signed up for is refused:
    they would not be told. Cancel the event instead and create a new one."""
    require(actor, Perm.COORDINATE_VOLUNTEERS, municipality_id=event.municipality_id)
    # Locked, so that no sign-up for a date this change removes slips in meanwhile.
    locked = Event.objects.select_for_update().get(pk=event.pk)
    if locked.cancelled_at is not None:
        raise ValidationError(_("A cancelled event cannot be changed."))
    values = {
        "kind": kind, "title": title.strip(), "description": description.strip(),
        "location": location.strip(), "starts_at": starts_at, "ends_at": ends_at,
        "repeats_weekly_until": repeats_weekly_until, "interpreter_needed": interpreter_needed,
        "interpreter_languages": list(interpreter_languages),
        "volunteers_wanted": volunteers_wanted,
    }
    for field, value in values.items():
        setattr(event, field, value)
    _validate_event(event)
    orphaned = _orphaned_signup_dates(event, timezone.localdate())
    if orphaned:
        raise ValidationError(_(
            "Volunteers have signed up for meetings this change would remove (%(dates)s). "
            "Keep those dates, or cancel the event and create a new one."
        ) % {"dates": ", ".join(day.strftime("%d.%m.%Y") for day in orphaned)})
    event.save(update_fields=list(EVENT_FIELDS))
    return event


@transaction.atomic
def event_cancel(*, event: Event, actor: User) -> Event:
    """Cancel every coming meeting of an event. Sign-ups stay, so the volunteers' calendars
    show the meetings as cancelled."""
    require(actor, Perm.COORDINATE_VOLUNTEERS, municipality_id=event.municipality_id)
    cancelled = Event.objects.filter(pk=event.pk, cancelled_at__isnull=True).update(
        cancelled_at=timezone.now())
    if cancelled == 0:
        raise ValidationError(_("The event is already cancelled."))
    event.refresh_from_db(fields=["cancelled_at"])
    _tell_signed_up_volunteers_of_cancellation(event)
    return event


def _tell_signed_up_volunteers_of_cancellation(event: Event) -> None:
    """One notification to each volunteer signed up for a coming meeting of the event."""
    volunteer_ids = set(
        EventSignup.objects.filter(event=event, occurs_on__gte=timezone.localdate())
        .values_list("volunteer_id", flat=True)
    )
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Cancelled: %(title)s") % {"title": event.title}
    max_length = Notification._meta.get_field("title").max_length
    notifications_create_many(notifications=[
        Notification(municipality_id=event.municipality_id, recipient_id=volunteer_id,
                     subject_key=f"volunteers.event:{event.pk}", stage=NotificationStage.INFO,
                     title=title[:max_length], url=reverse("volunteers:events"))
        for volunteer_id in sorted(volunteer_ids)
    ])


def _meeting_refusal(event: Event, occurs_on: datetime.date,
                     now: datetime.datetime) -> str:
    if event.cancelled_at is not None:
        return _("This event is cancelled.")
    if not is_occurrence(event, occurs_on):
        return _("The event does not meet on that date.")
    if occurrence_on(event, occurs_on).is_over(now):
        return _("This meeting is over.")
    return ""


@transaction.atomic
def event_sign_up(*, event: Event, occurs_on: datetime.date, volunteer: User) -> EventSignup:
    """Sign a volunteer up for one meeting of an event.

    Of two volunteers taking the last place at once, exactly one gets it: the count and the
    insert run under a row lock on the event, so the second waits and then counts the first.
    """
    if volunteer.municipality_id != event.municipality_id:
        raise PermissionError("A volunteer can only sign up for their own municipality's events")
    refusal = volunteer_refusal(volunteer=volunteer)
    if refusal:
        raise ValidationError(refusal)
    # Read again under the lock: it may have been cancelled or changed since it was loaded.
    event = Event.objects.select_for_update().get(pk=event.pk)
    refusal = _meeting_refusal(event, occurs_on, timezone.now())
    if refusal:
        raise ValidationError(refusal)
    signups = EventSignup.objects.filter(event=event, occurs_on=occurs_on)
    if signups.filter(volunteer=volunteer).exists():
        raise ValidationError(_("You are already signed up for this meeting."))
    if event.volunteers_wanted and signups.count() >= event.volunteers_wanted:
        raise ValidationError(_("This meeting has all the volunteers it needs."))
    signup = EventSignup(event=event, occurs_on=occurs_on, volunteer=volunteer)
    signup.full_clean()
    signup.save()
    return signup


@transaction.atomic
def event_withdraw(*, event: Event, occurs_on: datetime.date, volunteer: User) -> None:
    """Take back a sign-up for a meeting that is not over yet."""
    signup = EventSignup.objects.filter(event=event, occurs_on=occurs_on,
                                        volunteer=volunteer).first()
    if signup is None:
        raise ValidationError(_("You are not signed up for this meeting."))
    if occurrence_on(event, occurs_on).is_over(timezone.now()):
        raise ValidationError(_("This meeting is over."))
    signup.delete()


@transaction.atomic
def calendar_token_renew(*, profile: VolunteerProfile, actor: User) -> VolunteerProfile:
    """Draw a new key for the volunteer's calendar feed; the old address stops working."""
    if actor.pk != profile.user_id:
        raise PermissionError("Only the volunteer can renew their calendar key")
    profile.calendar_token = new_calendar_token()
    profile.save(update_fields=["calendar_token"])
    return profile


# --- Invitations and profiles ----------------------------------------------------------------

logger = logging.getLogger(__name__)

# How long the link in an invitation e-mail works.
VOLUNTEER_INVITATION_DAYS = 14
INVITATION_MAIL_TEMPLATE = "volunteers/email/invitation"


class InvitationMailFailed(Exception):
    """The invitation is saved, but its e-mail could not be handed to the mail server.

    Raised after the commit, so nothing is undone: the coordinator can send it again.
    """


def _refuse_existing_account(email: str) -> None:
    if get_user_model().objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": ValidationError(
            _("This e-mail address already belongs to an account in the portal."),
            code="account_exists",
        )})


def _send_invitation_after_commit(invitation: VolunteerInvitation, token: str) -> None:
    """E-mail the link once the invitation is committed; the mail holds the token's only copy.

    The token is not handed to a Celery task: it would then sit in the broker. If the mail
    server refuses, `InvitationMailFailed` reaches the caller after the commit.
    """
    municipality = invitation.municipality
    path = reverse("volunteers:invitation_accept", args=[token])
    context = {
        "full_name": invitation.full_name,
        "municipality_name": municipality.name,
        "organisation_name": invitation.organisation.name if invitation.organisation else "",
        "contact_email": municipality.contact_email,
        # E-mails are read outside the portal, so the link needs the portal's own address.
        "accept_url": f"{settings.PORTAL_BASE_URL.rstrip('/')}{path}",
        "expires_on": timezone.localdate(invitation.expires_at),
    }
    email, invitation_pk = invitation.email, invitation.pk

    def send() -> None:
        try:
            # The invitee has chosen no language yet: write in the portal's default language.
            with translation.override(settings.LANGUAGE_CODE):
                get_adapter().send_mail(INVITATION_MAIL_TEMPLATE, email, context)
        except (smtplib.SMTPException, OSError) as error:
            logger.exception("The e-mail of volunteer invitation %s was not sent", invitation_pk)
            raise InvitationMailFailed from error

    transaction.on_commit(send)


def _new_invitation_key() -> tuple[str, str, datetime.datetime]:
    token = secrets.token_urlsafe(32)
    expires_at = timezone.now() + datetime.timedelta(days=VOLUNTEER_INVITATION_DAYS)
    return token, invitation_token_hash(token), expires_at


@transaction.atomic
def volunteer_invite(
    *, actor: User, email: str, full_name: str, organisation: Organisation | None = None,
) -> VolunteerInvitation:
    """Invite someone by e-mail to become a volunteer of the coordinator's municipality.

    Only the token's hash is stored; the e-mail with the link leaves after commit.
    """
    municipality = actor.municipality
    require(actor, Perm.COORDINATE_VOLUNTEERS, municipality_id=municipality.pk)
    email = email.strip().lower()
    if organisation is not None and organisation.municipality_id != municipality.pk:
        raise ValidationError({"organisation": _(
            "This organisation belongs to another municipality.")})
    _refuse_existing_account(email)
    if VolunteerInvitation.objects.in_municipality(municipality).pending().filter(
            email__iexact=email).exists():
        raise ValidationError({"email": ValidationError(
            _("An invitation to this e-mail address is already waiting for an answer. "
              "You can send it again instead."),
            code="invitation_pending",
        )})
    token, token_hash, expires_at = _new_invitation_key()
    invitation = VolunteerInvitation(
        municipality=municipality, organisation=organisation, email=email,
        full_name=full_name.strip(), token_hash=token_hash, invited_by=actor,
        expires_at=expires_at,
    )
    invitation.full_clean()
    invitation.save()
    audit_record(actor=actor, municipality=municipality, action=AuditAction.CREATE,
                 obj=invitation, summary="Volunteer invited by e-mail")
    _send_invitation_after_commit(invitation, token)
    return invitation


@transaction.atomic
def volunteer_invitation_resend(
    *, invitation: VolunteerInvitation, actor: User,
) -> VolunteerInvitation:
    """Send a pending or expired invitation again with a new link; the old link stops working."""
    require(actor, Perm.COORDINATE_VOLUNTEERS, municipality_id=invitation.municipality_id)
    _refuse_existing_account(invitation.email)
    token, token_hash, expires_at = _new_invitation_key()
    # Conditional: an invitation accepted or withdrawn a moment ago is not brought back.
    renewed = VolunteerInvitation.objects.filter(
        pk=invitation.pk, accepted_at__isnull=True, revoked_at__isnull=True,
    ).update(token_hash=token_hash, expires_at=expires_at)
    if renewed == 0:
        raise ValidationError(_("This invitation was accepted or withdrawn and cannot be sent "
                                "again."))
    invitation.refresh_from_db(fields=["token_hash", "expires_at"])
    audit_record(actor=actor, municipality=actor.municipality, action=AuditAction.UPDATE,
                 obj=invitation, summary="Volunteer invitation sent again",
                 changed_fields=["token_hash", "expires_at"])
    _send_invitation_after_commit(invitation, token)
    return invitation


@transaction.atomic
def volunteer_invitation_withdraw(
    *, invitation: VolunteerInvitation, actor: User,
) -> VolunteerInvitation:
    """Withdraw an invitation that has not been accepted; its link stops working."""
    require(actor, Perm.COORDINATE_VOLUNTEERS, municipality_id=invitation.municipality_id)
    withdrawn = VolunteerInvitation.objects.filter(
        pk=invitation.pk, accepted_at__isnull=True, revoked_at__isnull=True,
    ).update(revoked_at=timezone.now())
    if withdrawn == 0:
        raise ValidationError(_("This invitation was already accepted or withdrawn."))
    invitation.refresh_from_db(fields=["revoked_at"])
    audit_record(actor=actor, municipality=actor.municipality, action=AuditAction.UPDATE,
                 obj=invitation, summary="Volunteer invitation withdrawn",
                 changed_fields=["revoked_at"])
    return invitation


@transaction.atomic
def volunteer_invitation_accept(
    *, invitation: VolunteerInvitation, full_name: str, password: str,
) -> User:
    """Create the invited volunteer's account and profile. A link makes one account only.

    The account's e-mail is the invitation's: the invitee proved they read it by opening the
    link, so it is recorded as verified.
    """
    user_model = get_user_model()
    full_name = full_name.strip()
    if not full_name:
        raise ValidationError({"full_name": _("Enter your full name.")})
    user = user_model(email=invitation.email.lower(), full_name=full_name,
                      municipality_id=invitation.municipality_id, is_volunteer=True)
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from None
    now = timezone.now()
    # One conditional UPDATE claims the link: of two submits of the form at once, exactly
    # one gets past this line, so a double click cannot make two accounts.
    claimed = VolunteerInvitation.objects.pending(now=now).filter(pk=invitation.pk).update(
        accepted_at=now)
    if claimed == 0:
        raise ValidationError(_("This invitation has already been used, has been withdrawn or "
                                "has expired."), code="invitation_closed")
    if user_model.objects.filter(email__iexact=user.email).exists():
        # Raising rolls the claim back as well.
        raise ValidationError(_("This e-mail address already has an account. Log in instead."),
                              code="account_exists")
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    profile = VolunteerProfile(user=user, organisation_id=invitation.organisation_id,
                               status=VolunteerStatus.PENDING)
    profile.full_clean()
    profile.save()
    VolunteerInvitation.objects.filter(pk=invitation.pk).update(accepted_user=user)
    invitation.refresh_from_db(fields=["accepted_at", "accepted_user"])
    audit_record(actor=user, municipality=invitation.municipality, action=AuditAction.CREATE,
                 obj=profile, summary="Volunteer accepted the invitation")
    return user


def _unique_texts(values: Iterable[str]) -> list[str]:
    """Stripped, without blanks, each once (case-insensitively), in the order given."""
    seen: set[str] = set()
    result = []
    for value in values:
        value = value.strip()
        if value and value.casefold() not in seen:
            seen.add(value.casefold())
            result.append(value)
    return result


def volunteer_profile_ensure(*, volunteer: User) -> VolunteerProfile:
    """The volunteer's profile, created (awaiting approval) for a volunteer who has none yet,
    for example one whose account was made in Django admin."""
    if not volunteer.is_volunteer:
        raise PermissionError("Only a volunteer has a volunteer profile")
    profile = profile_of(volunteer)
    if profile is not None:
        return profile
    with transaction.atomic():
        # get_or_create: two first visits at once still make one profile (user is unique).
        profile, created = VolunteerProfile.objects.get_or_create(
            user=volunteer, defaults={"status": VolunteerStatus.PENDING})
        if created:
            audit_record(actor=volunteer, municipality=volunteer.municipality,
                         action=AuditAction.CREATE, obj=profile,
                         summary="Volunteer profile created on first visit")
    return profile


@transaction.atomic
def volunteer_profile_update(
    *, profile: VolunteerProfile, actor: User, languages: Iterable[str], areas: Iterable[str],
    availability: str, skills: str,
) -> VolunteerProfile:
    """The volunteer describes themself: languages, areas, availability and skills."""
    if actor.pk != profile.user_id:
        raise PermissionError("Volunteers edit only their own profile")
    fields = ["languages", "areas", "availability", "skills"]
    before = {name: getattr(profile, name) for name in fields}
    profile.languages = _unique_texts(languages)
    profile.areas = _unique_texts(areas)
    profile.availability = availability.strip()
    profile.skills = skills.strip()
    profile.full_clean()
    changed = changed_field_names(before, {name: getattr(profile, name) for name in fields})
    if changed:
        profile.save(update_fields=changed)
        audit_record(actor=actor, municipality=actor.municipality, action=AuditAction.UPDATE,
                     obj=profile, summary="Volunteer updated their profile",
                     changed_fields=changed)
    return profile


@transaction.atomic
def volunteer_vet(
    *, profile: VolunteerProfile, actor: User, agreement_signed_on: datetime.date | None,
    boerneattest_obtained_on: datetime.date | None, boerneattest_no_concerns: bool,
    courses: Iterable[str], organisation: Organisation | None,
) -> VolunteerProfile:
    """The coordinator records the vetting: agreement, child certificate, courses.

    Of the child certificate only the date and "no concerns" are kept (GDPR art. 10), and the
    audit log records which fields changed, never their values.
    """
    require(actor, Perm.COORDINATE_VOLUNTEERS, municipality_id=profile.user.municipality_id)
    if organisation is not None and organisation.municipality_id != actor.municipality_id:
        raise ValidationError({"organisation": _(
            "This organisation belongs to another municipality.")})
    today = timezone.localdate()
    errors = {}
    if agreement_signed_on and agreement_signed_on > today:
        errors["agreement_signed_on"] = _("The agreement cannot be signed on a day in the "
                                          "future.")
    if boerneattest_obtained_on and boerneattest_obtained_on > today:
        errors["boerneattest_obtained_on"] = _("The child certificate cannot be obtained on a "
                                               "day in the future.")
    if errors:
        raise ValidationError(errors)
    fields = ["agreement_signed_on", "boerneattest_obtained_on", "boerneattest_no_concerns",
              "courses", "organisation_id"]
    before = {name: getattr(profile, name) for name in fields}
    profile.agreement_signed_on = agreement_signed_on
    profile.boerneattest_obtained_on = boerneattest_obtained_on
    profile.boerneattest_no_concerns = boerneattest_no_concerns
    profile.courses = _unique_texts(courses)
    profile.organisation = organisation
    profile.full_clean()
    changed = changed_field_names(before, {name: getattr(profile, name) for name in fields})
    if changed:
        profile.save(update_fields=changed)
        audit_record(actor=actor, municipality=actor.municipality, action=AuditAction.UPDATE,
                     obj=profile, summary="Volunteer vetting recorded",
                     changed_fields=[name.removesuffix("_id") for name in changed])
    return profile


def _set_status(profile: VolunteerProfile, from_statuses: Iterable[str], **updates) -> bool:
    # Conditional UPDATE: a status changed by someone else meanwhile is not overwritten.
    changed = VolunteerProfile.objects.filter(
        pk=profile.pk, status__in=list(from_statuses)).update(**updates)
    if changed:
        profile.refresh_from_db(fields=["status", "approved_by", "approved_at"])
    return bool(changed)


@transaction.atomic
def volunteer_pause(*, profile: VolunteerProfile, actor: User) -> VolunteerProfile:
    """Pause an active volunteer: they take no new tasks until they are active again.

    The volunteer may pause themself and resume later. A coordinator's pause also withdraws
    the approval (the audit log keeps who approved), so that the volunteer cannot lift it by
    resuming: they come back as awaiting approval, and the coordinator approves again.
    """
    by_self = actor.pk == profile.user_id
    if not by_self:
        require(actor, Perm.COORDINATE_VOLUNTEERS, municipality_id=profile.user.municipality_id)
    updates = {"status": VolunteerStatus.PAUSED}
    if not by_self:
        updates |= {"approved_by": None, "approved_at": None}
    if not _set_status(profile, [VolunteerStatus.ACTIVE], **updates):
        raise ValidationError(_("Only an active volunteer can be paused."))
    audit_record(actor=actor, municipality=actor.municipality, action=AuditAction.UPDATE,
                 obj=profile, changed_fields=list(updates),
                 summary="Volunteer paused themself" if by_self else "Volunteer paused")
    return profile


@transaction.atomic
def volunteer_resume(*, profile: VolunteerProfile, actor: User) -> VolunteerProfile:
    """The volunteer ends their own pause: active again if approved, else awaiting approval."""
    if actor.pk != profile.user_id:
        # A coordinator brings a paused volunteer back by approving them.
        raise PermissionError("Only the volunteer resumes themself")
    resumed = _set_status(profile, [VolunteerStatus.PAUSED], status=Case(
        When(approved_at__isnull=False, then=Value(VolunteerStatus.ACTIVE.value)),
        default=Value(VolunteerStatus.PENDING.value),
    ))
    if not resumed:
        raise ValidationError(_("Only a paused volunteer can resume."))
    audit_record(actor=actor, municipality=actor.municipality, action=AuditAction.UPDATE,
                 obj=profile, changed_fields=["status"], summary="Volunteer resumed")
    return profile


@transaction.atomic
def volunteer_end(*, profile: VolunteerProfile, actor: User) -> int:
    """End a volunteer's work with the municipality; returns how many taken tasks went back.

    Tasks they had taken and not finished go back on the board, so that nobody waits for
    help that will not come. Their hours and reports stay.
    """
    require(actor, Perm.COORDINATE_VOLUNTEERS, municipality_id=profile.user.municipality_id)
    open_statuses = [VolunteerStatus.PENDING, VolunteerStatus.ACTIVE, VolunteerStatus.PAUSED]
    if not _set_status(profile, open_statuses, status=VolunteerStatus.ENDED):
        raise ValidationError(_("This volunteer has already ended."))
    released = Task.objects.filter(
        municipality_id=actor.municipality_id, claimed_by_id=profile.user_id,
        status=TaskStatus.CLAIMED,
    ).update(status=TaskStatus.OPEN, claimed_by=None, claimed_at=None)
    audit_record(actor=actor, municipality=actor.municipality, action=AuditAction.UPDATE,
                 obj=profile, changed_fields=["status"], summary="Volunteer ended")
    return released
