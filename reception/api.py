"""`/api/v1/` for reception: arrival notices (the Immigration Service's import path), household
cases, persons and milestones.

The API is another door to the same rooms as the pages: rows are reached through
`.visible_to(user)` (another municipality's row answers 404), access is the pages'
permissions, writes go through `reception.services`, and reading persons is audit-logged.
Serializers only parse and present; registering a notice is `services.notice_register`.
"""

from __future__ import annotations

import django_filters
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.reverse import reverse

from integration_portal.accounts.permissions import Perm
from integration_portal.api.filters import IdFilter
from integration_portal.api.permissions import requires
from integration_portal.audit.models import AuditAction
from integration_portal.audit.services import audit_record_many
from integration_portal.letters.languages import Language
from reception import services
from reception.forms import NoticeForm
from reception.models import (
    ArrivalNotice,
    Household,
    HouseholdStatus,
    Milestone,
    NeedFlag,
    NoticeSource,
    Person,
)

CasePermission = requires(Perm.VIEW_CASES, Perm.WORK_ON_CASES)


# --- Serializers ------------------------------------------------------------------------------


class HouseholdReferenceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Household
        fields = ("id", "reference")


class NoticeSerializer(serializers.ModelSerializer):
    """An arrival notice: anonymised, so no names and no CPR numbers."""

    source = serializers.ChoiceField(
        choices=NoticeSource.choices, default=NoticeSource.API,
        help_text=_("Where the notice came from. Leave out for an import: “api”."),
    )
    languages = serializers.ListField(
        child=serializers.ChoiceField(choices=Language.choices), required=False,
        help_text=_("Languages the household speaks (ISO 639 codes)."),
    )
    need_flags = serializers.ListField(
        child=serializers.ChoiceField(choices=NeedFlag.choices), required=False,
        help_text=_("Coarse flags only. Details go on the person once the decision arrives."),
    )
    household = HouseholdReferenceSerializer(
        read_only=True, allow_null=True,
        help_text=_("The case the notice was registered as."),
    )

    class Meta:
        model = ArrivalNotice
        fields = ("id", *services.NOTICE_FIELDS, "household", "created_at")
        read_only_fields = ("id", "household", "created_at")

    def validate(self, attrs: dict) -> dict:
        # The notice form's own checks (arrival not before the notice, at least one person),
        # so a notice imported here is held to exactly the rules of one typed in on the page.
        data = {
            name: attrs.get(name, ArrivalNotice._meta.get_field(name).get_default())
            for name in services.NOTICE_FIELDS
        }
        form = NoticeForm(data=data)
        if not form.is_valid():
            raise serializers.ValidationError({
                ("non_field_errors" if field == "__all__" else field): messages
                for field, messages in form.errors.items()
            })
        return form.cleaned_data


class HouseholdSerializer(serializers.HyperlinkedModelSerializer):
    id = serializers.IntegerField(read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="households-detail")
    caseworker = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True, help_text=_("The user id of the case's caseworker."),
    )
    caseworker_name = serializers.CharField(
        source="caseworker.full_name", read_only=True, allow_null=True, default=None,
        help_text=_("The caseworker's name."),
    )
    notice = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True, help_text=_("The id of the arrival notice."),
    )
    persons = serializers.PrimaryKeyRelatedField(
        read_only=True, many=True, help_text=_("The ids of the case's persons."),
    )

    class Meta:
        model = Household
        fields = (
            "id", "url", "reference", "status", "status_changed_at", "caseworker",
            "caseworker_name", "notice", "expected_arrival_date", "arrival_date",
            "placement_decision_date", "address", "persons", "created_at", "updated_at",
        )


class PersonSerializer(serializers.HyperlinkedModelSerializer):
    """A person of a case. Health notes (special-category data) are not served by the API."""

    id = serializers.IntegerField(read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="persons-detail")
    household = serializers.PrimaryKeyRelatedField(
        read_only=True, help_text=_("The id of the person's case."),
    )
    languages = serializers.ListField(child=serializers.CharField(), read_only=True)
    cpr = serializers.CharField(
        source="cpr_masked", read_only=True,
        help_text=_("The CPR number masked as DDMMYY-XXXX (empty if none). The full number is "
                    "never sent through the API: a caseworker can show it on the person's "
                    "page, which is audit-logged."),
    )
    effective_takeover_date = serializers.DateField(
        read_only=True, allow_null=True,
        help_text=_("The takeover date set by hand if there is one, else the computed one."),
    )

    class Meta:
        model = Person
        fields = (
            "id", "url", "household", "relation", "first_name", "last_name", "cpr",
            "cpr_registration_date", "birth_date", "nationality", "residence_basis",
            "languages", "letter_language", "literacy", "interpreter_needed",
            "interpreter_language", "interpreter_dialect", "phone", "email", "email_consent",
            "digital_post_exempt", "digital_post_exempt_until", "takeover_date",
            "takeover_date_override", "effective_takeover_date", "created_at", "updated_at",
        )


