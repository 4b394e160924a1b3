from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import models

from integration_portal.audit.models import AuditAction, AuditEvent

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality, User


def trail_key(obj: models.Model) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def audit_record(
    *,
    actor: User | None,
    municipality: Municipality,
    action: AuditAction,
    obj: models.Model,
    trail: str | None = None,
    summary: str = "",
    changed_fields: Iterable[str] = (),
) -> AuditEvent:
    """Append one event. Call it inside the transaction of the write it records."""
    event = _event(actor=actor, municipality=municipality, action=action, obj=obj, trail=trail,
                   summary=summary, changed_fields=changed_fields)
    event.save()
    return event


def audit_record_many(
    *,
    actor: User | None,
    municipality: Municipality | int,
    action: AuditAction,
    objects: Iterable[tuple[models.Model, str | None]],
    summary: str = "",
) -> list[AuditEvent]:
    """Append one event per (object, trail) in one insert: a page of persons read through the
    API, a bundle of letters downloaded. The query count stays the same for any page size."""
    return AuditEvent.objects.bulk_create([
        _event(actor=actor, municipality=municipality, action=action, obj=obj, trail=trail,
               summary=summary)
        for obj, trail in objects
    ])


def _event(*, actor, municipality, action, obj, trail, summary, changed_fields=()) -> AuditEvent:
    return AuditEvent(
        actor=actor if actor is not None and actor.is_authenticated else None,
        municipality_id=getattr(municipality, "pk", municipality),
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        trail=trail or trail_key(obj),
        summary=summary[:300],
        changed_fields=sorted(changed_fields),
    )


def changed_field_names(before: dict, after: dict) -> list[str]:
    return sorted(name for name in after if before.get(name) != after[name])
