"""`/api/v1/housing-units/` and `/api/v1/placements/`: the housing stock and who lives where.

Read-only for now, for staff who may view cases (as the housing pages): homes are added and
households placed on the pages, where the capacity check, the matching and the move-in
checklist guide the caseworker.
"""

from __future__ import annotations

import datetime

from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from housing import selectors
from housing.models import HousingUnit, Placement, PlacementStatus, UnitKind
from housing.selectors import UnitFilters
from integration_portal.accounts.permissions import Perm
from integration_portal.api.filters import IdFilter
from integration_portal.api.permissions import requires

# The homes.


class HousingUnitSerializer(serializers.ModelSerializer):
    area = serializers.CharField(
        source="spread_area", read_only=True,
        help_text=_("The district the home lies in; the town when no district is given."),
    )
    landlord = serializers.CharField(
        source="landlord_label", read_only=True,
        help_text=_("The landlord's name, the private host's, or the kind of landlord."),
    )
    persons_now = serializers.IntegerField(
        read_only=True, help_text=_("How many persons live in the home today."))

    class Meta:
        model = HousingUnit
        fields = ("id", "kind", "address", "postcode", "town", "area", "latitude", "longitude",
                  "rooms", "size_m2", "rent_dkk", "step_free", "capacity", "persons_now",
                  "landlord_kind", "landlord", "available_from", "available_until",
                  "deprived_area", "updated_at")
        read_only_fields = fields


def _in_stock_on(day: datetime.date) -> Q:
    return Q(Q(available_until__isnull=True) | Q(available_until__gte=day),
             available_from__lte=day)


class HousingUnitFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=UnitKind.choices, help_text=_("Only homes of this kind."))
    area = filters.CharFilter(
        method="filter_area",
        help_text=_("Only homes in this district, or in this town when they have no district "
                    "(the whole name, in any case)."),
    )
    available = filters.BooleanFilter(
        method="filter_available",
        help_text=_("true: only homes in the stock today where fewer persons live than the "
                    "home has room for; false: only the others."),
    )
    available_on = filters.DateFilter(
        method="filter_available_on",
        help_text=_("Only homes in the stock on this day (available from it and not ended)."),
    )

    class Meta:
        model = HousingUnit
        fields = ("kind", "area", "available", "available_on")

    def filter_area(self, queryset, name, value):
        # The area households are spread by (HousingUnit.spread_area).
        return queryset.filter(Q(area__iexact=value) | Q(area="", town__iexact=value))

    def filter_available(self, queryset, name, value):
        # `persons_now` is the selector's annotation: the persons living there today.
        available = _in_stock_on(timezone.localdate()) & Q(persons_now__lt=F("capacity"))
        return queryset.filter(available) if value else queryset.exclude(available)

    def filter_available_on(self, queryset, name, value):
        return queryset.filter(_in_stock_on(value))


@extend_schema_view(
    list=extend_schema(summary=_("Homes"),
                       description=_("The municipality's housing stock, by town and address, "
                                     "with how many persons live in each home today.")),
    retrieve=extend_schema(summary=_("One home")),
)
class HousingUnitViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [requires(Perm.VIEW_CASES)]
    serializer_class = HousingUnitSerializer
    filterset_class = HousingUnitFilter
    queryset = HousingUnit.objects.none()  # for the schema; get_queryset scopes every request

    def get_queryset(self):
        return selectors.unit_list(user=self.request.user, filters=UnitFilters(),
                                   today=timezone.localdate())


# The placements.


class PlacementKind:
    """A placement's kind: the home's, as it was when the home was reserved."""

    PERMANENT = "permanent"
    TEMPORARY = "temporary"
    choices = ((PERMANENT, _("Permanent home")), (TEMPORARY, _("Temporary housing")))


class PlacementSerializer(serializers.ModelSerializer):
    household_reference = serializers.CharField(
        source="household.reference", read_only=True, help_text=_("The case's reference number."))
    unit_address = serializers.StringRelatedField(
        source="unit", help_text=_("The home's address, postcode and town."))
    kind = serializers.SerializerMethodField(
        help_text=_("permanent or temporary: the home's kind when it was reserved."))

    class Meta:
        model = Placement
        fields = ("id", "household", "household_reference", "unit", "unit_address", "kind",
                  "status", "starts_on", "ends_on", "persons", "created_at")
        read_only_fields = fields

    def get_kind(self, placement: Placement) -> str:
        return PlacementKind.PERMANENT if placement.is_permanent else PlacementKind.TEMPORARY


class PlacementFilter(filters.FilterSet):
    household = IdFilter(field_name="household_id",
                                     help_text=_("Only the placements of this case (its id)."))
    kind = filters.ChoiceFilter(choices=PlacementKind.choices, method="filter_kind",
                                help_text=_("Only placements in permanent, or in temporary, "
                                            "homes."))
    status = filters.ChoiceFilter(choices=PlacementStatus.choices,
                                  help_text=_("Only placements with this status."))
    current = filters.BooleanFilter(
        method="filter_current",
        help_text=_("true: only the placements households live in today; false: the others "
                    "(reserved, moved out, cancelled)."),
    )

    class Meta:
        model = Placement
        fields = ("household", "kind", "status", "current")

    def filter_kind(self, queryset, name, value):
        return queryset.filter(is_permanent=value == PlacementKind.PERMANENT)

    def filter_current(self, queryset, name, value):
        living = Placement.objects.living_on(timezone.localdate()).values("pk")
        return queryset.filter(pk__in=living) if value else queryset.exclude(pk__in=living)


@extend_schema_view(
    list=extend_schema(summary=_("Placements"),
                       description=_("Households reserved into, living in or gone from the "
                                     "municipality's homes, the latest move-in first.")),
    retrieve=extend_schema(summary=_("One placement")),
)
class PlacementViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [requires(Perm.VIEW_CASES)]
    serializer_class = PlacementSerializer
    filterset_class = PlacementFilter
    queryset = Placement.objects.none()  # for the schema; get_queryset scopes every request

    def get_queryset(self):
        # No selector lists all of a municipality's placements; the scoped QuerySet is the
        # read, as the housing pages' own lookups of one placement are.
        return (Placement.objects.visible_to(self.request.user)
                .select_related("household", "unit")
                .order_by("-starts_on", "-pk"))
