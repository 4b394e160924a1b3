"""`/api/v1/housing-units/` and `/api/v1/placements/`: the stock and who lives where, for staff
of the municipality only."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from housing import services
from tests.api.conftest import issue_token
from tests.housing.conftest import family
from tests.housing.factories import HousingUnitFactory

pytestmark = pytest.mark.django_db

UNITS = reverse("housing-units-list")
PLACEMENTS = reverse("placements-list")
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def api_client():
    return APIClient()


def _ids(response) -> list[int]:
    assert response.status_code == 200, response.content[:300]
    return [row["id"] for row in response.json()["results"]]


def _living_in(unit, caseworker, *, adults=2, since=TODAY - 10 * DAY):
    household = family(unit.municipality, adults=adults)
    placement = services.placement_reserve(household=household, unit=unit, actor=caseworker,
                                           starts_on=since)
    return services.placement_move_in(placement=placement, actor=caseworker, moved_in_on=since)


# Homes.


def test_staff_read_their_municipalitys_homes_with_the_persons_living_there(
        api_client, manager, caseworker, municipality, other_municipality):
    # given two homes, one with a family of two living in it, and another municipality's home
    lived_in = HousingUnitFactory(municipality=municipality, town="Hvalsø", postcode="4330",
                                  capacity=4)
    empty = HousingUnitFactory(municipality=municipality, town="Lejre")
    HousingUnitFactory(municipality=other_municipality)
    _living_in(lived_in, caseworker)
    api_client.force_login(manager)

    # when
    response = api_client.get(UNITS)

    # then
    assert _ids(response) == [lived_in.pk, empty.pk]  # by town
    row = response.json()["results"][0]
    assert row["persons_now"] == 2
    assert row["capacity"] == 4
    assert row["area"] == "Hvalsø"
    assert row["kind"] == "temporary"


def test_homes_filter_by_kind_area_and_availability(api_client, caseworker, municipality):
    # given a full temporary home, a temporary home with room in the district Bramsnæs, a
    # permanent home from next month, and one no longer in the stock
    full = HousingUnitFactory(municipality=municipality, capacity=2)
    _living_in(full, caseworker, adults=2)
    with_room = HousingUnitFactory(municipality=municipality, area="Bramsnæs")
    later = HousingUnitFactory(municipality=municipality, kind="permanent",
                               landlord_kind="housing_association", landlord_name="Lejre Bolig",
                               available_from=TODAY + 30 * DAY)
    gone = HousingUnitFactory(municipality=municipality, available_from=TODAY - 90 * DAY,
                              available_until=TODAY - DAY)
    api_client.force_login(caseworker)

    # when / then
    assert _ids(api_client.get(UNITS, {"kind": "permanent"})) == [later.pk]
    assert _ids(api_client.get(UNITS, {"area": "bramsnæs"})) == [with_room.pk]
    assert set(_ids(api_client.get(UNITS, {"area": "Lejre"}))) == {full.pk, later.pk, gone.pk}
    assert _ids(api_client.get(UNITS, {"available": "true"})) == [with_room.pk]
    assert set(_ids(api_client.get(UNITS, {"available": "false"}))) == {full.pk, later.pk,
                                                                        gone.pk}
    assert set(_ids(api_client.get(UNITS, {"available_on": str(TODAY + 30 * DAY)}))) == {
        full.pk, with_room.pk, later.pk}


def test_a_bad_filter_value_is_a_clear_400(api_client, caseworker):
    # given
    api_client.force_login(caseworker)

    # when
    response = api_client.get(UNITS, {"kind": "castle", "available_on": "tomorrow"})

    # then
    assert response.status_code == 400
    assert set(response.json()) == {"kind", "available_on"}


def test_another_municipalitys_home_answers_404(api_client, caseworker, other_municipality):
    # given
    unit = HousingUnitFactory(municipality=other_municipality)
    api_client.force_login(caseworker)

    # when
    response = api_client.get(reverse("housing-units-detail", kwargs={"pk": unit.pk}))

    # then
    assert response.status_code == 404


def test_homes_are_read_with_a_token_and_paged(municipality, coordinator):
    # given
    units = [HousingUnitFactory(municipality=municipality, address=f"Bygaden {n}")
             for n in range(1, 6)]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {issue_token(coordinator)}")

    # when
    first = client.get(UNITS, {"page_size": 2})
    third = client.get(UNITS, {"page_size": 2, "page": 3})

    # then
    assert first.json()["count"] == 5
    assert _ids(first) == [units[0].pk, units[1].pk]
    assert _ids(third) == [units[4].pk]
    assert client.get(UNITS, {"page_size": 2, "page": 4}).status_code == 404


# Placements.


def test_staff_read_placements_filtered_by_case_kind_and_whether_current(
        api_client, manager, caseworker, municipality, other_municipality, other_caseworker):
    # given a family that lived in temporary housing and now lives in a permanent home, one
    # with a reservation only, and a placement of another municipality
    temporary = HousingUnitFactory(municipality=municipality)
    permanent = HousingUnitFactory(municipality=municipality, kind="permanent",
                                   landlord_kind="housing_association",
                                   landlord_name="Lejre Bolig")
    moved_on = _living_in(temporary, caseworker, since=TODAY - 40 * DAY)
    household = moved_on.household
    living = services.placement_move_in(
        placement=services.placement_reserve(household=household, unit=permanent,
                                             actor=caseworker, starts_on=TODAY - 5 * DAY),
        actor=caseworker, moved_in_on=TODAY - 5 * DAY)
    reserved = services.placement_reserve(household=family(municipality), unit=temporary,
                                          actor=caseworker, starts_on=TODAY + 3 * DAY)
    _living_in(HousingUnitFactory(municipality=other_municipality), other_caseworker)
    api_client.force_login(manager)

    # when / then
    assert _ids(api_client.get(PLACEMENTS)) == [reserved.pk, living.pk, moved_on.pk]
    assert _ids(api_client.get(PLACEMENTS, {"household": household.pk})) == [living.pk,
                                                                             moved_on.pk]
    assert _ids(api_client.get(PLACEMENTS, {"kind": "temporary"})) == [reserved.pk, moved_on.pk]
    assert _ids(api_client.get(PLACEMENTS, {"current": "true"})) == [living.pk]
    assert _ids(api_client.get(PLACEMENTS, {"current": "false"})) == [reserved.pk, moved_on.pk]
    row = api_client.get(reverse("placements-detail", kwargs={"pk": living.pk})).json()
    assert row["household_reference"] == household.reference
    assert row["kind"] == "permanent"
    assert row["status"] == "active"
    assert row["persons"] == 2


def test_another_municipalitys_placement_answers_404(api_client, caseworker, other_caseworker,
                                                     other_municipality):
    # given
    placement = _living_in(HousingUnitFactory(municipality=other_municipality), other_caseworker)
    api_client.force_login(caseworker)

    # when
    response = api_client.get(reverse("placements-detail", kwargs={"pk": placement.pk}))

    # then
    assert response.status_code == 404


@pytest.mark.parametrize("path", [UNITS, PLACEMENTS])
def test_a_volunteer_gets_403(api_client, volunteer, path):
    # given
    api_client.force_login(volunteer)

    # when
    response = api_client.get(path)

    # then
    assert response.status_code == 403


@pytest.mark.parametrize("path", [UNITS, PLACEMENTS])
def test_staff_cannot_write_through_the_api(api_client, caseworker, path):
    # given
    api_client.force_login(caseworker)

    # when
    response = api_client.post(path, {"address": "Bygaden 1"})

    # then
    assert response.status_code == 403


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("path", [UNITS, PLACEMENTS])
def test_the_lists_cost_the_same_queries_for_2_and_12_homes(
        api_client, caseworker, municipality, path, django_assert_max_num_queries):
    # given homes each with a family living there
    def add_homes(n):
        for _ in range(n):
            _living_in(HousingUnitFactory(municipality=municipality), caseworker)

    api_client.force_login(caseworker)
    add_homes(2)
    api_client.get(path)
    small = _queries(api_client, path)

    # when
    add_homes(10)

    # then
    with django_assert_max_num_queries(small):
        response = api_client.get(path)
    assert response.json()["count"] == 12
