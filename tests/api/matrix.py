"""The API's permission matrix: one row per endpoint (route by method).

tests/api/test_permission_matrix.py asserts every cell: each row by each role by the caller in the
target's own municipality or in another one. Adding an endpoint is adding a row here; a route
the router serves without a row fails `test_every_route_has_a_row`.

A row names the route (`<basename>-list`, `<basename>-detail`, `<basename>-<action>`), the
method, the roles allowed, what kind of call it is, and how to make its target object in a
municipality. What each cell must answer follows from those:

- anonymous: 401; a role not allowed: 403 (in either municipality);
- an allowed role in the target's municipality: `ok_status` (a list holds the target);
- an allowed role of another municipality: a list answers 200 without the target, a detail or
  an action on the target 404, a create `other_status` (by default `ok_status`: it creates in
  the caller's own municipality).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.utils import timezone

from tests.factories import HouseholdFactory, MilestoneFactory, PersonFactory

ROLES = ("anonymous", "caseworker", "coordinator", "manager", "volunteer")
# The UserFactory trait for each role.
ROLE_TRAITS = {"caseworker": "caseworker", "coordinator": "coordinator", "manager": "manager",
               "volunteer": "volunteer"}

STAFF = frozenset({"caseworker", "coordinator", "manager"})      # Perm.VIEW_CASES
CASE_WORKERS = frozenset({"caseworker", "coordinator"})           # Perm.WORK_ON_CASES
VOLUNTEERS = frozenset({"volunteer"})                             # Perm.VOLUNTEER_TASKS


class Kind(StrEnum):
    LIST = "list"        # answers a page; the target is in it only for its own municipality
    DETAIL = "detail"    # reads the target
    ACTION = "action"    # changes the target
    CREATE = "create"    # makes a new object from `payload`


Maker = Callable[[Any, Any], Any]  # (municipality, caller or None) -> the target object


@dataclass(frozen=True)
class Endpoint:
    route: str
    method: str
    kind: Kind
    allowed: frozenset[str]
    make: Maker | None = None
    payload: Callable[[Any], dict] | None = None
    ok_status: int = 200
    other_status: int | None = None

    @property
    def id(self) -> str:
        return f"{self.method.upper()} {self.route}"

    def expected_status(self, role: str, own: bool) -> int:
        if role == "anonymous":
            return 401
        if role not in self.allowed:
            return 403
        if own:
            return self.ok_status
        if self.kind == Kind.LIST:
            return 200
        if self.kind == Kind.CREATE:
            return self.other_status or self.ok_status
        return self.other_status or 404


# --- Reception --------------------------------------------------------------------------------


def _notice(municipality, caller):
    from reception import services

    return services.notice_register(
        municipality=municipality, actor=None, source="email",
        received_on=datetime.date(2026, 9, 1), expected_arrival_date=datetime.date(2026, 10, 1),
        residence_basis="asylum_refugee",
    ).notice


def _household(municipality, caller):
    return HouseholdFactory(municipality=municipality)


def _person(municipality, caller):
    return PersonFactory(household=HouseholdFactory(municipality=municipality))


def _milestone(municipality, caller):
    person = _person(municipality, caller)
    return MilestoneFactory(household=person.household, person=person,
                            due_date=timezone.localdate() - datetime.timedelta(days=3))


def _notice_payload(target) -> dict:
    return {"received_on": "2026-09-01", "expected_arrival_date": "2026-10-01",
            "residence_basis": "quota_refugee", "adults": 2, "languages": ["ar"]}


RECEPTION = [
    Endpoint("notices-list", "get", Kind.LIST, STAFF, make=_notice),
    Endpoint("notices-detail", "get", Kind.DETAIL, STAFF, make=_notice),
    Endpoint("notices-list", "post", Kind.CREATE, CASE_WORKERS, payload=_notice_payload,
             ok_status=201),
    Endpoint("households-list", "get", Kind.LIST, STAFF, make=_household),
    Endpoint("households-detail", "get", Kind.DETAIL, STAFF, make=_household),
    Endpoint("persons-list", "get", Kind.LIST, STAFF, make=_person),
    Endpoint("persons-detail", "get", Kind.DETAIL, STAFF, make=_person),
    Endpoint("milestones-list", "get", Kind.LIST, STAFF, make=_milestone),
    Endpoint("milestones-detail", "get", Kind.DETAIL, STAFF, make=_milestone),
    Endpoint("milestones-complete", "post", Kind.ACTION, CASE_WORKERS, make=_milestone,
             payload=lambda milestone: {"note": "Done on the phone"}),
]

# --- Volunteers, housing, employment ------------------------------------------------------------


def _task(municipality, caller):
    from tests.volunteers.factories import TaskFactory, VolunteerProfileFactory

    if caller is not None and caller.is_volunteer:
        # Approved, so that the volunteer may take the task (in its own municipality).
        VolunteerProfileFactory(user=caller)
    # Posted from a case: staff see which, volunteers must not.
    return TaskFactory(municipality=municipality,
                       household=HouseholdFactory(municipality=municipality))


def _housing_unit(municipality, caller):
    from tests.housing.factories import HousingUnitFactory

    return HousingUnitFactory(municipality=municipality)


def _placement(municipality, caller):
    from housing import services
    from tests.factories import UserFactory

    return services.placement_reserve(
        household=_person(municipality, caller).household,
        unit=_housing_unit(municipality, caller), starts_on=timezone.localdate(),
        actor=UserFactory(municipality=municipality, caseworker=True),
    )


def _measure(municipality, caller):
    from tests.employment.factories import MeasureFactory

    return MeasureFactory(person=_person(municipality, caller))


VOLUNTEER_TASKS = [
    Endpoint("volunteer-tasks-list", "get", Kind.LIST, STAFF | VOLUNTEERS, make=_task),
    Endpoint("volunteer-tasks-detail", "get", Kind.DETAIL, STAFF | VOLUNTEERS, make=_task),
    Endpoint("volunteer-tasks-claim", "post", Kind.ACTION, VOLUNTEERS, make=_task),
]

HOUSING = [
    Endpoint("housing-units-list", "get", Kind.LIST, STAFF, make=_housing_unit),
    Endpoint("housing-units-detail", "get", Kind.DETAIL, STAFF, make=_housing_unit),
    Endpoint("placements-list", "get", Kind.LIST, STAFF, make=_placement),
    Endpoint("placements-detail", "get", Kind.DETAIL, STAFF, make=_placement),
]

EMPLOYMENT = [
    Endpoint("measures-list", "get", Kind.LIST, STAFF, make=_measure),
    Endpoint("measures-detail", "get", Kind.DETAIL, STAFF, make=_measure),
]

# Each app's rows; add yours as a list above and name it here.
ENDPOINTS: list[Endpoint] = [*RECEPTION, *VOLUNTEER_TASKS, *HOUSING, *EMPLOYMENT]
