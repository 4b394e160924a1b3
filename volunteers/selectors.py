"""Reads of volunteer tasks.

`task_board` and `my_tasks` serve volunteers, who stand outside the privacy wall: they read
only the task's own volunteer-safe fields and never its link to a case. This module must not
import reception at all (a test checks it), so that no change here can reach a citizen's data.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db.models import Case, IntegerField, Model, Q, Value, When

from integration_portal.accounts.permissions import Perm, can
from volunteers.models import Task, TaskQuerySet, TaskStatus, VolunteerProfile, VolunteerStatus

if TYPE_CHECKING:
    from integration_portal.accounts.models import User

# Everything a volunteer may see of a task. Not `household`, not `created_by`.
VOLUNTEER_SAFE_FIELDS = (
    "title", "description", "area", "starts_at", "ends_at", "languages",
    "involves_children_under_15", "estimated_hours", "status", "claimed_by", "claimed_at",
    "kind__code", "kind__label",
)


def _volunteer_tasks(volunteer: User) -> TaskQuerySet:
    return (
        Task.objects.visible_to(volunteer)
        .select_related("kind")
        .only(*VOLUNTEER_SAFE_FIELDS)
    )


def task_board(
    *, volunteer: User, area: str = "", language: str = "",
    on_or_after: datetime.date | None = None,
) -> TaskQuerySet:
    """Open tasks of the volunteer's municipality, soonest first, optionally filtered.

    A task that asks for no particular language is shown whatever language is chosen.
    """
    tasks = _volunteer_tasks(volunteer).open()
    area = area.strip()
    if area:
        tasks = tasks.filter(area__icontains=area)
    language = language.strip()
    if language:
        # The JSON list as text: '["ar", "fa"]' contains '"ar"'; works on SQLite and PostgreSQL.
        tasks = tasks.filter(Q(languages=[]) | Q(languages__icontains=f'"{language}"'))
    if on_or_after is not None:
        tasks = tasks.filter(ends_at__date__gte=on_or_after)
    return tasks.order_by("starts_at", "pk")


def my_tasks(*, volunteer: User) -> TaskQuerySet:
    """The tasks this volunteer has taken, current ones first."""
    return (
        _volunteer_tasks(volunteer)
        .filter(claimed_by=volunteer, status__in=[TaskStatus.CLAIMED, TaskStatus.DONE])
        .order_by("status", "starts_at", "pk")
    )


def tasks_for_household(*, viewer: User, household: Model) -> TaskQuerySet:
    """Staff side: the volunteer tasks linked to a case, with who took them and the report.

    `household` is typed as a plain model so that this module need not import reception.
    """
    if not can(viewer, Perm.VIEW_CASES) or household.municipality_id != viewer.municipality_id:
        return Task.objects.none()
    return (
        Task.objects.visible_to(viewer)
        .filter(household=household)
        .select_related("kind", "claimed_by", "report")
        .order_by("-starts_at", "-pk")
    )


def profile_of(volunteer: User) -> VolunteerProfile | None:
    """The volunteer's own profile with their municipality (for its renewal interval)."""
    return (VolunteerProfile.objects.select_related("user__municipality")
            .filter(user=volunteer).first())


def volunteer_profiles(*, viewer: User):
    """The coordinator's list: volunteers awaiting approval first, then by name."""
    pending_first = Case(When(status=VolunteerStatus.PENDING, then=Value(0)), default=Value(1),
                         output_field=IntegerField())
    return (VolunteerProfile.objects.visible_to(viewer)
            .select_related("user", "organisation")
            .order_by(pending_first, "user__full_name", "pk"))


def open_tasks_for_staff(*, viewer: User) -> TaskQuerySet:
    """Open tasks with their case link — for staff pages only, never a volunteer's."""
    return (Task.objects.visible_to(viewer).open()
            .select_related("kind", "household").order_by("starts_at", "pk"))
