"""What every housing write starts with: the actor may act, in their own municipality."""

from __future__ import annotations

from typing import TYPE_CHECKING

from integration_portal.accounts.permissions import Perm, can

if TYPE_CHECKING:
    from integration_portal.accounts.models import User


def require(actor: User, perm: Perm, municipality_id: int) -> None:
    if actor.municipality_id != municipality_id:
        raise PermissionError("A user may only change their own municipality's housing")
    if not can(actor, perm):
        raise PermissionError(f"The user lacks the permission {perm}")


def apply_fields(obj, values: dict, editable: tuple[str, ...]) -> dict:
    """Set the editable fields among `values`; the values before, for the audit."""
    unknown = set(values) - set(editable)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    before = {name: getattr(obj, name) for name in editable}
    for name, value in values.items():
        setattr(obj, name, value)
    return before
