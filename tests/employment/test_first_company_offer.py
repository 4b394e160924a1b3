"""The first measure with an employer that starts completes the person's reception milestone
"first company-oriented offer" on its start date; other measures leave it open."""

from datetime import timedelta

import pytest
from django.utils import timezone

from employment.services.measures import measure_start
from integration_portal.rules.kinds import FIRST_COMPANY_OFFER
from tests.employment.factories import MeasureFactory
from tests.factories import HouseholdFactory, MilestoneFactory, PersonFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def person(municipality):
    return PersonFactory(household=HouseholdFactory(municipality=municipality))


@pytest.fixture
def milestone(person):
    return MilestoneFactory(household=person.household, person=person, kind=FIRST_COMPANY_OFFER,
                            due_date=TODAY + timedelta(days=10))


def test_an_internship_that_starts_is_the_first_company_oriented_offer(caseworker, person,
                                                                       milestone):
    # given a planned company internship
    internship = MeasureFactory(person=person, category="company_internship",
                                starts_on=TODAY - timedelta(days=2))

    # when it starts
    measure_start(actor=caseworker, measure=internship, started_on=TODAY - timedelta(days=1))

    # then the milestone is done on the start date, by the caseworker, saying what started
    milestone.refresh_from_db()
    assert milestone.done_on == TODAY - timedelta(days=1)
    assert milestone.done_by == caseworker
    assert "started" in milestone.note


def test_an_education_is_not_a_company_oriented_offer(caseworker, person, milestone):
    education = MeasureFactory(person=person, category="education",
                               starts_on=TODAY - timedelta(days=2))

    measure_start(actor=caseworker, measure=education, started_on=TODAY)

    milestone.refresh_from_db()
    assert milestone.done_on is None


def test_a_milestone_already_done_keeps_its_date(caseworker, person, milestone):
    milestone.done_on = TODAY - timedelta(days=20)
    milestone.done_by = caseworker
    milestone.save()
    internship = MeasureFactory(person=person, category="language_internship",
                                starts_on=TODAY - timedelta(days=2))

    measure_start(actor=caseworker, measure=internship, started_on=TODAY)

    milestone.refresh_from_db()
    assert milestone.done_on == TODAY - timedelta(days=20)
