"""`/api/v1/volunteer-tasks/`: staff read every task of their municipality with its case;
volunteers read only the task board's volunteer-safe data, take tasks, and reach nothing else."""

import ast
import importlib
import inspect

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from integration_portal.api.registry import router
from tests.api.conftest import issue_token
from tests.factories import HouseholdFactory, PersonFactory, UserFactory
from tests.volunteers.factories import TaskFactory, VolunteerProfileFactory
from tests.volunteers.test_privacy_proof import ADDRESS, PERSONS, REFERENCE
from volunteers.models import TaskStatus

pytestmark = pytest.mark.django_db

LIST = reverse("volunteer-tasks-list")

# The case of the volunteer pages' privacy proof, whose personal data must never reach a
# volunteer through the API either.
SECRETS = [REFERENCE, ADDRESS, "Kildebakken", *(
    value for person in PERSONS for value in person.values())]


def _detail(task, action=""):
    return reverse(f"volunteer-tasks-{action or 'detail'}", kwargs={"pk": task.pk})


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def case(municipality, caseworker):
    household = HouseholdFactory(municipality=municipality, reference=REFERENCE,
                                 address=ADDRESS, status="arrived", caseworker=caseworker)
    for data in PERSONS:
        PersonFactory(household=household, **data)
    return household


@pytest.fixture
def active_volunteer(volunteer):
    VolunteerProfileFactory(user=volunteer)
    return volunteer


def test_staff_read_every_task_of_their_municipality_with_its_case(
        api_client, coordinator, case, municipality, other_municipality, volunteer):
    # given an open task from the case, one taken by a volunteer, and another municipality's
    open_task = TaskFactory(municipality=municipality, household=case)
    taken = TaskFactory(municipality=municipality, status=TaskStatus.CLAIMED,
                        claimed_by=volunteer, claimed_at=timezone.now())
    TaskFactory(municipality=other_municipality)
    api_client.force_login(coordinator)

    # when
    response = api_client.get(LIST)

    # then
    assert response.status_code == 200
    rows = {row["id"]: row for row in response.json()["results"]}
    assert set(rows) == {open_task.pk, taken.pk}
    assert rows[open_task.pk]["household"] == case.pk
    assert rows[open_task.pk]["household_reference"] == REFERENCE
    assert rows[taken.pk]["status"] == "claimed"
    assert rows[taken.pk]["claimed_by"] == volunteer.pk
    assert rows[taken.pk]["claimed_by_name"] == volunteer.full_name


def test_staff_filter_tasks_by_case_and_status(api_client, caseworker, case, municipality):
    # given
    from_case = TaskFactory(municipality=municipality, household=case)
    TaskFactory(municipality=municipality)
    TaskFactory(municipality=municipality, household=case, status=TaskStatus.DONE)
    api_client.force_login(caseworker)

    # when
    response = api_client.get(LIST, {"household": case.pk, "status": "open"})

    # then
    assert [row["id"] for row in response.json()["results"]] == [from_case.pk]


def test_a_volunteer_reads_the_open_tasks_and_their_own(
        api_client, active_volunteer, municipality, other_municipality):
    # given open tasks, one the volunteer took, one another volunteer took, a cancelled one
    # and another municipality's open task
    open_task = TaskFactory(municipality=municipality)
    mine = TaskFactory(municipality=municipality, status=TaskStatus.CLAIMED,
                       claimed_by=active_volunteer, claimed_at=timezone.now())
    someone_else = UserFactory(municipality=municipality, volunteer=True)
    TaskFactory(municipality=municipality, status=TaskStatus.CLAIMED, claimed_by=someone_else,
                claimed_at=timezone.now())
    TaskFactory(municipality=municipality, status=TaskStatus.CANCELLED)
    TaskFactory(municipality=other_municipality)
    api_client.force_login(active_volunteer)

    # when
    response = api_client.get(LIST)

    # then only the board's task and their own, with only the task's own fields
    assert response.status_code == 200
    rows = response.json()["results"]
    assert {row["id"] for row in rows} == {open_task.pk, mine.pk}
    assert set(rows[0]) == {
        "id", "kind", "kind_label", "title", "description", "area", "starts_at", "ends_at",
        "languages", "involves_children_under_15", "estimated_hours", "status", "claimed_at",
        "claim_refusal",
    }


def test_a_volunteer_learns_why_they_cannot_take_a_task(api_client, municipality, volunteer):
    # given a volunteer without a child certificate and a task involving children
    VolunteerProfileFactory(user=volunteer, boerneattest_obtained_on=None,
                            boerneattest_no_concerns=False)
    task = TaskFactory(municipality=municipality, involves_children_under_15=True)
    api_client.force_login(volunteer)

    # when
    listed = api_client.get(LIST, HTTP_ACCEPT_LANGUAGE="en").json()["results"]
    claimed = api_client.post(_detail(task, "claim"), HTTP_ACCEPT_LANGUAGE="en")

    # then
    assert "child certificate" in listed[0]["claim_refusal"]
    assert claimed.status_code == 400
    assert "child certificate" in claimed.json()["detail"]


def test_a_volunteer_takes_a_task_with_a_token(active_volunteer, municipality):
    # given
    task = TaskFactory(municipality=municipality)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {issue_token(active_volunteer)}")

    # when
    response = client.post(_detail(task, "claim"))

    # then
    assert response.status_code == 200
    assert response.json()["status"] == "claimed"
    task.refresh_from_db()
    assert task.claimed_by == active_volunteer


