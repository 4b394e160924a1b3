"""The case page shows the case's temporary and permanent homes; the household's housing
page lists them with what can be done next."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from housing import services
from integration_portal.audit.models import AuditEvent
from reception.services import case_trail

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def moved(household, unit, permanent_unit, caseworker):
    temporary = services.placement_reserve(household=household, unit=unit, actor=caseworker,
                                           starts_on=TODAY - 30 * DAY)
    services.placement_move_in(placement=temporary, actor=caseworker,
                               moved_in_on=TODAY - 30 * DAY)
    permanent = services.placement_reserve(household=household, unit=permanent_unit,
                                           actor=caseworker, starts_on=TODAY)
    services.placement_move_in(placement=permanent, actor=caseworker, moved_in_on=TODAY)
    return temporary, permanent


def test_the_case_page_shows_both_homes(pages_in_english, caseworker, household, moved):
    temporary, permanent = moved
    pages_in_english.force_login(caseworker)

    page = pages_in_english.get(reverse("reception:case_detail", args=[household.pk])).content
    page = page.decode()

    assert 'id="housing-heading"' in page
    assert f"Temporary housing</strong> – {temporary.unit.address}" in page
    assert f"Permanent home</strong> – {permanent.unit.address}" in page
    assert "Moved out" in page and "Moved in" in page
    assert reverse("housing:household", args=[household.pk]) in page


def test_the_housing_page_offers_the_next_step_and_logs_the_reading(
        pages_in_english, caseworker, household, unit):
    placement = services.placement_reserve(household=household, unit=unit, actor=caseworker,
                                           starts_on=TODAY)
    pages_in_english.force_login(caseworker)

    page = pages_in_english.get(reverse("housing:household", args=[household.pk])).content
    page = page.decode()

    assert reverse("housing:move_in", args=[household.pk, placement.pk]) in page
    assert reverse("housing:cancel", args=[household.pk, placement.pk]) in page
    assert reverse("housing:moving_help", args=[household.pk, placement.pk]) in page
    assert AuditEvent.objects.filter(trail=case_trail(household), action="view").exists()


def test_a_caseworker_records_the_move_in_on_the_housing_page(client, caseworker, household,
                                                               unit):
    placement = services.placement_reserve(household=household, unit=unit, actor=caseworker,
                                           starts_on=TODAY)
    client.force_login(caseworker)

    response = client.post(reverse("housing:move_in", args=[household.pk, placement.pk]),
                           {f"p{placement.pk}-moved_in_on": TODAY.isoformat()})

    assert response.status_code == 302
    placement.refresh_from_db()
    assert placement.status == "active"


def test_the_matching_page_ranks_and_reserves(pages_in_english, caseworker, household, unit,
                                             municipality):
    from tests.housing.factories import HousingUnitFactory

    HousingUnitFactory(municipality=municipality, rooms=1, capacity=2, address="Lillevej 1")
    pages_in_english.force_login(caseworker)
    url = reverse("housing:match", args=[household.pk])

    response = pages_in_english.get(url)

    result = response.context["result"]
    assert [item.unit for item in result.ranked] == [unit]
    assert [reason.text for reason in result.excluded[0].reasons] == [
        "too small: room for 2 persons, the household is 3",
        "too small: 1 room for 3 persons"]
    page = response.content.decode()
    assert "too small: 1 room for 3 persons" in page

    response = pages_in_english.post(reverse("housing:reserve", args=[household.pk]), {
        "unit": unit.pk, "kind": "temporary", "starts_on": TODAY.isoformat(), "ends_on": ""})
    assert response.status_code == 302
    assert household.housing_placements.get().unit == unit
