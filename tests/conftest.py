import pytest

from tests.factories import MunicipalityFactory, UserFactory


@pytest.fixture
def municipality():
    return MunicipalityFactory(name="Lejre", code="350", slug="lejre")


@pytest.fixture
def other_municipality():
    return MunicipalityFactory(name="Vejen", code="575", slug="vejen")


@pytest.fixture
def caseworker(municipality):
    return UserFactory(municipality=municipality, caseworker=True)


@pytest.fixture
def coordinator(municipality):
    return UserFactory(municipality=municipality, coordinator=True)


@pytest.fixture
def manager(municipality):
    return UserFactory(municipality=municipality, manager=True)


@pytest.fixture
def volunteer(municipality):
    return UserFactory(municipality=municipality, volunteer=True)


@pytest.fixture
def other_manager(other_municipality):
    return UserFactory(municipality=other_municipality, manager=True)


@pytest.fixture
def other_caseworker(other_municipality):
    return UserFactory(municipality=other_municipality, caseworker=True)
