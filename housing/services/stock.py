"""Writes of the housing stock: homes, private hosts and places."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from housing.matching import peak_load
from housing.models import HousingUnit, Place, Placement, PlacementStatus, PrivateHost
from integration_portal.accounts.permissions import Perm, require
from integration_portal.audit.models import AuditAction
from integration_portal.audit.services import audit_record, changed_field_names
from integration_portal.core.formats import short_date
from integration_portal.core.services import apply_fields
from reception.services import case_trail

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality, User

UNIT_FIELDS = (
    "address", "postcode", "town", "area", "latitude", "longitude", "kind", "rooms", "size_m2",
    "rent_dkk", "step_free", "capacity", "landlord_kind", "landlord_name", "private_host",
    "available_from", "available_until", "deprived_area", "notes",
)
HOST_FIELDS = ("name", "email", "phone", "agreement_signed_on", "agreement_ends_on", "note")
PLACE_FIELDS = ("kind", "name", "latitude", "longitude", "household", "languages", "note")


@transaction.atomic
def unit_create(*, municipality: Municipality, actor: User, **fields) -> HousingUnit:
    require(actor, Perm.WORK_ON_CASES, municipality_id=municipality.pk)
    unit = HousingUnit(municipality=municipality)
    apply_fields(unit, fields, UNIT_FIELDS)
    unit.full_clean()
    unit.save()
    audit_record(actor=actor, municipality=municipality, action=AuditAction.CREATE, obj=unit,
                 summary="Home added to the housing stock")
    return unit


@transaction.atomic
def unit_update(*, unit: HousingUnit, actor: User, **fields) -> HousingUnit:
    """Change a home. Its capacity cannot drop below the persons placed there from today on,
    nor its availability end before a household placed there moves out."""
    require(actor, Perm.WORK_ON_CASES, municipality_id=unit.municipality_id)
    # The lock makes a placement wait while the capacity changes, and the other way round.
    unit = HousingUnit.objects.select_for_update().get(pk=unit.pk)
    before = apply_fields(unit, fields, UNIT_FIELDS)
    unit.full_clean()
    today = timezone.localdate()
    upcoming = Placement.objects.filter(unit=unit).overlapping(today, None)
    if unit.capacity < before["capacity"]:
        intervals = list(upcoming.values_list("starts_on", "ends_on", "persons"))
        days = sorted({today} | {start for start, _, _ in intervals if start > today})
        for day in days:
            load = peak_load(intervals, day, day + datetime.timedelta(days=1))
            if load > unit.capacity:
                raise ValidationError({"capacity": _(
                    "%(persons)s persons are placed or reserved here on %(date)s; the capacity "
                    "cannot be lower.") % {"persons": load, "date": short_date(day)}})
    if unit.available_until is not None:
        later = (upcoming.filter(status__in=[PlacementStatus.RESERVED, PlacementStatus.ACTIVE])
                 .filter(Q(ends_on__isnull=True) | Q(ends_on__gt=unit.available_until)).first())
        if later is not None:
            raise ValidationError({"available_until": _(
                "A household is placed here beyond that date (from %(date)s). End or move "
                "that placement first.") % {"date": short_date(later.starts_on)}})
    unit.save()
    changed = changed_field_names(before, {name: getattr(unit, name) for name in UNIT_FIELDS})
    if changed:
        audit_record(actor=actor, municipality=unit.municipality, action=AuditAction.UPDATE,
                     obj=unit, summary="Home changed", changed_fields=changed)
    return unit


@transaction.atomic
def private_host_create(*, municipality: Municipality, actor: User, **fields) -> PrivateHost:
    require(actor, Perm.WORK_ON_CASES, municipality_id=municipality.pk)
    host = PrivateHost(municipality=municipality)
    apply_fields(host, fields, HOST_FIELDS)
    host.full_clean()
    host.save()
    audit_record(actor=actor, municipality=municipality, action=AuditAction.CREATE, obj=host,
                 summary="Private host registered")
    return host


@transaction.atomic
def private_host_update(*, host: PrivateHost, actor: User, **fields) -> PrivateHost:
    require(actor, Perm.WORK_ON_CASES, municipality_id=host.municipality_id)
    before = apply_fields(host, fields, HOST_FIELDS)
    host.full_clean()
    host.save()
    changed = changed_field_names(before, {name: getattr(host, name) for name in HOST_FIELDS})
    if changed:
        audit_record(actor=actor, municipality=host.municipality, action=AuditAction.UPDATE,
                     obj=host, summary="Private host changed", changed_fields=changed)
    return host


def _place_trail(place: Place) -> str | None:
    # Where a household's relatives live is about that household: it goes on the case trail.
    return case_trail(place.household_id) if place.household_id else None


@transaction.atomic
def place_create(*, municipality: Municipality, actor: User, **fields) -> Place:
    require(actor, Perm.WORK_ON_CASES, municipality_id=municipality.pk)
    place = Place(municipality=municipality)
    apply_fields(place, fields, PLACE_FIELDS)
    place.full_clean()
    place.save()
    audit_record(actor=actor, municipality=municipality, action=AuditAction.CREATE, obj=place,
                 trail=_place_trail(place), summary=f"Place registered: {place.kind}")
    return place


@transaction.atomic
def place_update(*, place: Place, actor: User, **fields) -> Place:
    require(actor, Perm.WORK_ON_CASES, municipality_id=place.municipality_id)
    before = apply_fields(place, fields, PLACE_FIELDS)
    place.full_clean()
    place.save()
    changed = changed_field_names(before, {name: getattr(place, name) for name in PLACE_FIELDS})
    if changed:
        audit_record(actor=actor, municipality=place.municipality, action=AuditAction.UPDATE,
                     obj=place, trail=_place_trail(place), summary="Place changed",
                     changed_fields=changed)
    return place


@transaction.atomic
def place_delete(*, place: Place, actor: User) -> None:
    require(actor, Perm.WORK_ON_CASES, municipality_id=place.municipality_id)
    audit_record(actor=actor, municipality=place.municipality, action=AuditAction.DELETE,
                 obj=place, trail=_place_trail(place), summary=f"Place removed: {place.kind}")
    place.delete()