def test_a_task_taken_by_another_volunteer_is_not_there(
        api_client, active_volunteer, municipality):
    # given
    rival = VolunteerProfileFactory(user=UserFactory(municipality=municipality,
                                                     volunteer=True)).user
    task = TaskFactory(municipality=municipality, status=TaskStatus.CLAIMED, claimed_by=rival,
                       claimed_at=timezone.now())
    api_client.force_login(active_volunteer)

    # when
    read = api_client.get(_detail(task))
    claimed = api_client.post(_detail(task, "claim"))

    # then
    assert read.status_code == 404
    assert claimed.status_code == 404
    task.refresh_from_db()
    assert task.claimed_by == rival


@pytest.mark.parametrize("role", ["volunteer", "coordinator"])
def test_another_municipalitys_task_answers_404(api_client, role, other_municipality,
                                               municipality):
    # given
    task = TaskFactory(municipality=other_municipality)
    user = UserFactory(municipality=municipality, **{role: True})
    if role == "volunteer":
        VolunteerProfileFactory(user=user)
    api_client.force_login(user)

    # when
    read = api_client.get(_detail(task))

    # then
    assert read.status_code == 404


def test_staff_cannot_take_a_task(api_client, coordinator, municipality):
    # given
    task = TaskFactory(municipality=municipality)
    api_client.force_login(coordinator)

    # when
    response = api_client.post(_detail(task, "claim"))

    # then
    assert response.status_code == 403
    task.refresh_from_db()
    assert task.status == TaskStatus.OPEN


def test_a_volunteer_may_not_narrow_the_tasks_by_case(api_client, active_volunteer, case,
                                                      municipality):
    # given
    TaskFactory(municipality=municipality, household=case)
    api_client.force_login(active_volunteer)

    # when
    response = api_client.get(LIST, {"household": case.pk})

    # then the answer is the same whatever the case: a refusal
    assert response.status_code == 400
    assert "household" in response.json()


def test_no_personal_data_reaches_a_volunteer(api_client, active_volunteer, case, municipality):
    # given tasks posted from a case with distinctive personal data, one taken and one open
    to_take = TaskFactory(municipality=municipality, household=case, title="Følgeskab til lægen")
    on_board = TaskFactory(municipality=municipality, household=case, title="Hjælp med møbler")
    api_client.force_login(active_volunteer)
    bodies = []

    # when the volunteer takes one and reads everything they can, filtered or not
    bodies.append(api_client.post(_detail(to_take, "claim")))
    for path, query in [(LIST, {}), (LIST, {"status": "claimed"}), (LIST, {"area": "Lejre"}),
                        (LIST, {"language": "ar"}), (_detail(to_take), {}),
                        (_detail(on_board), {}), (LIST, {"household": case.pk})]:
        bodies.append(api_client.get(path, query))

    # then every answer holds none of it — not the names, CPR numbers, contact details, needs,
    # address or case reference — and no trace of the case
    assert [response.status_code for response in bodies] == [200] * 7 + [400]
    for response in bodies:
        text = response.content.decode()
        for secret in SECRETS:
            assert secret.lower() not in text.lower(), (secret, text)
    rows = [bodies[0].json(), bodies[5].json(), bodies[6].json(),
            *(row for response in bodies[1:5] for row in response.json()["results"])]
    assert rows and all(not {"household", "household_reference", "created_by"} & set(row)
                        for row in rows)
    assert len(bodies[1].json()["results"]) == 2


def test_a_volunteer_reaches_no_other_endpoint(api_client, active_volunteer):
    # given every list the API serves but the volunteer tasks (reception's too)
    api_client.force_login(active_volunteer)
    lists = [f"{basename}-list" for _prefix, _viewset, basename in router.registry
             if basename != "volunteer-tasks"]
    assert {"households-list", "housing-units-list", "placements-list", "measures-list"} <= set(
        lists)

    # when
    answers = {name: api_client.get(reverse(name)).status_code for name in lists}

    # then
    assert answers == {name: 403 for name in lists}


def test_the_list_pages(api_client, coordinator, municipality):
    # given
    tasks = [TaskFactory(municipality=municipality) for _ in range(5)]
    api_client.force_login(coordinator)

    # when
    first = api_client.get(LIST, {"page_size": 2}).json()
    last = api_client.get(LIST, {"page_size": 2, "page": 3}).json()

    # then
    assert first["count"] == 5
    assert first["next"] is not None and first["previous"] is None
    assert [row["id"] for row in last["results"]] == [tasks[4].pk]


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("role", ["coordinator", "volunteer"])
def test_the_list_costs_the_same_queries_for_3_and_15_tasks(
        api_client, role, municipality, case, django_assert_max_num_queries):
    # given tasks of both kinds (children or not), from the case and not, some taken
    user = UserFactory(municipality=municipality, **{role: True})
    if role == "volunteer":
        VolunteerProfileFactory(user=user)
    claimer = user if role == "volunteer" else UserFactory(municipality=municipality,
                                                           volunteer=True)

    def add_tasks(n):
        for i in range(n):
            TaskFactory(municipality=municipality, household=case if i % 2 else None,
                        involves_children_under_15=bool(i % 3))
        TaskFactory(municipality=municipality, status=TaskStatus.CLAIMED, claimed_by=claimer,
                    claimed_at=timezone.now())

    api_client.force_login(user)
    add_tasks(2)
    api_client.get(LIST)  # the session and the user are loaded alike on every request
    small = _queries(api_client, LIST)

    # when
    add_tasks(12)

    # then
    with django_assert_max_num_queries(small):
        response = api_client.get(LIST)
    assert response.json()["count"] == 16


def test_the_volunteer_api_does_not_import_reception():
    # given
    tree = ast.parse(inspect.getsource(importlib.import_module("volunteers.api")))

    # when
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module}

    # then — the privacy wall holds in the imports, as for the volunteer pages
    assert "volunteers" in imported, "the module's imports could not be read"
    assert not [name for name in imported if name.split(".")[0] == "reception"]
