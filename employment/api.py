"""`/api/v1/measures/`: the municipality's employment measures, for staff who may view cases.

Read-only, by decision: planning or changing a measure is checked against the municipality's
rules, and a breach is a warning the caseworker must acknowledge with a reason
(services.measures.check_and_save) — a dialogue the measure pages hold and an API client
would need a second round trip for. Until a client needs it, measures are written on the
pages only.

The free-text notes (`notes`, `outcome_note`) are left out: they may tell of illness or other
private matters, and no other system needs them.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from employment.models import Measure, MeasureCategory, MeasureOutcome, MeasureStatus
from employment.selectors import measures as selectors
from integration_portal.accounts.permissions import Perm
from integration_portal.api.filters import IdFilter
from integration_portal.api.permissions import requires


class MeasureSerializer(serializers.ModelSerializer):
    measure_type = serializers.CharField(source="measure_type.code", read_only=True,
                                         help_text=_("The code of the kind of measure."))
    measure_type_name = serializers.CharField(source="measure_type.name", read_only=True,
                                              help_text=_("The kind's name (Danish)."))
    category = serializers.ChoiceField(
        source="measure_type.category", choices=MeasureCategory.choices, read_only=True,
        help_text=_("The legal category of the kind, which the rules check it by."),
    )
    employer_name = serializers.CharField(
        source="employer_display", read_only=True,
        help_text=_("The registered employer's name, or the name as it was reported."),
    )
    # Empty until the measure has ended: the schema must say so, or a client that validates
    # answers against it rejects every running measure.
    outcome = serializers.ChoiceField(choices=MeasureOutcome.choices, allow_blank=True,
                                      read_only=True)

    class Meta:
        model = Measure
        fields = ("id", "household", "person", "measure_type", "measure_type_name", "category",
                  "status", "employer", "employer_name", "starts_on", "ends_on",
                  "hours_per_week", "actual_starts_on", "actual_ends_on", "outcome",
                  "created_at", "updated_at")
        read_only_fields = fields


class MeasureFilter(filters.FilterSet):
    person = IdFilter(field_name="person_id",
                                  help_text=_("Only the measures of this person (their id)."))
    household = IdFilter(field_name="household_id",
                                     help_text=_("Only the measures of this case (its id)."))
    category = filters.ChoiceFilter(field_name="measure_type__category",
                                    choices=MeasureCategory.choices,
                                    help_text=_("Only measures of this legal category."))
    measure_type = filters.CharFilter(field_name="measure_type__code",
                                      help_text=_("Only measures of this kind (its code)."))
    status = filters.ChoiceFilter(choices=MeasureStatus.choices,
                                  help_text=_("Only measures with this status."))
    starts_from = filters.DateFilter(field_name="starts_on", lookup_expr="gte",
                                     help_text=_("Only measures planned to start on or after "
                                                 "this day."))
    starts_until = filters.DateFilter(field_name="starts_on", lookup_expr="lte",
                                      help_text=_("Only measures planned to start on or before "
                                                  "this day."))
    started_from = filters.DateFilter(field_name="actual_starts_on", lookup_expr="gte",
                                      help_text=_("Only measures that started on or after this "
                                                  "day."))
    started_until = filters.DateFilter(field_name="actual_starts_on", lookup_expr="lte",
                                       help_text=_("Only measures that started on or before "
                                                   "this day."))

    class Meta:
        model = Measure
        fields = ("person", "household", "category", "measure_type", "status", "starts_from",
                  "starts_until", "started_from", "started_until")


@extend_schema_view(
    list=extend_schema(summary=_("Measures"),
                       description=_("The municipality's employment measures, the latest "
                                     "planned start first (drafts without a start last).")),
    retrieve=extend_schema(summary=_("One measure")),
)
class MeasureViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [requires(Perm.VIEW_CASES)]
    serializer_class = MeasureSerializer
    filterset_class = MeasureFilter
    queryset = Measure.objects.none()  # for the schema; get_queryset scopes every request

    def get_queryset(self):
        return selectors.measure_list(viewer=self.request.user)
