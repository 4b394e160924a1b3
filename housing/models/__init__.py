from housing.models.guidelines import PlacementGuideline, ServiceFrameItem
from housing.models.placements import (
    OCCUPYING_STATUSES,
    ChecklistItem,
    Placement,
    PlacementQuerySet,
    PlacementStatus,
)
from housing.models.places import NETWORK_KINDS, TRANSPORT_KINDS, Place, PlaceKind
from housing.models.quotas import QUOTA_BASES, Quota, QuotaCategory
from housing.models.stock import (
    TEMPORARY_KINDS,
    HousingUnit,
    LandlordKind,
    PrivateHost,
    UnitKind,
)

__all__ = [
    "NETWORK_KINDS",
    "OCCUPYING_STATUSES",
    "QUOTA_BASES",
    "TEMPORARY_KINDS",
    "TRANSPORT_KINDS",
    "ChecklistItem",
    "HousingUnit",
    "LandlordKind",
    "Place",
    "PlaceKind",
    "Placement",
    "PlacementGuideline",
    "PlacementQuerySet",
    "PlacementStatus",
    "PrivateHost",
    "Quota",
    "QuotaCategory",
    "ServiceFrameItem",
    "UnitKind",
]