class MilestoneSerializer(serializers.HyperlinkedModelSerializer):
    id = serializers.IntegerField(read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="milestones-detail")
    household = serializers.PrimaryKeyRelatedField(
        read_only=True, help_text=_("The id of the case."),
    )
    person = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True,
        help_text=_("The id of the person; empty for a milestone of the whole household."),
    )
    done_by = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True, help_text=_("The user id of who marked it done."),
    )
    kind_label = serializers.CharField(read_only=True, help_text=_("The milestone's name."))
    is_overdue = serializers.SerializerMethodField(
        help_text=_("Not done and the due date has passed."),
    )

    class Meta:
        model = Milestone
        fields = (
            "id", "url", "household", "person", "kind", "kind_label", "due_date",
            "anchor_date", "basis", "is_local", "done_on", "done_by", "note", "is_overdue",
        )

    def get_is_overdue(self, milestone: Milestone) -> bool:
        return milestone.done_on is None and milestone.due_date < self.context["today"]


class MilestoneDoneSerializer(serializers.Serializer):
    done_on = serializers.DateField(
        required=False, help_text=_("The day it was done; today when left out."),
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=1000, default="")


# --- Filters ----------------------------------------------------------------------------------


class HouseholdFilter(django_filters.rest_framework.FilterSet):
    status = django_filters.ChoiceFilter(
        choices=HouseholdStatus.choices, label=_("Cases with this status."),
    )
    caseworker = IdFilter(
        field_name="caseworker__id", label=_("Cases of the caseworker with this user id."),
    )
    reference = django_filters.CharFilter(
        lookup_expr="iexact", label=_("The case with this reference, e.g. LEJ-2026-0001."),
    )
    arrival_from = django_filters.DateFilter(
        field_name="arrival_date", lookup_expr="gte", label=_("Arrived on or after this day."),
    )
    arrival_to = django_filters.DateFilter(
        field_name="arrival_date", lookup_expr="lte", label=_("Arrived on or before this day."),
    )

    class Meta:
        model = Household
        fields = ("status", "caseworker", "reference", "arrival_from", "arrival_to")


class PersonFilter(django_filters.rest_framework.FilterSet):
    household = IdFilter(
        field_name="household__id", label=_("Persons of the case with this id."),
    )

    class Meta:
        model = Person
        fields = ("household",)


class MilestoneFilter(django_filters.rest_framework.FilterSet):
    household = IdFilter(
        field_name="household__id", label=_("Milestones of the case with this id."),
    )
    person = IdFilter(
        field_name="person__id", label=_("Milestones of the person with this id."),
    )
    kind = django_filters.CharFilter(label=_("Milestones of this kind, e.g. programme_start."))
    overdue = django_filters.BooleanFilter(
        method="filter_overdue", label=_("true: not done and past the due date."),
    )
    done = django_filters.BooleanFilter(
        field_name="done_on", lookup_expr="isnull", exclude=True,
        label=_("true: done; false: still open."),
    )
    due_after = django_filters.DateFilter(
        field_name="due_date", lookup_expr="gte", label=_("Due on or after this day."),
    )
    due_before = django_filters.DateFilter(
        field_name="due_date", lookup_expr="lte", label=_("Due on or before this day."),
    )

    class Meta:
        model = Milestone
        fields = ("household", "person", "kind", "overdue", "done", "due_after", "due_before")

    def filter_overdue(self, queryset, name, value):
        overdue = queryset.overdue(today=timezone.localdate())
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))


# --- Audit ------------------------------------------------------------------------------------


