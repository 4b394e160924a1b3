import datetime

import pytest
from django.utils import timezone

from reception import services as reception_services
from tests.factories import HouseholdFactory, PersonFactory
from tests.housing.factories import HousingUnitFactory


@pytest.fixture(autouse=True)
def _messages_in_english():
    """The tests read the services' messages in English, the source language."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def pages_in_english(client):
    # The assertions read the English source texts; the portal's default language is Danish.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def family(municipality, *, adults=2, children_ages=(), status="arrived", arrival=None,
           basis="asylum_refugee"):
    """A case with persons of the given ages (on today's date)."""
    today = timezone.localdate()
    household = HouseholdFactory(municipality=municipality, status=status,
                                 arrival_date=arrival or today - datetime.timedelta(days=30))
    for n in range(adults):
        PersonFactory(household=household, relation="applicant" if n == 0 else "spouse",
                      birth_date=datetime.date(1985, 5, 1), residence_basis=basis)
    for age in children_ages:
        PersonFactory(household=household, relation="child", residence_basis=basis,
                      birth_date=today.replace(year=today.year - age) - datetime.timedelta(days=1))
    return household


@pytest.fixture
def household(municipality):
    return family(municipality, adults=2, children_ages=(8,))


@pytest.fixture
def unit(municipality):
    return HousingUnitFactory(municipality=municipality, capacity=4, rooms=3)


@pytest.fixture
def permanent_unit(municipality):
    return HousingUnitFactory(municipality=municipality, kind="permanent", capacity=5, rooms=4,
                              landlord_kind="housing_association",
                              landlord_name="Lejre Boligselskab", town="Hvalsø",
                              postcode="4330")


@pytest.fixture
def reception():
    return reception_services
