"""Roles and what they may do, declared in one place and checked through `can()`.

A user holds one or more roles within their municipality. Views ask for a permission, never
for a role, so that widening or narrowing what a role may do is a change to this table only.
Administrators (Django's `is_superuser`/`is_staff`) work in Django admin and are not a
portal role.
"""

from __future__ import annotations

from enum import StrEnum
from functools import wraps
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from collections.abc import Callable

    from integration_portal.accounts.models import User


class Role(models.TextChoices):
    CASEWORKER = "caseworker", _("Caseworker")
    VOLUNTEER_COORDINATOR = "volunteer_coordinator", _("Volunteer coordinator")
    MANAGER = "manager", _("Manager")
    VOLUNTEER = "volunteer", _("Volunteer")


STAFF_ROLES = frozenset({Role.CASEWORKER, Role.VOLUNTEER_COORDINATOR, Role.MANAGER})


class Perm(StrEnum):
    VIEW_CASES = "view_cases"
    WORK_ON_CASES = "work_on_cases"
    COORDINATE_VOLUNTEERS = "coordinate_volunteers"
    VIEW_REPORTS = "view_reports"
    VIEW_STAFF = "view_staff"
    MANAGE_MUNICIPALITY = "manage_municipality"
    VIEW_AUDIT = "view_audit"
    VOLUNTEER_TASKS = "volunteer_tasks"


ROLE_PERMISSIONS: dict[Role, frozenset[Perm]] = {
    Role.CASEWORKER: frozenset({Perm.VIEW_CASES, Perm.WORK_ON_CASES}),
    Role.VOLUNTEER_COORDINATOR: frozenset(
        {Perm.VIEW_CASES, Perm.WORK_ON_CASES, Perm.COORDINATE_VOLUNTEERS}
    ),
    # Managers read cases (escalated deadlines link to them) but do not change them.
    Role.MANAGER: frozenset({
        Perm.VIEW_CASES, Perm.VIEW_REPORTS, Perm.VIEW_STAFF, Perm.MANAGE_MUNICIPALITY,
        Perm.VIEW_AUDIT,
    }),
    # Volunteers are outside the privacy wall: they may only see volunteer-safe data.
    Role.VOLUNTEER: frozenset({Perm.VOLUNTEER_TASKS}),
}


def permissions_of(user: User) -> frozenset[Perm]:
    if not user.is_authenticated or not user.is_active or user.municipality_id is None:
        return frozenset()
    granted: set[Perm] = set()
    for role in user.roles:
        granted |= ROLE_PERMISSIONS[role]
    return frozenset(granted)


def can(user: User, perm: Perm) -> bool:
    return perm in permissions_of(user)


def require(actor: User, *perms: Perm, municipality_id: int) -> None:
    """The guard every service write starts with: the actor acts in their own municipality
    and holds at least one of `perms`. Views check first; this keeps services safe to call
    from anywhere else (tasks, the API, the shell)."""
    if actor.municipality_id != municipality_id:
        raise PermissionError("A user may only act in their own municipality")
    if not any(can(actor, perm) for perm in perms):
        raise PermissionError(f"The user lacks the permission for this action ({perms})")


def permission_required(*perms: Perm) -> Callable:
    """View decorator: the user needs one of `perms`. Anonymous users go to login; users
    without any of them get 403, volunteers 404."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                # Imported here: auth.views loads the user model, which imports this module.
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            if not any(can(request.user, perm) for perm in perms):
                if request.user.is_volunteer:
                    # Behind the privacy wall, a volunteer is not even told a page exists.
                    raise Http404
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
