from __future__ import annotations

from typing import TYPE_CHECKING

from integration_portal.audit.models import AuditEvent, AuditEventQuerySet

if TYPE_CHECKING:
    from integration_portal.accounts.models import User


def audit_trail(*, viewer: User, trail: str) -> AuditEventQuerySet:
    return AuditEvent.objects.visible_to(viewer).filter(trail=trail).select_related("actor")
