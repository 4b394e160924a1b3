"""`/api/v1/volunteer-tasks/`: one endpoint, two readers.

Staff (Perm.VIEW_CASES, as on the case page) read every task of their municipality with its
status, who took it and the case it was posted from. Volunteers (Perm.VOLUNTEER_TASKS) read
what their task board and "My tasks" pages show — the open tasks and the ones they took —
and take a task with `POST …/claim/`, through the same selectors and service as the pages.

Outside the privacy wall, like the volunteer pages: this module must not import reception (a
test checks), and a volunteer's serializer names only the task's volunteer-safe fields. The
staff serializer reads the case's reference through the task's own foreign key.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import (
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from integration_portal.accounts.permissions import Perm, can
from integration_portal.api.filters import IdFilter
from integration_portal.api.permissions import requires
from integration_portal.letters.languages import Language
from volunteers import selectors, services
from volunteers.models import Task, TaskStatus


def _is_staff(user) -> bool:
    return can(user, Perm.VIEW_CASES)


class _TaskFieldsSerializer(serializers.ModelSerializer):
    """The task's own fields, which both staff and volunteers read."""

    kind = serializers.CharField(source="kind.code", read_only=True,
                                 help_text=_("The code of the task's kind."))
    kind_label = serializers.CharField(source="kind.label", read_only=True,
                                       help_text=_("The name of the task's kind."))
    languages = serializers.ListField(
        child=serializers.CharField(), read_only=True,
        help_text=_("Language codes (ISO 639) the volunteer should speak; empty for any."),
    )

    class Meta:
        model = Task
        fields = ("id", "kind", "kind_label", "title", "description", "area", "starts_at",
                  "ends_at", "languages", "involves_children_under_15", "estimated_hours",
                  "status", "claimed_at")
        read_only_fields = fields


class VolunteerTaskSerializer(_TaskFieldsSerializer):
    """What a volunteer sees of a task: never the case it belongs to, nor who posted it."""

    claim_refusal = serializers.SerializerMethodField(
        help_text=_("Why you cannot take this open task; empty when you can, and for the "
                    "tasks you have taken."),
    )

    class Meta(_TaskFieldsSerializer.Meta):
        fields = (*_TaskFieldsSerializer.Meta.fields, "claim_refusal")
        read_only_fields = fields

    def get_claim_refusal(self, task: Task) -> str:
        if task.status != TaskStatus.OPEN:
            return ""
        # As on the board: the answer depends only on the volunteer and on whether the task
        # involves children, so it is asked once per answer and the query count stays fixed.
        cache = self.context.setdefault("claim_refusals", {})
        volunteer = self.context["request"].user
        flag = task.involves_children_under_15
        if flag not in cache:
            if "profile" not in self.context:
                self.context["profile"] = selectors.profile_of(volunteer)
            cache[flag] = str(services.claim_refusal(
                task=task, volunteer=volunteer, profile=self.context["profile"]))
        return cache[flag]


class StaffTaskSerializer(_TaskFieldsSerializer):
    """What staff see of a task: also the case it was posted from and who took it."""

    household = serializers.IntegerField(
        source="household_id", read_only=True, allow_null=True,
        help_text=_("The id of the case the task was posted from, if any."),
    )
    household_reference = serializers.CharField(
        source="household.reference", read_only=True, allow_null=True, default=None,
        help_text=_("The case's reference number."),
    )
    claimed_by = serializers.IntegerField(
        source="claimed_by_id", read_only=True, allow_null=True,
        help_text=_("The id of the volunteer who took the task."),
    )
    claimed_by_name = serializers.SerializerMethodField(
        help_text=_("The name of the volunteer who took the task."),
    )

    class Meta(_TaskFieldsSerializer.Meta):
        fields = (*_TaskFieldsSerializer.Meta.fields, "household", "household_reference",
                  "claimed_by", "claimed_by_name", "created_at")
        read_only_fields = fields

    def get_claimed_by_name(self, task: Task) -> str | None:
        if task.claimed_by_id is None:
            return None
        return task.claimed_by.full_name or task.claimed_by.email


class TaskFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=TaskStatus.choices,
                                  help_text=_("Only tasks with this status."))
    kind = filters.CharFilter(field_name="kind__code",
                              help_text=_("Only tasks of this kind (its code)."))
    area = filters.CharFilter(field_name="area", lookup_expr="icontains",
                              help_text=_("Only tasks whose area contains this text."))
    language = filters.ChoiceFilter(
        choices=Language.choices, method="filter_language",
        help_text=_("Only tasks that ask for this language or for none in particular."),
    )
    date_from = filters.DateFilter(field_name="ends_at__date", lookup_expr="gte",
                                   help_text=_("Only tasks that end on or after this day."))
    household = IdFilter(
        method="filter_household",
        help_text=_("Staff only: the tasks posted from this case (its id)."),
    )

    class Meta:
        model = Task
        fields = ("status", "kind", "area", "language", "date_from", "household")

    def filter_language(self, queryset, name, value):
        # As the task board filters (volunteers.selectors.task_board): the JSON list as text.
        return queryset.filter(Q(languages=[]) | Q(languages__icontains=f'"{value}"'))

    def filter_household(self, queryset, name, value):
        # Which case a task belongs to is behind the privacy wall: a volunteer may not even
        # narrow a list by it, or the answer would tell which tasks a case has.
        if not _is_staff(self.request.user):
            raise exceptions.ValidationError(
                {"household": [_("Only staff can filter tasks by case.")]})
        return queryset.filter(household_id=value)


def _either_task(*, many: bool = False) -> PolymorphicProxySerializer:
    """For the schema: which of the two a reader gets depends on who they are."""
    return PolymorphicProxySerializer(
        component_name="VolunteerTaskForReader",
        serializers=[StaffTaskSerializer, VolunteerTaskSerializer],
        resource_type_field_name=None, many=many,
    )


@extend_schema_view(
    list=extend_schema(
        summary=_("Volunteer tasks"),
        description=_(
            "Staff (permission to view cases) get every task of their municipality, with "
            "the case it was posted from (StaffTask). Volunteers get the open tasks and the "
            "tasks they took, with only the task's own fields (VolunteerTask): never a name, "
            "a CPR number, an address or anything else about the people they help."
        ),
        responses=_either_task(many=True),
    ),
    retrieve=extend_schema(
        summary=_("One volunteer task"),
        description=_("A volunteer reaches only an open task or one they took."),
        responses=_either_task(),
    ),
)
class VolunteerTaskViewSet(viewsets.ReadOnlyModelViewSet):
    # Staff read; volunteers read and take tasks. Staff never take a task through the API.
    permission_classes = [
        requires(Perm.VIEW_CASES) | requires(Perm.VOLUNTEER_TASKS, Perm.VOLUNTEER_TASKS)
    ]
    filterset_class = TaskFilter
    queryset = Task.objects.none()  # for the schema; get_queryset scopes every request

    def get_queryset(self):
        user = self.request.user
        if _is_staff(user):
            # No selector lists all of a municipality's tasks for staff; the scoped QuerySet
            # is the read, as the pages' own lookups of one task are.
            return (Task.objects.visible_to(user)
                    .select_related("kind", "household", "claimed_by")
                    .order_by("starts_at", "pk"))
        if can(user, Perm.VOLUNTEER_TASKS):
            # The board and "My tasks", through their volunteer-safe selectors.
            return ((selectors.task_board(volunteer=user) | selectors.my_tasks(volunteer=user))
                    .order_by("starts_at", "pk"))
        return Task.objects.none()

    def get_serializer_class(self):
        if self.request is not None and _is_staff(self.request.user):
            return StaffTaskSerializer
        return VolunteerTaskSerializer

    @extend_schema(
        summary=_("Take a task"),
        description=_(
            "Volunteers only. Takes an open task, as the task board's button does. Of two "
            "volunteers taking the same task at once, exactly one gets it; the other gets "
            "400 with the reason, as does a volunteer who may not take it (for example "
            "without a valid child certificate for a task involving children). A task "
            "another volunteer has already taken is no longer on the board: 404."
        ),
        request=None,
        responses={
            200: VolunteerTaskSerializer,
            400: OpenApiResponse(description=_("The task cannot be taken; `detail` says why.")),
            404: OpenApiResponse(description=_("No such task on your board or among yours.")),
        },
    )
    @action(detail=True, methods=["post"])
    def claim(self, request, pk=None):
        task = self.get_object()
        try:
            task = services.task_claim(task=task, volunteer=request.user)
        except DjangoValidationError as error:
            raise exceptions.ValidationError({"detail": " ".join(error.messages)}) from None
        return Response(VolunteerTaskSerializer(task, context=self.get_serializer_context()).data)
