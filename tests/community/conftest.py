import datetime

import pytest

from tests.community.factories import AssociationFactory
from tests.factories import HouseholdFactory, PersonFactory


@pytest.fixture
def household(municipality, caseworker):
    return HouseholdFactory(municipality=municipality, caseworker=caseworker,
                            reference="LEJ-2026-00042", status="arrived",
                            address="Møllevej 7, 4330 Hvalsø")


@pytest.fixture
def parent(household):
    return PersonFactory(household=household, relation="applicant", first_name="Amina",
                         last_name="Haddad", birth_date=datetime.date(1988, 5, 1),
                         cpr="010588-1234", phone="20 11 22 33", email="amina@example.org",
                         languages=["ar", "en"], needs_note="Diabetes")


@pytest.fixture
def child(household):
    return PersonFactory(household=household, relation="child", first_name="Yusuf",
                         last_name="Haddad", birth_date=datetime.date.today().replace(
                             year=datetime.date.today().year - 10, day=1),
                         cpr="010216-4001", languages=["ar"], needs_note="Astma")


@pytest.fixture
def club(municipality):
    return AssociationFactory(municipality=municipality, name="Hvalsø IF",
                              email="fodbold@hvalsoe-if.example.org")
