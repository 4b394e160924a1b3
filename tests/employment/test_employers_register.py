"""The register's pages: the list with its search and filters and the counts per employer,
and an employer's page with its openings and its measures counted by kind and status."""

import datetime

import pytest
from django.urls import reverse

from tests.employment.factories import (
    EmployerFactory,
    MeasureFactory,
    OpeningFactory,
    valid_cvr,
)
from tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def register(municipality, other_municipality):
    bakery = EmployerFactory(municipality=municipality, name="Lejre Bageri ApS",
                             cvr="29189846", sector="hospitality", in_network=True)
    EmployerFactory(municipality=municipality, name="Hvalsø Rengøring", cvr="10150817",
                    sector="cleaning")
    EmployerFactory(municipality=municipality, name="Osted Maskinfabrik", cvr="25313763",
                    sector="manufacturing", in_network=True, is_active=False)
    EmployerFactory(municipality=other_municipality, name="Vejen Bageri", cvr="35954716")
    return bakery


def names(response):
    return [employer.name for employer in response.context["page"].object_list]


def test_the_list_shows_the_municipalitys_employers_active_first(client, caseworker,
                                                                 register):
    client.force_login(caseworker)

    response = client.get(reverse("employment:employer_list"))

    assert response.status_code == 200
    assert names(response) == ["Hvalsø Rengøring", "Lejre Bageri ApS", "Osted Maskinfabrik"]
    page = response.content.decode()
    assert reverse("employment:employer_detail", args=[register.pk]) in page
    assert "Hanne Holm" in page and "29189846" in page
    assert reverse("employment:employer_create") in page  # "Add an employer"


@pytest.mark.parametrize(("query", "expected"), [
    ("bageri", ["Lejre Bageri ApS"]),
    ("lejre BAGERI", ["Lejre Bageri ApS"]),
    ("2918", ["Lejre Bageri ApS"]),
    ("DK 1015 0817", ["Hvalsø Rengøring"]),
    ("Vejen", []),  # another municipality's employer is not found
])
def test_the_search_finds_a_name_or_a_cvr_number(client, caseworker, register, query,
                                                 expected):
    client.force_login(caseworker)

    response = client.get(reverse("employment:employer_list"), {"q": query})

    assert names(response) == expected


def test_the_filters_network_and_sector(client, caseworker, register):
    client.force_login(caseworker)

    in_network = client.get(reverse("employment:employer_list"), {"in_network": "on"})
    cleaning = client.get(reverse("employment:employer_list"), {"sector": "cleaning"})

    assert names(in_network) == ["Lejre Bageri ApS", "Osted Maskinfabrik"]
    assert names(cleaning) == ["Hvalsø Rengøring"]


def test_the_list_counts_open_openings_and_live_measures_without_mixing_them(
        client, caseworker, municipality, register):
    # given two open openings, one filled, and three measures of which two are live
    OpeningFactory(employer=register, title="Bager")
    OpeningFactory(employer=register, title="Opvasker")
    OpeningFactory(employer=register, title="Kok", status="filled")
    household = HouseholdFactory(municipality=municipality)
    for status in ("planned", "active", "ended"):
        MeasureFactory(person=PersonFactory(household=household), employer=register,
                       status=status)
    client.force_login(caseworker)

    # when
    response = client.get(reverse("employment:employer_list"), {"q": "bageri"})

    # then
    (bakery,) = response.context["page"].object_list
    assert (bakery.open_openings, bakery.live_measures) == (2, 2)


def test_the_list_costs_the_same_queries_for_twenty_employers(
        client, caseworker, municipality, django_assert_max_num_queries):
    # given 20 employers, each with openings and measures
    household = HouseholdFactory(municipality=municipality)
    person = PersonFactory(household=household)
    for n in range(20):
        employer = EmployerFactory(municipality=municipality, cvr=valid_cvr(n))
        OpeningFactory(employer=employer)
        MeasureFactory(person=person, employer=employer)
    client.force_login(caseworker)

    # when / then: session, user and municipality, the base layout's notifications, the
    # count and the page; a query per employer would make it 26 or more
    with django_assert_max_num_queries(6):
        response = client.get(reverse("employment:employer_list"))
    assert len(response.context["page"].object_list) == 20
    assert response.content.decode().count("employment/employers/") >= 20


def test_a_manager_reads_the_list_without_the_add_button(client, manager, register):
    client.force_login(manager)

    response = client.get(reverse("employment:employer_list"))

    assert response.status_code == 200
    assert reverse("employment:employer_create") not in response.content.decode()


def test_the_employer_page_counts_measures_by_kind_and_status_and_names_nobody(
        client, caseworker, municipality, register):
    # given
    household = HouseholdFactory(municipality=municipality)
    amina = PersonFactory(household=household, first_name="Amina", last_name="Haddad")
    yonas = PersonFactory(household=household, first_name="Yonas", last_name="Tesfaye")
    MeasureFactory(person=amina, employer=register, category="company_internship")
    MeasureFactory(person=yonas, employer=register, category="company_internship",
                   status="ended")
    MeasureFactory(person=yonas, employer=register, category="igu", status="active",
                   starts_on=datetime.date(2027, 1, 4))
    MeasureFactory(person=amina, employer=EmployerFactory(municipality=municipality,
                                                          cvr=valid_cvr(1)))  # elsewhere
    client.force_login(caseworker)

    # when
    response = client.get(reverse("employment:employer_detail", args=[register.pk]))

    # then
    assert response.status_code == 200
    counts = response.context["measure_counts"]
    assert counts.total == 3
    rows = {row.kind: row.counts for row in counts.rows}
    # columns: draft, planned, in progress, ended, cancelled
    assert rows == {
        "Basic integration education (IGU)": [0, 0, 1, 0, 0],
        "Company internship": [0, 1, 0, 1, 0],
    }
    page = response.content.decode()
    for name in ("Amina", "Haddad", "Yonas", "Tesfaye"):
        assert name not in page


def test_the_employer_page_lists_its_openings_open_ones_first(client, caseworker, register):
    # given
    OpeningFactory(employer=register, title="Kok", status="filled")
    OpeningFactory(employer=register, title="Bager", languages=["ar", "en"])
    client.force_login(caseworker)

    # when
    response = client.get(reverse("employment:employer_detail", args=[register.pk]))

    # then
    assert [o.title for o in response.context["openings"]] == ["Bager", "Kok"]
    page = response.content.decode()
    assert "Arabic, English" in page
    assert reverse("employment:opening_create", args=[register.pk]) in page
