"""Writes of case data. Every write is validated, atomic and audit-logged."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from integration_portal.audit.models import AuditAction
from integration_portal.audit.services import audit_record, changed_field_names
from integration_portal.core.crypto import (
    cpr_decrypt,
    cpr_hash,
    cpr_needs_reencryption,
    cpr_reencrypt,
)
from integration_portal.core.queue import enqueue_on_commit
from integration_portal.core.uploads import JPEG, PDF, PNG, upload_check
from integration_portal.rules.engine import compute_due_dates
from integration_portal.rules.hooks import provided_anchors
from integration_portal.rules.models import Anchor
from integration_portal.rules.selectors import rules_in_force
from integration_portal.rules.takeover import compute_takeover_date
from reception.models import (
    ArrivalNotice,
    Document,
    Household,
    HouseholdStatus,
    JournalNote,
    Milestone,
    Person,
)

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from integration_portal.accounts.models import Municipality, User

PERSON_FIELDS = (
    "relation", "first_name", "last_name", "cpr", "cpr_registration_date", "birth_date",
    "nationality", "residence_basis", "languages", "letter_language", "literacy",
    "interpreter_needed", "interpreter_language", "interpreter_dialect", "phone", "email",
    "email_consent", "digital_post_exempt", "digital_post_exempt_until", "needs_note",
)
NOTICE_FIELDS = (
    "source", "source_reference", "received_on", "expected_arrival_date", "residence_basis",
    "placement_decision_date", "adults", "children_0_5", "children_6_14", "children_15_17",
    "languages", "need_flags", "note",
)
STATUS_TRANSITIONS = {
    HouseholdStatus.ANNOUNCED: {HouseholdStatus.ARRIVED, HouseholdStatus.CLOSED},
    HouseholdStatus.ARRIVED: {HouseholdStatus.IN_PROGRAMME, HouseholdStatus.CLOSED},
    HouseholdStatus.IN_PROGRAMME: {HouseholdStatus.CLOSED},
    HouseholdStatus.CLOSED: set(),
}
# What an upload's first bytes must be, by the extensions allowed for it.
DOCUMENT_KINDS = (PDF, PNG, JPEG)


def case_trail(household: Household | int) -> str:
    """The audit trail of a case: everything about it, whichever app wrote it."""
    household_id = getattr(household, "pk", household)
    return f"{Household._meta.label_lower}:{household_id}"


def _audit(*, actor, household: Household, action, obj, summary: str = "", fields=()) -> None:
    audit_record(
        actor=actor, municipality=household.municipality, action=action, obj=obj,
        trail=case_trail(household), summary=summary, changed_fields=fields,
    )


def _next_reference(municipality: Municipality, year: int) -> str:
    from integration_portal.accounts.models import Municipality as MunicipalityModel

    # Lock the municipality row so two registrations cannot take the same number.
    MunicipalityModel.objects.select_for_update().get(pk=municipality.pk)
    prefix = f"{municipality.slug[:3].upper()}-{year}-"
    last = (
        Household.objects.filter(municipality=municipality, reference__startswith=prefix)
        .order_by("-reference")
        .values_list("reference", flat=True)
        .first()
    )
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:04d}"


def _check_same_municipality(actor: User, municipality_id: int) -> None:
    if actor.municipality_id != municipality_id:
        raise PermissionError("A user may only change their own municipality's cases")


@transaction.atomic
def notice_register(*, municipality: Municipality, actor: User | None, **fields) -> Household:
    """Register the Immigration Service's anonymised notice as an announced household case."""
    if actor is not None:
        _check_same_municipality(actor, municipality.pk)
    unknown = set(fields) - set(NOTICE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown notice fields: {sorted(unknown)}")
    notice = ArrivalNotice(municipality=municipality, created_by=actor, **fields)
    notice.full_clean()
    notice.save()
    household = Household(
        municipality=municipality,
        reference=_next_reference(municipality, notice.received_on.year),
        notice=notice,
        status=HouseholdStatus.ANNOUNCED,
        status_changed_at=timezone.now(),
        status_changed_by=actor,
        expected_arrival_date=notice.expected_arrival_date,
        placement_decision_date=notice.placement_decision_date,
    )
    household.full_clean()
    household.save()
    _audit(actor=actor, household=household, action=AuditAction.CREATE, obj=household,
           summary="Case registered from an arrival notice")
    return household


def _computed_takeover(person: Person, household: Household) -> datetime.date | None:
    return compute_takeover_date(
        residence_basis=person.residence_basis,
        placement_decision_date=household.placement_decision_date,
        cpr_registration_date=person.cpr_registration_date,
        special_act_decision_date=household.placement_decision_date,
    )


def milestones_recompute(*, household: Household) -> None:
    """Bring the case's open milestones in line with its dates and the rules in force.

    Done milestones are history and never change. Open ones move with the dates; an open
    milestone whose rule no longer applies is removed. Household-level milestones (no
    person) belong to other apps and are left alone.
    """
    if household.status == HouseholdStatus.CLOSED:
        return
    reference_day = (
        household.arrival_date or household.expected_arrival_date or timezone.localdate()
    )
    rules = rules_in_force(municipality=household.municipality, on=reference_day)
    existing = {
        (m.person_id, m.kind): m for m in household.milestones.filter(person__isnull=False)
    }
    wanted = {}
    # Dates other apps know (the start of an IGU, …), registered with the rules' hooks.
    provided = provided_anchors(household)
    for person in household.persons.all():
        takeover = _computed_takeover(person, household)
        if takeover != person.takeover_date:
            person.takeover_date = takeover
            person.save(update_fields=["takeover_date", "updated_at"])
        anchors = {
            Anchor.TAKEOVER: person.effective_takeover_date,
            Anchor.ARRIVAL: household.arrival_date,
            Anchor.PLACEMENT_DECISION: household.placement_decision_date,
            Anchor.BIRTH: person.birth_date,
            **provided.get(person.pk, {}),
        }
        due_dates = compute_due_dates(
            rules=rules, anchors=anchors, residence_basis=person.residence_basis,
            age_at=person.age_on,
        )
        for kind, due in due_dates.items():
            wanted[(person.pk, kind)] = due

    for (person_id, kind), due in wanted.items():
        milestone = existing.get((person_id, kind))
        basis = due.legal_basis or ""
        if milestone is None:
            Milestone.objects.create(
                household=household, person_id=person_id, kind=kind, due_date=due.due,
                anchor_date=due.anchor_date, rule=due.rule, basis=basis, is_local=due.is_local,
            )
        elif not milestone.is_done and (
            milestone.due_date, milestone.rule_id, milestone.anchor_date
        ) != (due.due, due.rule.pk, due.anchor_date):
            milestone.due_date, milestone.rule, milestone.anchor_date = (
                due.due, due.rule, due.anchor_date
            )
            milestone.basis, milestone.is_local = basis, due.is_local
            milestone.save()
    stale = [m.pk for key, m in existing.items() if key not in wanted and not m.is_done]
    if stale:
        Milestone.objects.filter(pk__in=stale).delete()


RECOMPUTE_BATCH = 200


def milestones_recompute_open_cases(*, municipality_id: int | None) -> int:
    """Recompute every open case of a municipality (None: all), a bounded batch at a time.

    Each case is its own transaction, so a long run never holds locks for long and a crash
    leaves every case either recomputed or as it was; running it again is harmless.
    """
    households = Household.objects.open().select_related("municipality")
    if municipality_id is not None:
        households = households.filter(municipality_id=municipality_id)
    last_pk, done = 0, 0
    while True:
        batch = list(households.filter(pk__gt=last_pk).order_by("pk")[:RECOMPUTE_BATCH])
        if not batch:
            return done
        for household in batch:
            with transaction.atomic():
                milestones_recompute(household=household)
        done += len(batch)
        last_pk = batch[-1].pk


def rules_changed_listener(municipality_id: int | None) -> None:
    from reception.tasks import milestones_recompute_task

    enqueue_on_commit(milestones_recompute_task, municipality_id)


@transaction.atomic
def person_add(*, household: Household, actor: User, **fields) -> Person:
    _check_same_municipality(actor, household.municipality_id)
    person = Person(household=household, **{k: v for k, v in fields.items() if k in PERSON_FIELDS})
    person.full_clean()
    person.save()
    milestones_recompute(household=household)
    _audit(actor=actor, household=household, action=AuditAction.CREATE, obj=person,
           summary="Person added", fields=[k for k in fields if k in PERSON_FIELDS])
    return person


def _apply_changes(obj, values: dict, editable: tuple[str, ...]) -> list[str]:
    """Set the editable fields among `values`, validate, save; the names that changed."""
    before = {name: getattr(obj, name) for name in editable}
    for name, value in values.items():
        if name in editable:
            setattr(obj, name, value)
    obj.full_clean()
    obj.save()
    return changed_field_names(before, {name: getattr(obj, name) for name in editable})


@transaction.atomic
def person_update(*, person: Person, actor: User, **fields) -> Person:
    household = person.household
    _check_same_municipality(actor, household.municipality_id)
    changed = _apply_changes(person, fields, PERSON_FIELDS)
    if changed:
        milestones_recompute(household=household)
        _audit(actor=actor, household=household, action=AuditAction.UPDATE, obj=person,
               summary="Person changed", fields=changed)
    return person


@transaction.atomic
def person_cpr_reveal(*, person: Person, actor: User) -> str:
    """The person's full CPR number, for a caseworker who chose to see it: audit-logged."""
    household = person.household
    _check_same_municipality(actor, household.municipality_id)
    _audit(actor=actor, household=household, action=AuditAction.VIEW, obj=person,
           summary="CPR number shown")
    return person.cpr


def persons_cpr_reencrypt(*, batch_size: int = 1000) -> int:
    """After a key rotation: encrypt every CPR number made with an older key with the newest,
    and hash it again with the current CPR_HASH_KEY where that changed.

    Pages through the persons by primary key, a batch per transaction, so it can run on a
    live system and be stopped and run again; numbers already under the newest keys are left
    alone. The numbers do not change, so nothing is audit-logged. Returns how many changed.
    """
    changed, last_pk = 0, 0
    while True:
        with transaction.atomic():
            batch = list(
                Person.objects.select_for_update()
                .filter(pk__gt=last_pk).exclude(cpr_ciphertext="")
                .order_by("pk").only("pk", "cpr_ciphertext", "cpr_hash")[:batch_size]
            )
            if not batch:
                return changed
            stale = []
            for person in batch:
                digest = cpr_hash(cpr_decrypt(person.cpr_ciphertext))
                if digest != person.cpr_hash or cpr_needs_reencryption(person.cpr_ciphertext):
                    person.cpr_ciphertext = cpr_reencrypt(person.cpr_ciphertext)
                    person.cpr_hash = digest
                    stale.append(person)
            Person.objects.bulk_update(stale, ["cpr_ciphertext", "cpr_hash"])
        changed += len(stale)
        last_pk = batch[-1].pk


@transaction.atomic
def person_set_takeover_override(
    *, person: Person, actor: User, takeover_date: datetime.date | None, reason: str
) -> Person:
    """Set (or with None, clear) a takeover date by hand; a reason is required to set one."""
    household = person.household
    _check_same_municipality(actor, household.municipality_id)
    reason = reason.strip()
    if takeover_date is not None and not reason:
        raise ValidationError({"reason": _("Give a reason for setting the takeover date by hand.")})
    person.takeover_date_override = takeover_date
    person.takeover_override_reason = reason if takeover_date else ""
    person.save(update_fields=["takeover_date_override", "takeover_override_reason", "updated_at"])
    milestones_recompute(household=household)
    summary = "Takeover date set by hand" if takeover_date else "Takeover date override removed"
    _audit(actor=actor, household=household, action=AuditAction.UPDATE, obj=person,
           summary=summary, fields=["takeover_date_override", "takeover_override_reason"])
    return person


@transaction.atomic
def household_update(
    *,
    household: Household,
    actor: User,
    expected_arrival_date: datetime.date | None,
    placement_decision_date: datetime.date | None,
    address: str,
) -> Household:
    _check_same_municipality(actor, household.municipality_id)
    changed = _apply_changes(
        household,
        {"expected_arrival_date": expected_arrival_date,
         "placement_decision_date": placement_decision_date, "address": address},
        ("expected_arrival_date", "placement_decision_date", "address"),
    )
    if changed:
        milestones_recompute(household=household)
        _audit(actor=actor, household=household, action=AuditAction.UPDATE, obj=household,
               summary="Case details changed", fields=changed)
    return household


@transaction.atomic
def household_mark_arrived(
    *, household: Household, actor: User | None, arrival_date: datetime.date
) -> Household:
    """The household has arrived: milestones are computed and the welcome letter is sent."""
    if actor is not None:
        _check_same_municipality(actor, household.municipality_id)
    household = Household.objects.select_for_update().get(pk=household.pk)
    if household.status != HouseholdStatus.ANNOUNCED:
        raise ValidationError(_("This household has already been marked as arrived."))
    if arrival_date > timezone.localdate():
        raise ValidationError({"arrival_date": _("The arrival date cannot be in the future.")})
    if not household.persons.exists():
        raise ValidationError(
            _("Add the persons from the placement decision before marking the arrival.")
        )
    household.arrival_date = arrival_date
    _set_status(household, HouseholdStatus.ARRIVED, actor)
    milestones_recompute(household=household)
    _audit(actor=actor, household=household, action=AuditAction.UPDATE, obj=household,
           summary="Household arrived", fields=["arrival_date", "status"])
    from reception.tasks import welcome_letter_task

    enqueue_on_commit(welcome_letter_task, household.pk)
    return household


def _set_status(household: Household, status: str, actor: User | None) -> None:
    household.status = status
    household.status_changed_at = timezone.now()
    household.status_changed_by = actor
    household.save()


@transaction.atomic
def household_change_status(*, household: Household, actor: User, status: str) -> Household:
    """Move a case along announced → arrived → in programme → closed (arrival has its own)."""
    _check_same_municipality(actor, household.municipality_id)
    household = Household.objects.select_for_update().get(pk=household.pk)
    if status == HouseholdStatus.ARRIVED or status not in STATUS_TRANSITIONS[household.status]:
        raise ValidationError(_("A case cannot go from “%(old)s” to “%(new)s”.") % {
            "old": HouseholdStatus(household.status).label, "new": HouseholdStatus(status).label,
        })
    _set_status(household, status, actor)
    _audit(actor=actor, household=household, action=AuditAction.UPDATE, obj=household,
           summary=f"Status changed to {status}", fields=["status"])
    return household


@transaction.atomic
def household_assign_caseworker(
    *, household: Household, actor: User, caseworker: User | None
) -> Household:
    _check_same_municipality(actor, household.municipality_id)
    if caseworker is not None and (
        caseworker.municipality_id != household.municipality_id
        or not caseworker.is_caseworker
        or not caseworker.is_active
    ):
        raise ValidationError({"caseworker": _("Choose an active caseworker of the municipality.")})
    if household.caseworker_id == getattr(caseworker, "pk", None):
        return household
    household.caseworker = caseworker
    household.save(update_fields=["caseworker", "updated_at"])
    _audit(actor=actor, household=household, action=AuditAction.UPDATE, obj=household,
           summary="Caseworker assigned" if caseworker else "Caseworker removed",
           fields=["caseworker"])
    return household


@transaction.atomic
def milestone_complete(
    *, milestone: Milestone, actor: User, done_on: datetime.date, note: str = ""
) -> Milestone:
    household = milestone.household
    _check_same_municipality(actor, household.municipality_id)
    milestone = Milestone.objects.select_for_update().get(pk=milestone.pk)
    if milestone.is_done:
        raise ValidationError(_("This milestone is already done."))
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": _("The date cannot be in the future.")})
    milestone.done_on, milestone.done_by, milestone.note = done_on, actor, note.strip()
    milestone.save()
    _audit(actor=actor, household=household, action=AuditAction.UPDATE, obj=milestone,
           summary=f"Milestone done: {milestone.kind}", fields=["done_on", "note"])
    return milestone


@transaction.atomic
def journal_note_add(*, household: Household, actor: User, text: str) -> JournalNote:
    _check_same_municipality(actor, household.municipality_id)
    note = JournalNote(household=household, author=actor, text=text.strip())
    note.full_clean()
    note.save()
    _audit(actor=actor, household=household, action=AuditAction.CREATE, obj=note,
           summary="Journal note written")
    return note


def document_upload_check(uploaded_file: UploadedFile) -> str:
    """The content type of a case document, by its content: a readable PDF, PNG or JPEG of at
    most DOCUMENT_MAX_BYTES, whatever its name or declared type (ValidationError if not)."""
    try:
        kind = upload_check(uploaded_file, kinds=DOCUMENT_KINDS,
                            max_bytes=settings.DOCUMENT_MAX_BYTES)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    return kind.content_type


@transaction.atomic
def document_upload(
    *,
    household: Household,
    actor: User,
    uploaded_file: UploadedFile,
    document_type: str,
    person: Person | None = None,
) -> Document:
    _check_same_municipality(actor, household.municipality_id)
    if person is not None and person.household_id != household.pk:
        raise ValidationError({"person": _("The person is not in this household.")})
    content_type = document_upload_check(uploaded_file)
    document = Document(
        household=household, person=person, document_type=document_type,
        original_name=uploaded_file.name[:200], content_type=content_type,
        size=uploaded_file.size, uploaded_by=actor,
    )
    document.file.save(uploaded_file.name, uploaded_file, save=False)
    try:
        document.full_clean(exclude=["file"])
        document.save()
    except Exception:
        # If the database write fails, don't leave the file behind.
        document.file.delete(save=False)
        raise
    _audit(actor=actor, household=household, action=AuditAction.CREATE, obj=document,
           summary=f"Document uploaded: {document_type}")
    return document


def record_view(*, actor: User, household: Household, obj, action=AuditAction.VIEW) -> None:
    """Reading personal data is logged too (who looked at whom, when)."""
    _audit(actor=actor, household=household, action=action, obj=obj,
           summary="Viewed" if action == AuditAction.VIEW else "Downloaded")
