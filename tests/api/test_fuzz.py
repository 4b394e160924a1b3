"""A fuzz run of the API from its own OpenAPI schema: whatever a client sends — valid or
invalid filters, ids, bodies — no operation answers with a server error (5xx).

Schemathesis generates the requests from the schema drf-spectacular serves and sends them
in-process through the WSGI application, with a caseworker's token and, for the volunteer
endpoints, a volunteer's, against a municipality with a case, a person, a milestone, a
measure, a housing unit with a placement and a volunteer task (each operation is fuzzed with
generated ids and with the seeded row's id). Valid requests' answers must also match the
schema. The run is derandomized and bounded so that CI can afford it on every push.
"""

import datetime

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from housing import services as housing_services
from tests.api.conftest import issue_token
from tests.employment.factories import MeasureFactory
from tests.factories import HouseholdFactory, MilestoneFactory, PersonFactory
from tests.housing.factories import HousingUnitFactory
from tests.volunteers.factories import TaskFactory, VolunteerProfileFactory

pytestmark = pytest.mark.django_db(transaction=False)

EXAMPLES = 10

FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def _schema():
    raw = SchemaGenerator().get_schema(request=None, public=True)
    schema = schemathesis.openapi.from_dict(raw)
    schema.app = get_wsgi_application()
    return schema


@pytest.fixture
def _keep_the_test_connection():
    # As Django's test client does: the handler must not close the test's open transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def seeded(municipality, caseworker, volunteer):
    """One municipality with a little of everything the API reads and writes."""
    today = timezone.localdate()
    household = HouseholdFactory(municipality=municipality, caseworker=caseworker)
    person = PersonFactory(household=household)
    milestone = MilestoneFactory(household=household)
    measure = MeasureFactory(person=person)
    unit = HousingUnitFactory(municipality=municipality)
    placement = housing_services.placement_reserve(
        household=household, unit=unit, actor=caseworker,
        starts_on=today + datetime.timedelta(days=3))
    VolunteerProfileFactory(user=volunteer)
    task = TaskFactory(municipality=municipality, household=household)
    return {
        "households": household.pk, "persons": person.pk, "milestones": milestone.pk,
        "measures": measure.pk, "housing-units": unit.pk, "placements": placement.pk,
        "volunteer-tasks": task.pk, "notices": None,
    }


def _existing_id(path: str, seeded: dict) -> int | None:
    resource = path.removeprefix("/api/v1/").split("/", 1)[0]
    return seeded.get(resource)


def _fuzz(operation, *, token: str, mode: GenerationMode, path_parameters=None):
    headers = {"Authorization": f"Token {token}", "Accept-Language": "en"}
    # A valid request's answer must also match the schema clients generate their code from.
    checks = [not_a_server_error] + ([response_schema_conformance]
                                     if mode == GenerationMode.POSITIVE else [])

    @FUZZ_SETTINGS
    @given(case=operation.as_strategy(generation_mode=mode, path_parameters=path_parameters))
    def run(case):
        # The generator may invent an Authorization header of its own; ours wins.
        case.headers = {**(case.headers or {}), **headers}
        response = case.call()
        case.validate_response(response, checks=checks)

    try:
        run()
    except Unsatisfiable:
        # With the id fixed, an operation without other input has no invalid request left.
        if not path_parameters:
            raise


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
                         ids=["valid", "invalid"])
@pytest.mark.usefixtures("_keep_the_test_connection")
def test_no_operation_answers_with_a_server_error(seeded, caseworker, volunteer, settings,
                                                  mode):
    # given the tokens of a caseworker and of a volunteer of the seeded municipality
    settings.ALLOWED_HOSTS = ["localhost", "testserver"]
    staff_token = issue_token(caseworker)
    volunteer_token = issue_token(volunteer)
    operations = [result.ok() for result in _schema().get_all_operations()]
    assert len(operations) > 15

    # when / then every operation, with generated and with real ids, never answers 5xx
    for operation in operations:
        tokens = [staff_token]
        if operation.path.startswith("/api/v1/volunteer-tasks/"):
            tokens.append(volunteer_token)
        for token in tokens:
            _fuzz(operation, token=token, mode=mode)
            if "{id}" in operation.path and (pk := _existing_id(operation.path, seeded)):
                _fuzz(operation, token=token, mode=mode, path_parameters={"id": pk})


# What the fuzz run found, pinned.


@pytest.mark.parametrize(("path", "query"), [
    ("/api/v1/measures/", {"person": "-5.956256279136133e+285"}),
    ("/api/v1/measures/", {"household": "5.4961741052768435e-14"}),
    ("/api/v1/persons/", {"household": "99999999999999999999999"}),
    ("/api/v1/milestones/", {"person": "1.5"}),
    ("/api/v1/placements/", {"household": "0"}),
    ("/api/v1/households/", {"caseworker": "-1"}),
    ("/api/v1/volunteer-tasks/", {"household": "1e400"}),
])
def test_a_filter_by_an_id_that_is_no_id_is_a_400(client, caseworker, path, query):
    # when
    response = client.get(path, query, HTTP_AUTHORIZATION=f"Token {issue_token(caseworker)}")

    # then
    assert response.status_code == 400
    assert list(response.json()) == list(query)


def test_a_running_measure_without_an_outcome_matches_the_schema(client, caseworker):
    # given
    MeasureFactory(person=PersonFactory(household=HouseholdFactory(
        municipality=caseworker.municipality)), outcome="")
    schema = SchemaGenerator().get_schema(request=None, public=True)

    # when
    response = client.get("/api/v1/measures/",
                          HTTP_AUTHORIZATION=f"Token {issue_token(caseworker)}")

    # then
    assert response.json()["results"][0]["outcome"] == ""
    assert {"$ref": "#/components/schemas/BlankEnum"} in (
        schema["components"]["schemas"]["Measure"]["properties"]["outcome"]["oneOf"])