def _record_person_reads(user, persons: list[Person]) -> None:
    """Reading persons is logged as the person page logs it, one event per person read, in
    one insert for the page, so the list's query count stays fixed."""
    audit_record_many(
        actor=user, municipality=user.municipality_id, action=AuditAction.VIEW,
        objects=[(person, services.case_trail(person.household_id)) for person in persons],
        summary="Viewed",
    )


# --- Viewsets ---------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary=_("List arrival notices"), description=_(
        "The Immigration Service's anonymised notices, newest arrival last.")),
    retrieve=extend_schema(summary=_("Read an arrival notice")),
    create=extend_schema(
        summary=_("Register an arrival notice"),
        description=_(
            "The import path for the Immigration Service's notices. A notice is registered as "
            "a new announced household case with its own reference; the answer holds the "
            "case's id and reference. A notice is anonymised: send no names, CPR numbers or "
            "health details. Persons are added to the case when the placement decision arrives."
        ),
        responses={201: NoticeSerializer, 400: OpenApiResponse(
            description=_("The notice was not registered: the answer names each field in error "
                          "and why."))},
    ),
)
class NoticeViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = NoticeSerializer
    permission_classes = [CasePermission]

    def get_queryset(self):
        return (
            ArrivalNotice.objects.visible_to(self.request.user)
            .select_related("household")
            .order_by("expected_arrival_date", "pk")
        )

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        household = services.notice_register(
            municipality=request.user.municipality, actor=request.user,
            **serializer.validated_data,
        )
        notice = self.get_queryset().get(pk=household.notice_id)
        location = reverse("notices-detail", kwargs={"pk": notice.pk}, request=request)
        return Response(self.get_serializer(notice).data, status=status.HTTP_201_CREATED,
                        headers={"Location": location})


@extend_schema_view(
    list=extend_schema(summary=_("List household cases"), description=_(
        "The municipality's cases, newest first.")),
    retrieve=extend_schema(summary=_("Read a household case"), description=_(
        "Reading a case is recorded in its audit trail.")),
)
class HouseholdViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = HouseholdSerializer
    permission_classes = [CasePermission]
    filterset_class = HouseholdFilter

    def get_queryset(self):
        return (
            Household.objects.visible_to(self.request.user)
            .select_related("caseworker")
            .prefetch_related(Prefetch("persons", queryset=Person.objects.only("pk", "household")))
            .order_by("-created_at", "-pk")
        )

    def retrieve(self, request, *args, **kwargs):
        household = self.get_object()
        services.record_view(actor=request.user, household=household, obj=household)
        return Response(self.get_serializer(household).data)


@extend_schema_view(
    list=extend_schema(summary=_("List persons"), description=_(
        "Persons of the municipality's cases. Every person read is recorded in the case's "
        "audit trail.")),
    retrieve=extend_schema(summary=_("Read a person"), description=_(
        "Reading a person is recorded in the case's audit trail.")),
)
class PersonViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = PersonSerializer
    permission_classes = [CasePermission]
    filterset_class = PersonFilter

    def get_queryset(self):
        return Person.objects.visible_to(self.request.user).order_by("household_id", "pk")

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        _record_person_reads(request.user, page)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        person = self.get_object()
        _record_person_reads(request.user, [person])
        return Response(self.get_serializer(person).data)


@extend_schema_view(
    list=extend_schema(summary=_("List milestones"), description=_(
        "Deadlines on the municipality's cases, the earliest due first.")),
    retrieve=extend_schema(summary=_("Read a milestone")),
    complete=extend_schema(
        summary=_("Mark a milestone as done"),
        request=MilestoneDoneSerializer,
        responses={200: MilestoneSerializer, 400: OpenApiResponse(
            description=_("Already done, or the date is in the future."))},
    ),
)
class MilestoneViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = MilestoneSerializer
    permission_classes = [CasePermission]
    filterset_class = MilestoneFilter

    def get_queryset(self):
        return (
            Milestone.objects.visible_to(self.request.user)
            .select_related("household__municipality")
            .order_by("due_date", "pk")
        )

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "today": timezone.localdate()}

    @action(detail=True, methods=["post"])
    def complete(self, request, pk=None):
        milestone = self.get_object()
        form = MilestoneDoneSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        milestone = services.milestone_complete(
            milestone=milestone, actor=request.user,
            done_on=form.validated_data.get("done_on") or timezone.localdate(),
            note=form.validated_data["note"],
        )
        return Response(self.get_serializer(milestone).data)
