"""Writes of placements: reserve → move in → move out (or cancel), the move-in checklist and
asking volunteers for moving help.

The capacity guarantee: every write that makes a placement occupy more (a reservation, a
move-in on another day, a later move-out) first locks the home's row (SELECT … FOR UPDATE)
and then counts the persons of the placements overlapping the new period, inside the same
transaction. A second writer for the same home waits on the lock and then counts what the
first one committed, so two reservations can never both take the last places. On PostgreSQL
a trigger (migration 0002) repeats the check on every write to the table, so a write that
bypasses these services cannot overfill a home either. (SQLite runs one writer at a time.)

Which checks are here and which only in the matching: the law and the physical facts are
enforced here (availability, capacity, no temporary housing in a deprived area, shared
rooms for single adults, a host agreement); the guideline's preferences (rooms per person,
step-free access) rule homes out of the matching list, from which reservations are made.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from housing.matching import ADULT_AGE, peak_load
from housing.models import (
    ChecklistItem,
    HousingUnit,
    Placement,
    PlacementStatus,
    ServiceFrameItem,
    UnitKind,
)
from housing.selectors import household_needs, open_permanent_home_milestones
from integration_portal.accounts.permissions import Perm, require
from integration_portal.audit.models import AuditAction
from integration_portal.audit.services import audit_record
from integration_portal.core.formats import short_date
from reception.models import HouseholdStatus
from reception.services import case_trail, milestone_complete

if TYPE_CHECKING:
    from integration_portal.accounts.models import User
    from reception.models import Household
    from volunteers.models import Task

MOVING_TASK_KIND = "moving"
CHILD_CERTIFICATE_AGE = 15


def _audit(*, actor: User | None, placement: Placement, action: AuditAction, summary: str,
           fields=()) -> None:
    household = placement.household
    audit_record(actor=actor, municipality=household.municipality, action=action,
                 obj=placement, trail=case_trail(household), summary=summary,
                 changed_fields=fields)


def _lock_unit(unit: HousingUnit) -> HousingUnit:
    return HousingUnit.objects.select_for_update(of=("self",)).get(pk=unit.pk)


def _lock_placement(placement: Placement) -> Placement:
    return (Placement.objects.select_for_update(of=("self",))
            .select_related("household__municipality", "unit").get(pk=placement.pk))


def _check_capacity(*, unit: HousingUnit, persons: int, starts_on: datetime.date,
                    ends_on: datetime.date | None, exclude_pk: int | None = None) -> None:
    """Refuse when the home has too few places left in [starts_on, ends_on).

    Call with the home's row locked: the count must see every placement committed before
    the lock was granted.
    """
    overlapping = Placement.objects.filter(unit=unit).overlapping(starts_on, ends_on)
    if exclude_pk is not None:
        overlapping = overlapping.exclude(pk=exclude_pk)
    taken = peak_load(overlapping.values_list("starts_on", "ends_on", "persons"),
                      starts_on, ends_on)
    if taken + persons > unit.capacity:
        raise ValidationError(_(
            "The home is full for those dates: %(taken)s of its %(capacity)s places are taken, "
            "and the household is %(persons)s persons. Choose other dates or another home."
        ) % {"taken": taken, "capacity": unit.capacity, "persons": persons}, code="full")


def _check_home_allows(*, unit: HousingUnit, household: Household, ages: tuple[int, ...],
                       starts_on: datetime.date, ends_on: datetime.date | None) -> None:
    if unit.available_from > starts_on:
        raise ValidationError({"starts_on": _("The home is available only from %(date)s.") % {
            "date": short_date(unit.available_from)}})
    if unit.available_until is not None and unit.available_until < (ends_on or starts_on):
        raise ValidationError({"ends_on": _(
            "The home is available only until %(date)s: give a move-out by then.") % {
            "date": short_date(unit.available_until)}})
    if unit.deprived_area and not unit.is_permanent:
        raise ValidationError(_("Temporary housing may not be in a deprived area (udsat "
                                "boligområde, INL § 12)."))
    if unit.kind == UnitKind.SHARED_ROOM and not (len(ages) == 1 and ages[0] >= ADULT_AGE):
        raise ValidationError(_("A shared room is only for a single adult."))
    if unit.private_host_id and not unit.private_host.agreement_covers(starts_on, ends_on):
        raise ValidationError(_("The agreement with the host does not cover these dates."))


def _check_period(starts_on: datetime.date, ends_on: datetime.date | None) -> None:
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The move-out cannot be before the move-in.")})


@transaction.atomic
def placement_reserve(
    *,
    household: Household,
    unit: HousingUnit,
    actor: User,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    note: str = "",
) -> Placement:
    """Reserve a home for a household from `starts_on` to `ends_on` (None: open-ended)."""
    require(actor, Perm.WORK_ON_CASES, municipality_id=household.municipality_id)
    if unit.municipality_id != household.municipality_id:
        raise ValidationError(_("The home and the case belong to different municipalities."))
    if household.status == HouseholdStatus.CLOSED:
        raise ValidationError(_("The case is closed: it cannot be given a home."))
    _check_period(starts_on, ends_on)
    needs = household_needs(household=household, on=starts_on)
    if not needs.persons:
        raise ValidationError(_("Register the household's persons, or its arrival notice, "
                                "before giving it a home."))
    if Placement.objects.filter(household=household, status=PlacementStatus.RESERVED).exists():
        raise ValidationError(_("The household already has a reserved home. Cancel that "
                                "reservation first."))
    unit = _lock_unit(unit)
    _check_home_allows(unit=unit, household=household, ages=needs.ages, starts_on=starts_on,
                       ends_on=ends_on)
    _check_capacity(unit=unit, persons=needs.persons, starts_on=starts_on, ends_on=ends_on)
    placement = Placement(
        household=household, unit=unit, is_permanent=unit.is_permanent,
        status=PlacementStatus.RESERVED, starts_on=starts_on, ends_on=ends_on,
        persons=needs.persons, note=note.strip(), created_by=actor,
        status_changed_at=timezone.now(), status_changed_by=actor,
    )
    placement.full_clean()
    placement.save()
    _make_checklist(placement)
    _audit(actor=actor, placement=placement, action=AuditAction.CREATE,
           summary="Home reserved (permanent)" if placement.is_permanent
           else "Home reserved (temporary)")
    return placement


def _make_checklist(placement: Placement) -> None:
    items = ServiceFrameItem.objects.in_municipality(placement.unit.municipality_id)
    items = items.filter(for_permanent=True) if placement.is_permanent else items.filter(
        for_temporary=True)
    ChecklistItem.objects.bulk_create(
        ChecklistItem(placement=placement, name=item.name, position=item.position,
                      quantity=item.quantity_for(placement.persons))
        for item in items.order_by("position", "name", "pk")
    )


def _set_status(placement: Placement, status: str, actor: User) -> None:
    placement.status = status
    placement.status_changed_at = timezone.now()
    placement.status_changed_by = actor


@transaction.atomic
def placement_move_in(*, placement: Placement, actor: User,
                      moved_in_on: datetime.date) -> Placement:
    """The household has moved into a reserved home. The home it lived in until then is
    moved out of on the same day; moving into a permanent home completes the case's
    "permanent home" milestones."""
    require(actor, Perm.WORK_ON_CASES, municipality_id=placement.unit.municipality_id)
    placement = _lock_placement(placement)
    if placement.status != PlacementStatus.RESERVED:
        raise ValidationError(_("Only a reserved home can be moved into."))
    if moved_in_on > timezone.localdate():
        raise ValidationError({"moved_in_on": _(
            "The move-in cannot be in the future. Record it on the day it happens.")})
    if placement.ends_on is not None and moved_in_on > placement.ends_on:
        raise ValidationError({"moved_in_on": _(
            "The move-in cannot be after the planned move-out (%(date)s).") % {
            "date": short_date(placement.ends_on)}})
    if moved_in_on != placement.starts_on:
        unit = _lock_unit(placement.unit)
        if unit.available_from > moved_in_on:
            raise ValidationError({"moved_in_on": _(
                "The home is available only from %(date)s.") % {
                "date": short_date(unit.available_from)}})
        _check_capacity(unit=unit, persons=placement.persons, starts_on=moved_in_on,
                        ends_on=placement.ends_on, exclude_pk=placement.pk)
    household = placement.household
    current = (Placement.objects.select_for_update(of=("self",))
               .filter(household=household, status=PlacementStatus.ACTIVE).first())
    if current is not None:
        if moved_in_on < current.starts_on:
            raise ValidationError({"moved_in_on": _(
                "The household moved into its current home on %(date)s; the move to the new "
                "one cannot be earlier.") % {"date": short_date(current.starts_on)}})
        _set_status(current, PlacementStatus.ENDED, actor)
        if current.ends_on is None or current.ends_on > moved_in_on:
            current.ends_on = moved_in_on
        current.save()
        _audit(actor=actor, placement=current, action=AuditAction.UPDATE,
               summary="Moved out (moved into another home)", fields=["status", "ends_on"])
    _set_status(placement, PlacementStatus.ACTIVE, actor)
    placement.starts_on = moved_in_on
    placement.full_clean()
    placement.save()
    _audit(actor=actor, placement=placement, action=AuditAction.UPDATE,
           summary="Moved in (permanent home)" if placement.is_permanent
           else "Moved in (temporary housing)", fields=["status", "starts_on"])
    if placement.is_permanent:
        for milestone in open_permanent_home_milestones(household=household):
            milestone_complete(milestone=milestone, actor=actor, done_on=moved_in_on,
                               note=_("Moved into a permanent home in %(town)s.") % {
                                   "town": placement.unit.town})
    return placement


@transaction.atomic
def placement_move_out(*, placement: Placement, actor: User,
                       moved_out_on: datetime.date) -> Placement:
    """The household has moved out of the home it lived in."""
    require(actor, Perm.WORK_ON_CASES, municipality_id=placement.unit.municipality_id)
    placement = _lock_placement(placement)
    if placement.status != PlacementStatus.ACTIVE:
        raise ValidationError(_("Only a home the household lives in can be moved out of."))
    if moved_out_on < placement.starts_on:
        raise ValidationError({"moved_out_on": _(
            "The move-out cannot be before the move-in (%(date)s).") % {
            "date": short_date(placement.starts_on)}})
    if moved_out_on > timezone.localdate():
        raise ValidationError({"moved_out_on": _(
            "The move-out cannot be in the future. Record it on the day it happens.")})
    if placement.ends_on is not None and moved_out_on > placement.ends_on:
        # Staying longer than planned takes places someone else may have reserved.
        _check_capacity(unit=_lock_unit(placement.unit), persons=placement.persons,
                        starts_on=placement.starts_on, ends_on=moved_out_on,
                        exclude_pk=placement.pk)
    _set_status(placement, PlacementStatus.ENDED, actor)
    placement.ends_on = moved_out_on
    placement.full_clean()
    placement.save()
    _audit(actor=actor, placement=placement, action=AuditAction.UPDATE, summary="Moved out",
           fields=["status", "ends_on"])
    return placement


@transaction.atomic
def placement_cancel(*, placement: Placement, actor: User) -> Placement:
    require(actor, Perm.WORK_ON_CASES, municipality_id=placement.unit.municipality_id)
    placement = _lock_placement(placement)
    if placement.status != PlacementStatus.RESERVED:
        raise ValidationError(_("Only a reservation can be cancelled."))
    _set_status(placement, PlacementStatus.CANCELLED, actor)
    placement.save()
    _audit(actor=actor, placement=placement, action=AuditAction.UPDATE,
           summary="Reservation cancelled", fields=["status"])
    return placement


@transaction.atomic
def checklist_update(*, placement: Placement, actor: User, delivered: set[int],
                     on: datetime.date) -> Placement:
    """Tick off the items in `delivered` (ids) as delivered on `on`; untick the others."""
    require(actor, Perm.WORK_ON_CASES, municipality_id=placement.unit.municipality_id)
    placement = _lock_placement(placement)
    if placement.status == PlacementStatus.CANCELLED:
        raise ValidationError(_("The reservation is cancelled: its checklist is closed."))
    items = ChecklistItem.objects.filter(placement=placement)
    unknown = set(delivered) - set(items.values_list("pk", flat=True))
    if unknown:
        raise ValidationError(_("The checklist has no such item."))
    ticked = items.filter(pk__in=delivered, delivered_on__isnull=True).update(delivered_on=on)
    unticked = items.exclude(pk__in=delivered).filter(delivered_on__isnull=False).update(
        delivered_on=None)
    if ticked or unticked:
        _audit(actor=actor, placement=placement, action=AuditAction.UPDATE,
               summary=f"Move-in checklist: {ticked} delivered, {unticked} undone",
               fields=["checklist"])
    return placement


def moving_task_kind(*, municipality_id: int):
    """The municipality's own "moving" task kind, or the national one."""
    from volunteers.models import TaskKind

    return (TaskKind.objects.for_municipality(municipality_id).filter(code=MOVING_TASK_KIND)
            .order_by(F("municipality").asc(nulls_last=True)).first())


