import datetime

import pytest
from django.utils import timezone

from reception import services as reception
from tests.children.factories import InstitutionFactory
from tests.factories import HouseholdFactory, PersonFactory

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)
ARRIVAL = TODAY - 40 * DAY


@pytest.fixture(autouse=True)
def _messages_in_english():
    """The tests read the services' messages in English, the source language."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def pages_in_english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def born_years_ago(years: int) -> datetime.date:
    """A child who is `years` old today (had the birthday about a month ago)."""
    return TODAY - (int(365.25 * years) + 40) * DAY


def child_on_case(household, *, years: int, first_name: str = "Omar"):
    return PersonFactory(household=household, relation="child", first_name=first_name,
                         last_name="Haddad", birth_date=born_years_ago(years))


@pytest.fixture
def household(municipality, caseworker):
    household = HouseholdFactory(municipality=municipality, status="arrived",
                                 arrival_date=ARRIVAL, caseworker=caseworker,
                                 reference="LEJ-2026-0042")
    PersonFactory(household=household, first_name="Rania", last_name="Haddad",
                  birth_date=datetime.date(1988, 7, 2))
    return household


@pytest.fixture
def child(household):
    return child_on_case(household, years=4)


@pytest.fixture
def teenager(household):
    return child_on_case(household, years=16, first_name="Karim")


@pytest.fixture
def daycare(municipality):
    return InstitutionFactory(municipality=municipality, name="Børnehuset Troldehøj")


@pytest.fixture
def school(municipality):
    return InstitutionFactory(municipality=municipality, name="Hvalsø Skole", kind="school")


@pytest.fixture
def reception_services():
    return reception
