"""The case page lists the household's children with their places, assessments and youth
guidance (for 15–17-year-olds), at a fixed number of queries."""

import pytest
from django.urls import reverse

from children import services
from children.selectors import case_children
from tests.children.conftest import ARRIVAL, TODAY, child_on_case
from tests.children.factories import (
    ChildPlacementFactory,
    InstitutionFactory,
    LanguageAssessmentFactory,
)

pytestmark = pytest.mark.django_db


def test_the_case_page_shows_the_children(pages_in_english, caseworker, household, child,
                                          teenager, daycare):
    services.placement_create(person=child, actor=caseworker, institution=daycare,
                              status="requested", requested_on=ARRIVAL)
    pages_in_english.force_login(caseworker)

    page = pages_in_english.get(reverse("reception:case_detail", args=[household.pk]))

    content = page.content.decode()
    assert 'id="children-heading"' in content
    assert reverse("children:child", args=[child.pk]) in content
    assert "Børnehuset Troldehøj" in content and "Requested" in content
    # the teenager's youth guidance, by the municipality's name (default Kommunal ungeindsats)
    assert "No Kommunal ungeindsats yet" in content
    assert "Rania" not in content.split('id="children-heading"')[1].split("</section>")[0]


def _children(household, municipality, count):
    for n in range(count):
        kid = child_on_case(household, years=3 + n % 14, first_name=f"Barn{n}")
        ChildPlacementFactory(person=kid, institution=InstitutionFactory(
            municipality=municipality), requested_on=ARRIVAL)
        LanguageAssessmentFactory(person=kid, assessed_on=ARRIVAL)


def test_the_section_costs_the_same_for_two_children_as_for_twelve(
        household, municipality, django_assert_num_queries):
    _children(household, municipality, 2)
    with django_assert_num_queries(3):
        rows = case_children(household=household, today=TODAY)
        [(row.placements, row.assessments, row.guidance) for row in rows]

    _children(household, municipality, 10)
    with django_assert_num_queries(3):
        rows = case_children(household=household, today=TODAY)
        assert len(rows) == 12


def test_a_case_without_children_costs_one_query(household, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert case_children(household=household, today=TODAY) == []


def test_the_institution_list_does_not_grow_with_its_rows(
        client, caseworker, municipality, django_assert_num_queries):
    client.force_login(caseworker)
    for _ in range(2):
        InstitutionFactory(municipality=municipality)
    client.get(reverse("children:institution_list"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("children:institution_list"))
    for _ in range(10):
        InstitutionFactory(municipality=municipality)
    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get(reverse("children:institution_list")).status_code == 200
