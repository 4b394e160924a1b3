"""Read-only administration of housing data.

Homes, placements, hosts and places are written through the portal's services, which check
the municipality, keep capacity and write the audit log; managers edit the guidelines, the
service frame and the quota in the portal too. Administrators look here, they do not edit.
"""

from django.contrib import admin

from housing.models import (
    HousingUnit,
    Place,
    Placement,
    PlacementGuideline,
    PrivateHost,
    Quota,
    ServiceFrameItem,
)
from integration_portal.core.admin import ReadOnlyAdmin


@admin.register(HousingUnit)
class HousingUnitAdmin(ReadOnlyAdmin):
    list_display = ("address", "town", "municipality", "kind", "rooms", "capacity",
                    "deprived_area")
    list_filter = ("municipality", "kind", "deprived_area", "step_free")
    search_fields = ("address", "town", "postcode")
    list_select_related = ("municipality",)


@admin.register(Placement)
class PlacementAdmin(ReadOnlyAdmin):
    list_display = ("household", "unit", "status", "is_permanent", "starts_on", "ends_on",
                    "persons")
    list_filter = ("status", "is_permanent", "unit__municipality")
    search_fields = ("household__reference",)
    list_select_related = ("household", "unit")
    fields = ("household", "unit", "status", "is_permanent", "starts_on", "ends_on", "persons")


@admin.register(PrivateHost)
class PrivateHostAdmin(ReadOnlyAdmin):
    list_display = ("name", "municipality", "agreement_signed_on", "agreement_ends_on")
    list_filter = ("municipality",)
    list_select_related = ("municipality",)
    fields = ("name", "municipality", "agreement_signed_on", "agreement_ends_on")


@admin.register(Place)
class PlaceAdmin(ReadOnlyAdmin):
    list_display = ("name", "kind", "municipality")
    list_filter = ("municipality", "kind")
    list_select_related = ("municipality",)
    # A network place may name a household's relatives: not shown here.
    fields = ("name", "kind", "municipality", "latitude", "longitude")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(household__isnull=True)


@admin.register(PlacementGuideline)
class PlacementGuidelineAdmin(ReadOnlyAdmin):
    list_display = ("municipality", "updated_at", "updated_by")
    list_select_related = ("municipality", "updated_by")


@admin.register(ServiceFrameItem)
class ServiceFrameItemAdmin(ReadOnlyAdmin):
    list_display = ("name", "municipality", "quantity", "per_person", "for_temporary",
                    "for_permanent")
    list_filter = ("municipality",)
    list_select_related = ("municipality",)


@admin.register(Quota)
class QuotaAdmin(ReadOnlyAdmin):
    list_display = ("municipality", "year", "category", "persons")
    list_filter = ("municipality", "year", "category")
    list_select_related = ("municipality",)
