"""The case list finds cases by name, CPR number or reference, and filters them."""

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(municipality, caseworker, other_municipality):
    mine = HouseholdFactory(municipality=municipality, caseworker=caseworker,
                            reference="LEJ-2026-0001")
    PersonFactory(household=mine, first_name="Tesfay", last_name="Gebremariam",
                  cpr="010190-2013", birth_date=date(1990, 1, 1))
    theirs = HouseholdFactory(municipality=municipality, reference="LEJ-2026-0002",
                              status="closed")
    PersonFactory(household=theirs, first_name="Olena", last_name="Kovalenko")
    elsewhere = HouseholdFactory(municipality=other_municipality, reference="VEJ-2026-0001")
    PersonFactory(household=elsewhere, first_name="Tesfay", last_name="Gebremariam")
    return mine, theirs, elsewhere


@pytest.mark.parametrize("query", ["Gebremariam", "tesfay", "010190-2013", "0101902013",
                                   "010190", "LEJ-2026-0001"])
def test_search_finds_the_case(client, caseworker, cases, query):
    client.force_login(caseworker)

    response = client.get(reverse("reception:case_list"), {"q": query})

    assert list(response.context["page"].object_list) == [cases[0]]


def test_filters_narrow_the_list(client, caseworker, cases):
    client.force_login(caseworker)

    mine = client.get(reverse("reception:case_list"), {"caseworker": "me"})
    closed = client.get(reverse("reception:case_list"), {"status": "closed"})

    assert list(mine.context["page"].object_list) == [cases[0]]
    assert list(closed.context["page"].object_list) == [cases[1]]


def test_the_next_page_keeps_the_search(client, caseworker, municipality):
    for _ in range(30):
        PersonFactory(household=HouseholdFactory(municipality=municipality),
                      last_name="Ahmadi")
    client.force_login(caseworker)

    response = client.get(reverse("reception:case_list"), {"q": "Ahmadi"})

    assert response.context["page"].paginator.count == 30
    assert "?q=Ahmadi&amp;page=2" in response.content.decode()
