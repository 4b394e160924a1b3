"""Planning a measure from the person's page: the form offers the municipality's kinds,
active employers and open openings; a plan within the rules is saved, audit-logged, and
shown on its own page."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from employment.models import Measure
from integration_portal.audit.models import AuditEvent
from tests.employment.factories import EmployerFactory, OpeningFactory, measure_type
from tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def person(municipality, caseworker):
    household = HouseholdFactory(municipality=municipality, caseworker=caseworker)
    return PersonFactory(household=household, first_name="Amina", last_name="Haddad",
                         birth_date=date(1995, 5, 1))


def plan_data(**overrides):
    data = {"measure_type": measure_type("company_internship").pk, "employer": "",
            "employer_name": "Lejre Bageri", "opening": "", "starts_on": "2026-09-01",
            "ends_on": "", "hours_per_week": "20", "notes": "Bager om morgenen."}
    return {**data, **overrides}


def test_a_plan_within_the_rules_is_saved_with_the_standard_length(client, caseworker, person):
    # given
    client.force_login(caseworker)

    # when the end is left empty
    response = client.post(reverse("employment:measure_plan", args=[person.pk]), plan_data())

    # then the internship gets the rules' 13 weeks, and the caseworker sees its page
    measure = Measure.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("employment:measure_detail", args=[measure.pk])
    assert (measure.person, measure.household, measure.status) == (
        person, person.household, "planned")
    assert measure.measure_type == measure_type("company_internship")
    assert (measure.starts_on, measure.ends_on) == (date(2026, 9, 1), date(2026, 11, 30))
    assert measure.hours_per_week == Decimal("20")
    assert (measure.employer_name, measure.notes) == ("Lejre Bageri", "Bager om morgenen.")
    assert measure.rule_set is not None and measure.created_by == caseworker
    event = AuditEvent.objects.get(object_type="employment.measure", action="create")
    assert event.trail == f"reception.household:{person.household_id}"
    assert "Amina" not in event.summary


def test_a_register_employer_and_opening_are_kept(client, caseworker, person, municipality):
    # given an employer of the register with an open opening
    employer = EmployerFactory(municipality=municipality, name="Hvalsø Kro")
    opening = OpeningFactory(employer=employer, title="Køkkenmedhjælper")
    client.force_login(caseworker)

    # when the opening is chosen, and no employer: the opening's employer is meant
    client.post(reverse("employment:measure_plan", args=[person.pk]),
                plan_data(employer_name="", opening=opening.pk))

    # then
    measure = Measure.objects.get()
    assert (measure.employer, measure.opening, measure.employer_name) == (
        employer, opening, "Hvalsø Kro")


def test_the_form_offers_only_what_can_be_chosen(client, caseworker, person, municipality,
                                                 other_municipality):
    # given active and inactive employers, another municipality's, and a filled opening
    active = EmployerFactory(municipality=municipality, name="Lejre Bageri ApS")
    EmployerFactory(municipality=municipality, name="Lukket Værksted", is_active=False)
    EmployerFactory(municipality=other_municipality, name="Vejen Byg")
    OpeningFactory(employer=active, title="Bagerlærling")
    OpeningFactory(employer=active, title="Allerede besat", status="filled")
    client.force_login(caseworker)

    # when
    response = client.get(reverse("employment:measure_plan", args=[person.pk]))

    # then
    content = response.content.decode()
    assert response.status_code == 200
    assert "Plan a measure for Amina Haddad" in content
    assert "Lejre Bageri ApS" in content and "Bagerlærling" in content
    for hidden in ("Lukket Værksted", "Vejen Byg", "Allerede besat"):
        assert hidden not in content
    assert "Basic integration education (IGU)" in content
    assert "Leave empty for the standard length" in content
    # the form shows the person's name: the view is logged on the case
    assert AuditEvent.objects.filter(actor=caseworker, action="view",
                                     trail=f"reception.household:{person.household_id}",
                                     ).exists()


def test_the_person_page_offers_the_plan_form(client, caseworker, person):
    client.force_login(caseworker)

    content = client.get(reverse("employment:person", args=[person.pk])).content.decode()

    assert reverse("employment:measure_plan", args=[person.pk]) in content