def involves_children(*, household: Household, on: datetime.date) -> bool:
    """Volunteers helping this household meet children under 15 (child certificate)."""
    return any(age < CHILD_CERTIFICATE_AGE
               for age in household_needs(household=household, on=on).ages)


@transaction.atomic
def moving_help_request(
    *,
    placement: Placement,
    actor: User,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    title: str,
    description: str,
    languages: list[str],
    involves_children_under_15: bool,
    estimated_hours: Decimal | None,
) -> Task:
    """Ask volunteers for help with a move, through the volunteers app.

    The task crosses the privacy wall: its area is the home's postcode and town, never the
    address, and the volunteers service refuses a title or description with personal data.
    """
    from volunteers.services import task_create

    require(actor, Perm.WORK_ON_CASES, municipality_id=placement.unit.municipality_id)
    placement = _lock_placement(placement)
    if placement.status not in (PlacementStatus.RESERVED, PlacementStatus.ACTIVE):
        raise ValidationError(_("Moving help can only be asked for a move that is coming or "
                                "has just happened."))
    if placement.moving_task_id is not None:
        raise ValidationError(_("Volunteers have already been asked to help with this move."))
    kind = moving_task_kind(municipality_id=placement.unit.municipality_id)
    if kind is None:
        raise ValidationError(_("There is no task kind for moving help (code “moving”). Ask "
                                "an administrator to add it."))
    unit = placement.unit
    task = task_create(
        municipality=placement.household.municipality, actor=actor, kind=kind, title=title,
        description=description, area=f"{unit.postcode} {unit.town}", starts_at=starts_at,
        ends_at=ends_at, languages=languages,
        involves_children_under_15=involves_children_under_15,
        estimated_hours=estimated_hours, household=placement.household,
    )
    placement.moving_task = task
    placement.save(update_fields=["moving_task"])
    _audit(actor=actor, placement=placement, action=AuditAction.UPDATE,
           summary="Volunteers asked for moving help", fields=["moving_task"])
    return task
