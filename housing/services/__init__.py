"""Writes of housing data. Every write is validated, atomic and audit-logged."""

from housing.services.configuration import (
    guideline_save,
    quota_set,
    service_frame_item_delete,
    service_frame_item_save,
)
from housing.services.placements import (
    checklist_update,
    moving_help_request,
    placement_cancel,
    placement_move_in,
    placement_move_out,
    placement_reserve,
)
from housing.services.stock import (
    place_create,
    place_delete,
    place_update,
    private_host_create,
    private_host_update,
    unit_create,
    unit_update,
)

__all__ = [
    "checklist_update",
    "guideline_save",
    "moving_help_request",
    "place_create",
    "place_delete",
    "place_update",
    "placement_cancel",
    "placement_move_in",
    "placement_move_out",
    "placement_reserve",
    "private_host_create",
    "private_host_update",
    "quota_set",
    "service_frame_item_delete",
    "service_frame_item_save",
    "unit_create",
    "unit_update",
]
