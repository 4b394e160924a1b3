"""`/api/v1/measures/`: the municipality's employment measures, read-only, for staff only."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from tests.api.conftest import issue_token
from tests.employment.factories import EmployerFactory, IguFactory, MeasureFactory, valid_cvr
from tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db

MEASURES = reverse("measures-list")


@pytest.fixture
def api_client():
    return APIClient()


def _ids(response) -> list[int]:
    assert response.status_code == 200, response.content[:300]
    return [row["id"] for row in response.json()["results"]]


def _person(municipality):
    return PersonFactory(household=HouseholdFactory(municipality=municipality))


def test_staff_read_their_municipalitys_measures_latest_start_first(
        api_client, manager, municipality, other_municipality):
    # given an internship, an IGU with a registered employer, and another municipality's
    internship = MeasureFactory(person=_person(municipality), starts_on=datetime.date(2026, 9, 1),
                                notes="Har ondt i ryggen", outcome_note="Syg")
    igu = IguFactory(person=_person(municipality), starts_on=datetime.date(2026, 10, 1))
    MeasureFactory(person=_person(other_municipality))
    api_client.force_login(manager)

    # when
    response = api_client.get(MEASURES)

    # then
    assert _ids(response) == [igu.pk, internship.pk]
    igu_row, internship_row = response.json()["results"]
    assert igu_row["category"] == "igu"
    assert igu_row["measure_type"] == "igu"
    assert igu_row["employer"] == igu.employer_id
    assert igu_row["employer_name"] == igu.employer.name
    assert internship_row["person"] == internship.person_id
    assert internship_row["household"] == internship.household_id
    assert internship_row["employer_name"] == "Lejre Bageri"
    # free-text notes may tell of health: they stay on the pages
    assert "ryggen" not in response.content.decode()
    assert "notes" not in internship_row and "outcome_note" not in internship_row


def test_measures_filter_by_person_case_category_status_and_start(
        api_client, caseworker, municipality):
    # given one person with an internship that started in September and an IGU planned for
    # November, and another person's measure that started in August
    person = _person(municipality)
    started = MeasureFactory(person=person, status="active",
                             starts_on=datetime.date(2026, 9, 1),
                             actual_starts_on=datetime.date(2026, 9, 3))
    planned_igu = IguFactory(person=person, starts_on=datetime.date(2026, 11, 1),
                             employer=EmployerFactory(municipality=municipality))
    other = MeasureFactory(person=_person(municipality), status="active",
                           starts_on=datetime.date(2026, 8, 1),
                           actual_starts_on=datetime.date(2026, 8, 1))
    api_client.force_login(caseworker)

    def listed(**query):
        return _ids(api_client.get(MEASURES, query))

    # when / then
    assert listed(person=person.pk) == [planned_igu.pk, started.pk]
    assert listed(household=other.household_id) == [other.pk]
    assert listed(category="igu") == [planned_igu.pk]
    assert listed(measure_type="company_internship") == [started.pk, other.pk]
    assert listed(status="planned") == [planned_igu.pk]
    assert listed(started_from="2026-09-01", started_until="2026-09-30") == [started.pk]
    assert listed(starts_from="2026-08-15") == [planned_igu.pk, started.pk]
    assert listed(starts_until="2026-08-31") == [other.pk]


def test_a_bad_filter_value_is_a_clear_400(api_client, caseworker):
    # given
    api_client.force_login(caseworker)

    # when
    response = api_client.get(MEASURES, {"status": "finished", "started_from": "2026-13-01",
                                         "person": "Amina"})

    # then
    assert response.status_code == 400
    assert set(response.json()) == {"status", "started_from", "person"}


def test_another_municipalitys_measure_answers_404(api_client, caseworker, other_municipality):
    # given
    measure = MeasureFactory(person=_person(other_municipality))
    api_client.force_login(caseworker)

    # when
    response = api_client.get(reverse("measures-detail", kwargs={"pk": measure.pk}))

    # then
    assert response.status_code == 404


def test_measures_are_read_with_a_token_and_paged(municipality, coordinator):
    # given
    person = _person(municipality)
    measures = [MeasureFactory(person=person, starts_on=datetime.date(2026, 9, day))
                for day in range(1, 6)]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {issue_token(coordinator)}")

    # when
    first = client.get(MEASURES, {"page_size": 2})
    last = client.get(MEASURES, {"page_size": 2, "page": 3})

    # then
    assert first.json()["count"] == 5
    assert _ids(first) == [measures[4].pk, measures[3].pk]
    assert _ids(last) == [measures[0].pk]


def test_a_volunteer_gets_403(api_client, volunteer, municipality):
    # given
    measure = MeasureFactory(person=_person(municipality))
    api_client.force_login(volunteer)

    # when
    listed = api_client.get(MEASURES)
    read = api_client.get(reverse("measures-detail", kwargs={"pk": measure.pk}))

    # then
    assert (listed.status_code, read.status_code) == (403, 403)


def test_measures_are_not_written_through_the_api(api_client, caseworker, municipality):
    # given
    measure = MeasureFactory(person=_person(municipality))
    api_client.force_login(caseworker)

    # when
    created = api_client.post(MEASURES, {"person": measure.person_id})
    changed = api_client.patch(reverse("measures-detail", kwargs={"pk": measure.pk}),
                               {"status": "cancelled"})

    # then
    assert (created.status_code, changed.status_code) == (403, 403)
    measure.refresh_from_db()
    assert measure.status == "planned"


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_the_list_costs_the_same_queries_for_2_and_12_measures(
        api_client, caseworker, municipality, django_assert_max_num_queries):
    # given measures with and without a registered employer (each its own)
    employers = itertools.count()

    def add_measures(n):
        for i in range(n):
            if i % 2:
                IguFactory(person=_person(municipality), employer=EmployerFactory(
                    municipality=municipality, cvr=valid_cvr(next(employers))))
            else:
                MeasureFactory(person=_person(municipality))

    api_client.force_login(caseworker)
    add_measures(2)
    api_client.get(MEASURES)
    small = _queries(api_client, MEASURES)

    # when
    add_measures(10)

    # then
    with django_assert_max_num_queries(small):
        response = api_client.get(MEASURES)
    assert response.json()["count"] == 12
