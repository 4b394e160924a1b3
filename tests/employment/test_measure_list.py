"""The municipality's measures: filtered by kind, status and employer, a page at a time,
each person's name a link to their employment page; the cost does not grow with the rows."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.employment.factories import EmployerFactory, MeasureFactory
from tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 8


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def person_of(municipality, **fields):
    return PersonFactory(household=HouseholdFactory(municipality=municipality), **fields)


def measures(municipality, count, **fields):
    employer = EmployerFactory(municipality=municipality)
    return [MeasureFactory(person=person_of(municipality), employer=employer,
                           starts_on=date(2026, 1, 5) + timedelta(days=n), **fields)
            for n in range(count)]


def test_the_list_shows_the_municipalitys_measures_linking_to_the_persons(
    client, caseworker, municipality, other_municipality
):
    # given a measure here and one in another municipality
    amina = person_of(municipality, first_name="Amina", last_name="Haddad")
    mine = MeasureFactory(person=amina, employer_name="Lejre Bageri")
    MeasureFactory(person=person_of(other_municipality, first_name="Omar"),
                   employer_name="Vejen Byg")
    client.force_login(caseworker)

    # when
    response = client.get(reverse("employment:measure_list"))

    # then
    assert list(response.context["page"].object_list) == [mine]
    content = response.content.decode()
    assert f'<a href="{reverse("employment:person", args=[amina.pk])}">Amina Haddad</a>' \
        in content
    assert reverse("employment:measure_detail", args=[mine.pk]) in content
    assert "Vejen Byg" not in content and "Omar" not in content


def test_the_filters_narrow_the_list(client, caseworker, municipality):
    # given measures of two kinds, two statuses and two employers
    bakery = EmployerFactory(municipality=municipality, name="Lejre Bageri")
    inn = EmployerFactory(municipality=municipality, name="Hvalsø Kro")
    internship = MeasureFactory(person=person_of(municipality), employer=bakery)
    small_job = MeasureFactory(person=person_of(municipality), category="small_job",
                               employer=inn, status="active",
                               actual_starts_on=date(2026, 9, 1))
    igu = MeasureFactory(person=person_of(municipality), category="igu", employer=inn)
    client.force_login(caseworker)
    url = reverse("employment:measure_list")

    def listed(**params):
        return set(client.get(url, params).context["page"].object_list)

    # then
    assert listed() == {internship, small_job, igu}
    assert listed(measure_type=igu.measure_type_id) == {igu}
    assert listed(status="active") == {small_job}
    assert listed(employer=inn.pk) == {small_job, igu}
    assert listed(employer=inn.pk, status="planned") == {igu}
    # a stale or foreign value drops only its own filter
    assert listed(employer=999999, status="active") == {small_job}


def test_the_list_is_paginated_and_keeps_the_filter(client, caseworker, municipality):
    measures(municipality, 30)
    client.force_login(caseworker)

    first = client.get(reverse("employment:measure_list"), {"status": "planned"})
    second = client.get(reverse("employment:measure_list"), {"status": "planned", "page": 2})

    assert len(first.context["page"].object_list) == 25
    assert len(second.context["page"].object_list) == 5
    assert "?status=planned&amp;page=2" in first.content.decode()
    assert "30 measures" in first.content.decode()


def test_the_list_does_not_grow_with_the_measures(client, caseworker, municipality,
                                                  django_assert_max_num_queries):
    client.force_login(caseworker)
    url = reverse("employment:measure_list")
    measures(municipality, 3)
    with django_assert_max_num_queries(MAX_QUERIES), \
            CaptureQueriesContext(connection) as few:
        client.get(url)

    measures(municipality, 20)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)

    assert len(response.context["page"].object_list) == 23
    assert len(many.captured_queries) == len(few.captured_queries)
