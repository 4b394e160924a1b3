"""Bad input when planning a measure: a clear message on the field, everything typed kept,
nothing saved."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from employment.models import Measure
from integration_portal.audit.models import AuditEvent
from tests.employment.factories import (
    DanishEducationFactory,
    EmployerFactory,
    MeasureFactory,
    measure_type,
)
from tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def person(municipality, caseworker):
    household = HouseholdFactory(municipality=municipality, caseworker=caseworker)
    return PersonFactory(household=household, birth_date=date(1995, 5, 1))


def plan_data(**overrides):
    data = {"measure_type": measure_type("company_internship").pk, "employer": "",
            "employer_name": "Lejre Bageri", "opening": "", "starts_on": "2026-09-01",
            "ends_on": "", "hours_per_week": "20", "notes": "Morgenhold i bageriet."}
    return {**data, **overrides}


def post_plan(client, person, **overrides):
    return client.post(reverse("employment:measure_plan", args=[person.pk]),
                       plan_data(**overrides))


def assert_typed_kept(response, *values):
    content = response.content.decode()
    for value in values:
        assert value in content, value
    assert "Morgenhold i bageriet." in content


def assert_nothing_saved(count=0):
    assert Measure.objects.count() == count
    assert not AuditEvent.objects.filter(object_type="employment.measure",
                                         action="create").exists()


def test_an_end_before_the_start(client, caseworker, person):
    client.force_login(caseworker)

    response = post_plan(client, person, starts_on="2026-09-01", ends_on="2026-08-15")

    assert response.status_code == 200
    assert response.context["form"].errors == {"ends_on": ["The end is before the start."]}
    assert_typed_kept(response, 'value="2026-09-01"', 'value="2026-08-15"',
                      'value="Lejre Bageri"')
    assert_nothing_saved()


def test_an_overlapping_measure_of_the_same_kind(client, caseworker, person):
    # given a planned company internship from 1 September
    MeasureFactory(person=person, category="company_internship",
                   starts_on=date(2026, 9, 1))
    client.force_login(caseworker)

    # when a second one is planned from 1 October
    response = post_plan(client, person, starts_on="2026-10-01", hours_per_week="10")

    # then
    assert response.status_code == 200
    [message] = response.context["form"].errors["starts_on"]
    assert "already has Company internship from" in message
    assert "two measures of the same kind cannot overlap" in message
    assert_typed_kept(response, 'value="2026-10-01"', 'value="10"')
    assert_nothing_saved(count=1)


def test_a_measure_of_another_kind_may_overlap(client, caseworker, person):
    MeasureFactory(person=person, category="company_internship", starts_on=date(2026, 9, 1),
                   hours_per_week=Decimal("15"))
    client.force_login(caseworker)

    response = post_plan(client, person, measure_type=measure_type("small_job").pk,
                         starts_on="2026-10-01", hours_per_week="10")

    assert response.status_code == 302
    assert Measure.objects.count() == 2


def test_more_hours_a_week_in_all_than_the_rules_allow(client, caseworker, person):
    # given Danish lessons of 20 hours a week from August
    DanishEducationFactory(person=person, referred_on=date(2026, 8, 1),
                           starts_on=date(2026, 8, 10), hours_per_week=Decimal("20"))
    client.force_login(caseworker)

    # when a 20-hour internship is planned in the same weeks
    response = post_plan(client, person, hours_per_week="20")

    # then 40 is more than 37
    assert response.status_code == 200
    [message] = response.context["form"].errors["hours_per_week"]
    assert "that is 40.0 hours a week: at most 37.0 are allowed" in message
    assert_typed_kept(response, 'value="20"', 'value="2026-09-01"')
    assert_nothing_saved()


def test_an_employer_of_another_municipality(client, caseworker, person, other_municipality):
    # given an employer in another municipality's register
    stranger = EmployerFactory(municipality=other_municipality, name="Vejen Byg")
    client.force_login(caseworker)

    # when its id is posted
    response = post_plan(client, person, employer=stranger.pk, employer_name="Vejen",
                         hours_per_week="22.5")

    # then
    assert response.status_code == 200
    assert response.context["form"].errors["employer"] == [
        "Choose an employer from your municipality's register, or type the name below."]
    content = response.content.decode()
    assert "Vejen Byg" not in content
    assert_typed_kept(response, 'value="Vejen"', 'value="22.5"')
    assert_nothing_saved()


def test_a_kind_that_needs_an_employer_without_one(client, caseworker, person):
    client.force_login(caseworker)

    response = post_plan(client, person, employer_name="  ")

    assert response.context["form"].errors["employer"] == [
        "Choose the employer, or type its name if it is not in the register."]
    assert_nothing_saved()


def test_missing_and_malformed_values(client, caseworker, person):
    client.force_login(caseworker)

    response = post_plan(client, person, measure_type="", starts_on="1. september",
                         hours_per_week="mange")

    errors = response.context["form"].errors
    assert set(errors) == {"measure_type", "starts_on", "hours_per_week"}
    content = response.content.decode()
    assert "Please correct the following" in content
    assert 'value="1. september"' in content and 'value="mange"' in content
    assert_nothing_saved()
