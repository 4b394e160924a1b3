"""The person's employment page: the facts the rules look at, the measures, Danish education
and the outcomes; reading it is logged on the case; its cost does not grow with the measures.
The case page's employment section lists, per person with measures or Danish education,
their measures and a link to the page."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from employment.selectors.measures import household_employment
from integration_portal.audit.models import AuditEvent
from tests.employment.factories import DanishEducationFactory, EmployerFactory, MeasureFactory
from tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
MAX_QUERIES = 11


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def household(municipality, caseworker):
    return HouseholdFactory(municipality=municipality, caseworker=caseworker,
                            reference="LEJ-2026-00042")


@pytest.fixture
def person(household):
    return PersonFactory(household=household, first_name="Amina", last_name="Haddad",
                         birth_date=TODAY.replace(year=TODAY.year - 31) - timedelta(days=1),
                         residence_basis="quota_refugee",
                         takeover_date=date(2026, 2, 1))


def add_measures(person, count):
    employer = EmployerFactory(municipality=person.household.municipality)
    kinds = ["company_internship", "small_job", "igu", "ordinary_job", "education"]
    for n in range(count):
        MeasureFactory(person=person, category=kinds[n % len(kinds)], employer=employer,
                       starts_on=date(2020, 1, 6) + timedelta(weeks=30 * n))


def test_the_page_shows_the_person_and_the_measures(client, caseworker, person, municipality):
    # given a measure with a register employer, Danish lessons, and a measure of somebody else
    employer = EmployerFactory(municipality=municipality, name="Hvalsø Kro")
    measure = MeasureFactory(person=person, employer=employer, employer_name="Hvalsø Kro",
                             starts_on=date(2026, 3, 2), hours_per_week=Decimal("22.5"))
    DanishEducationFactory(person=person, provider="Sprogcenter Roskilde")
    MeasureFactory(employer_name="Andens Arbejdsgiver")
    client.force_login(caseworker)

    # when
    response = client.get(reverse("employment:person", args=[person.pk]))

    # then
    assert response.status_code == 200
    assert response.context["measures"] == [measure]
    content = response.content.decode()
    assert "<h1>Employment and outcomes – Amina Haddad</h1>" in content
    assert "31 years" in content
    assert "Quota refugee" in content
    assert '<time datetime="2026-02-01">' in content
    assert "Company internship" in content and "Hvalsø Kro" in content
    assert '<time datetime="2026-03-02">' in content and "22.5" in content
    assert reverse("employment:measure_detail", args=[measure.pk]) in content
    assert "Andens Arbejdsgiver" not in content
    # the other helpers' sections: Danish education and the outcomes
    assert "Sprogcenter Roskilde" in content
    assert 'id="outcomes-heading"' in content
    assert reverse("employment:measure_plan", args=[person.pk]) in content


def test_reading_the_page_is_logged_on_the_case(client, caseworker, person):
    client.force_login(caseworker)

    client.get(reverse("employment:person", args=[person.pk]))

    event = AuditEvent.objects.get(action="view")
    assert (event.actor, event.object_type, event.object_id) == (
        caseworker, "reception.person", str(person.pk))
    assert event.trail == f"reception.household:{person.household_id}"


def test_the_page_does_not_grow_with_the_measures(client, caseworker, person,
                                                  django_assert_max_num_queries):
    client.force_login(caseworker)
    url = reverse("employment:person", args=[person.pk])
    add_measures(person, 2)
    DanishEducationFactory(person=person)
    with django_assert_max_num_queries(MAX_QUERIES), \
            CaptureQueriesContext(connection) as few:
        client.get(url)

    add_measures(person, 8)
    DanishEducationFactory(person=person, track="DU3")
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)

    assert len(response.context["measures"]) == 10
    assert len(many.captured_queries) == len(few.captured_queries)


# --- The case page's section ------------------------------------------------------------------


def test_the_case_section_lists_the_persons_with_employment(client, caseworker, household,
                                                           person):
    # given Amina with a measure, her husband with Danish lessons, a grown son with neither,
    # and a child
    measure = MeasureFactory(person=person, employer_name="Lejre Bageri")
    husband = PersonFactory(household=household, first_name="Karim", relation="spouse",
                            birth_date=date(1990, 1, 1))
    DanishEducationFactory(person=husband)
    son = PersonFactory(household=household, first_name="Yusuf", relation="child",
                        birth_date=date(2005, 6, 1))
    child = PersonFactory(household=household, first_name="Lina", relation="child",
                          birth_date=TODAY - timedelta(days=365 * 6))
    client.force_login(caseworker)

    # when
    content = client.get(reverse("reception:case_detail", args=[household.pk])
                         ).content.decode()

    # then
    assert "Measures for Amina Haddad" in content
    assert reverse("employment:measure_detail", args=[measure.pk]) in content
    assert "Lejre Bageri" in content
    for someone in (person, husband, son):
        assert reverse("employment:person", args=[someone.pk]) in content
    assert reverse("employment:person", args=[child.pk]) not in content
    assert "No measures; Danish education is recorded." in content


def test_the_case_section_costs_four_queries(caseworker, household, person,
                                             django_assert_num_queries):
    # given many persons with measures
    add_measures(person, 5)
    for _ in range(4):
        add_measures(PersonFactory(household=household), 3)

    # when / then: persons, their measures, their outcomes and the referrals
    with django_assert_num_queries(4):
        section = household_employment(viewer=caseworker, household=household)
        assert sum(len(row.measures) for row in section["persons"]) == 17


def test_the_case_section_is_empty_for_another_municipality(other_caseworker, household,
                                                            person):
    MeasureFactory(person=person)

    section = household_employment(viewer=other_caseworker, household=household)

    assert section == {"persons": [], "others": [], "referrals": []}
