import pytest
from django.utils import timezone

from tests.volunteers.factories import TaskFactory, VolunteerProfileFactory


@pytest.fixture
def volunteer_profile(volunteer):
    return VolunteerProfileFactory(user=volunteer)


@pytest.fixture
def task(municipality):
    return TaskFactory(municipality=municipality)


@pytest.fixture
def claimed_task(municipality, volunteer_profile):
    return TaskFactory(municipality=municipality, status="claimed",
                       claimed_by=volunteer_profile.user, claimed_at=timezone.now())


@pytest.fixture(autouse=True)
def _messages_in_english():
    """The tests read the services' messages in English, the source language."""
    from django.utils import translation

    with translation.override("en"):
        yield
