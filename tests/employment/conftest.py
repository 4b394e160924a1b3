import pytest
from django.utils import timezone

from tests.factories import HouseholdFactory, PersonFactory
from tests.volunteers.factories import TaskFactory, VolunteerProfileFactory
from volunteers.services import task_complete

JOB_CENTRE = "jobcenter@lejre.example"


@pytest.fixture(autouse=True)
def _messages_in_english():
    """The tests read the services' messages in English, the source language."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def job_centre(municipality):
    municipality.job_centre_email = JOB_CENTRE
    municipality.save(update_fields=["job_centre_email"])
    return JOB_CENTRE


@pytest.fixture
def household(municipality, caseworker):
    household = HouseholdFactory(municipality=municipality, caseworker=caseworker,
                                 reference="LEJ-2026-00042")
    PersonFactory(household=household, first_name="Amina", last_name="Haddad",
                  cpr="010190-1234")
    return household


@pytest.fixture
def volunteer_profile(volunteer):
    return VolunteerProfileFactory(user=volunteer)


def claimed_task_for(municipality, volunteer, household=None):
    return TaskFactory(municipality=municipality, household=household, status="claimed",
                       claimed_by=volunteer, claimed_at=timezone.now())


def report_internship(task, *, employer="Lejre Bageri",
                      text="Bageren vil gerne tage imod i sprogpraktik."):
    return task_complete(task=task, volunteer=task.claimed_by, report_text=text,
                         found_language_internship=True, employer_name=employer)


@pytest.fixture
def referral(municipality, household, volunteer_profile):
    """An open referral with its draft measure, as a volunteer's report creates it."""
    task = claimed_task_for(municipality, volunteer_profile.user, household)
    return report_internship(task).jobcentre_referral
