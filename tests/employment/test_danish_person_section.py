"""The person page's Danish education section: each education with its passed tests, links
to change it for those who work on cases, and no query per education."""

import datetime
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from employment.selectors.danish import person_danish
from tests.employment.factories import DanishEducationFactory
from tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(municipality):
    return PersonFactory(household=HouseholdFactory(municipality=municipality))


def section(person, educations, *, can_work):
    with translation.override("en"):
        return render_to_string("employment/_danish_education.html", {
            "person": person, "educations": educations, "can_work": can_work,
        }, request=RequestFactory().get("/"))


def test_the_persons_education_newest_first_with_its_tests(person, caseworker,
                                                          django_assert_num_queries):
    # given two educations, the newer with two passed tests
    older = DanishEducationFactory(person=person, referred_on=datetime.date(2025, 3, 1),
                                   track="DU1", status="stopped")
    newer = DanishEducationFactory(person=person, referred_on=datetime.date(2026, 2, 1),
                                   starts_on=datetime.date(2026, 2, 16), status="active",
                                   hours_per_week=Decimal("12.5"))
    newer.tests.create(test="module", module=1, passed_on=datetime.date(2026, 6, 20),
                       grade="7")
    newer.tests.create(test="module", module=2, passed_on=datetime.date(2026, 10, 1))
    DanishEducationFactory(person=PersonFactory(household=person.household))

    # when
    with django_assert_num_queries(2):
        educations = person_danish(viewer=caseworker, person=person)
        # then rendering asks nothing more of the database
        html = section(person, educations, can_work=True)

    assert educations == [newer, older]
    assert "Danish Education 2 (DU2) · Sprogcenter Roskilde" in html
    assert "Module test (module 2)" in html
    assert '<time datetime="2026-02-16">' in html
    assert "12.5 hours" in html
    assert reverse("employment:danish_edit", args=[newer.pk]) in html
    assert reverse("employment:danish_test_add", args=[older.pk]) in html
    assert reverse("employment:danish_create", args=[person.pk]) in html


def test_a_reader_gets_no_links_to_change(person, manager):
    education = DanishEducationFactory(person=person)

    html = section(person, person_danish(viewer=manager, person=person), can_work=False)

    assert "Sprogcenter Roskilde" in html
    assert reverse("employment:danish_edit", args=[education.pk]) not in html
    assert reverse("employment:danish_create", args=[person.pk]) not in html


def test_another_municipality_sees_nothing(person, other_manager):
    DanishEducationFactory(person=person)

    assert person_danish(viewer=other_manager, person=person) == []


def test_without_education_the_section_says_so(person):
    assert "No Danish education recorded." in section(person, [], can_work=True)
