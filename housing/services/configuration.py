"""Writes of a municipality's housing configuration: placement guidelines, the service frame
and the yearly quota. Managers (Perm.MANAGE_MUNICIPALITY) make them: the guidelines and the
service frame are the municipality's policy, the quota is decided by KKR or the Immigration
Service, and none of it is day-to-day casework."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from housing.models import PlacementGuideline, Quota, ServiceFrameItem
from integration_portal.accounts.permissions import Perm, require
from integration_portal.audit.models import AuditAction
from integration_portal.audit.services import audit_record, changed_field_names
from integration_portal.core.services import apply_fields

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality, User

GUIDELINE_FIELDS = (
    "weight_school", "weight_daycare", "weight_shop", "weight_transport", "weight_network",
    "weight_size", "weight_spread", "good_distance_km", "max_distance_km",
    "max_persons_per_room", "step_free_required", "exclude_deprived_for_permanent",
    "spread_full_at", "note",
)
FRAME_FIELDS = ("name", "quantity", "per_person", "for_temporary", "for_permanent", "position")


@transaction.atomic
def guideline_save(*, municipality: Municipality, actor: User | None,
                   **fields) -> PlacementGuideline:
    """Store the municipality's guideline (the first save replaces the built-in default).

    `actor` None is the system seeding demo data.
    """
    if actor is not None:
        require(actor, Perm.MANAGE_MUNICIPALITY, municipality_id=municipality.pk)
    guideline = (PlacementGuideline.objects.select_for_update()
                 .filter(municipality=municipality).first()
                 or PlacementGuideline(municipality=municipality))
    created = guideline.pk is None
    before = apply_fields(guideline, fields, GUIDELINE_FIELDS)
    guideline.updated_by = actor
    guideline.full_clean()
    guideline.save()
    changed = changed_field_names(before, {n: getattr(guideline, n) for n in GUIDELINE_FIELDS})
    if created or changed:
        audit_record(actor=actor, municipality=municipality,
                     action=AuditAction.CREATE if created else AuditAction.UPDATE,
                     obj=guideline, summary="Placement guidelines saved", changed_fields=changed)
    return guideline


@transaction.atomic
def service_frame_item_save(*, municipality: Municipality, actor: User | None,
                            item: ServiceFrameItem | None = None, **fields) -> ServiceFrameItem:
    """Add an item to the service frame, or change `item`."""
    if actor is not None:
        require(actor, Perm.MANAGE_MUNICIPALITY, municipality_id=municipality.pk)
    if item is not None and item.municipality_id != municipality.pk:
        raise PermissionError("The item belongs to another municipality")
    item = item or ServiceFrameItem(municipality=municipality)
    created = item.pk is None
    before = apply_fields(item, fields, FRAME_FIELDS)
    item.full_clean()
    item.save()
    changed = changed_field_names(before, {n: getattr(item, n) for n in FRAME_FIELDS})
    if actor is not None and (created or changed):
        audit_record(actor=actor, municipality=municipality,
                     action=AuditAction.CREATE if created else AuditAction.UPDATE, obj=item,
                     summary="Service frame item saved", changed_fields=changed)
    return item


@transaction.atomic
def service_frame_item_delete(*, item: ServiceFrameItem, actor: User) -> None:
    """Remove an item. Checklists already made keep their copy of it."""
    require(actor, Perm.MANAGE_MUNICIPALITY, municipality_id=item.municipality_id)
    audit_record(actor=actor, municipality=item.municipality, action=AuditAction.DELETE,
                 obj=item, summary=f"Service frame item removed: {item.name}")
    item.delete()


@transaction.atomic
def quota_set(*, municipality: Municipality, actor: User | None, year: int, category: str,
              persons: int, note: str = "") -> Quota:
    """Set the number of persons the municipality receives in a year and category."""
    if actor is not None:
        require(actor, Perm.MANAGE_MUNICIPALITY, municipality_id=municipality.pk)
    quota = (Quota.objects.select_for_update()
             .filter(municipality=municipality, year=year, category=category).first()
             or Quota(municipality=municipality, year=year, category=category))
    created = quota.pk is None
    before = {"persons": quota.persons, "note": quota.note}
    quota.persons, quota.note, quota.updated_by = persons, note.strip(), actor
    quota.full_clean()
    quota.save()
    changed = changed_field_names(before, {"persons": quota.persons, "note": quota.note})
    if created or changed:
        audit_record(actor=actor, municipality=municipality,
                     action=AuditAction.CREATE if created else AuditAction.UPDATE, obj=quota,
                     summary=f"Quota {year} {category} set to {persons}",
                     changed_fields=changed)
    return quota
