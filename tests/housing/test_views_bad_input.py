"""Bad input on the housing pages: a clear message, nothing changed, nothing typed lost."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from housing import services
from housing.models import HousingUnit, Placement
from tests.housing.conftest import family
from tests.housing.factories import HousingUnitFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def unit_data(**overrides):
    data = {
        "address": "Møllevej 7, 1. tv.", "postcode": "4330", "town": "Hvalsø", "area": "",
        "latitude": "55.5934", "longitude": "11.8612", "kind": "permanent", "rooms": "3",
        "size_m2": "78", "rent_dkk": "6850", "capacity": "4", "landlord_kind":
        "housing_association", "landlord_name": "Lejre Boligselskab",
        "available_from": TODAY.isoformat(), "notes": "Nær stationen",
    }
    data.update(overrides)
    return data


def test_a_caseworker_adds_a_home(pages_in_english, caseworker):
    pages_in_english.force_login(caseworker)

    response = pages_in_english.post(reverse("housing:unit_create"), unit_data())

    unit = HousingUnit.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("housing:unit_detail", args=[unit.pk])
    assert (unit.municipality, unit.town, str(unit.latitude)) == (
        caseworker.municipality, "Hvalsø", "55.593400")


def test_coordinates_outside_denmark_are_refused_on_the_field_and_the_typing_kept(
        pages_in_english, caseworker):
    pages_in_english.force_login(caseworker)

    # when Stockholm's coordinates are typed
    response = pages_in_english.post(reverse("housing:unit_create"),
                                     unit_data(latitude="59.3293", longitude="18.0686"))

    # then
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["latitude"] == [
        "The latitude must be inside Denmark, between 54.5 and 57.8 (for example 55.6012)."]
    assert errors["longitude"][0].startswith("The longitude must be inside Denmark")
    page = response.content.decode()
    assert "59.3293" in page and "Møllevej 7, 1. tv." in page and "Nær stationen" in page
    assert not HousingUnit.objects.exists()


def test_a_private_host_home_without_a_host_is_refused(pages_in_english, caseworker):
    pages_in_english.force_login(caseworker)

    response = pages_in_english.post(reverse("housing:unit_create"), unit_data(
        kind="private_lodging", landlord_kind="private_host", landlord_name=""))

    assert response.context["form"].errors["private_host"] == ["Choose the private host."]
    assert not HousingUnit.objects.exists()


def test_reserving_a_full_home_says_so_and_keeps_the_search(pages_in_english, caseworker,
                                                            municipality):
    # given a home for 4 where 3 live
    home = HousingUnitFactory(municipality=municipality, capacity=4, rooms=3)
    services.placement_reserve(household=family(municipality, children_ages=(8,)), unit=home,
                               actor=caseworker, starts_on=TODAY)
    second = family(municipality)
    pages_in_english.force_login(caseworker)
    ends = (TODAY + 30 * DAY).isoformat()

    # when a family of 2 is reserved into it (a stale match page)
    response = pages_in_english.post(reverse("housing:reserve", args=[second.pk]), {
        "unit": home.pk, "kind": "temporary", "starts_on": TODAY.isoformat(), "ends_on": ends,
    }, follow=True)

    # then the match page comes back with the dates searched for and the reason
    assert response.redirect_chain[-1][0].startswith(
        reverse("housing:match", args=[second.pk]) + "?kind=temporary")
    page = response.content.decode()
    assert "The home is full for those dates: 3 of its 4 places are taken" in page
    assert f'value="{ends}"' in page
    assert not Placement.objects.filter(household=second).exists()


def test_a_move_out_before_the_move_in_shows_the_date_typed_and_the_reason(
        pages_in_english, caseworker, household, unit):
    placement = services.placement_reserve(household=household, unit=unit, actor=caseworker,
                                           starts_on=TODAY - 5 * DAY)
    services.placement_move_in(placement=placement, actor=caseworker, moved_in_on=TODAY - 5 * DAY)
    pages_in_english.force_login(caseworker)
    typed = (TODAY - 9 * DAY).isoformat()

    response = pages_in_english.post(
        reverse("housing:move_out", args=[household.pk, placement.pk]),
        {f"p{placement.pk}-moved_out_on": typed})

    assert response.status_code == 400
    page = response.content.decode()
    assert "The move-out cannot be before the move-in" in page
    assert f'value="{typed}"' in page
    placement.refresh_from_db()
    assert (placement.status, placement.ends_on) == ("active", None)


def test_a_search_with_the_move_out_before_the_move_in_is_refused(pages_in_english, caseworker,
                                                                 household):
    pages_in_english.force_login(caseworker)

    response = pages_in_english.get(reverse("housing:match", args=[household.pk]), {
        "kind": "temporary", "starts_on": TODAY.isoformat(),
        "ends_on": (TODAY - DAY).isoformat()})

    assert response.context["form"].errors["ends_on"] == [
        "The move-out cannot be before the move-in."]
    assert response.context["result"] is None


def test_a_household_without_persons_or_notice_cannot_be_matched(pages_in_english, caseworker,
                                                                 municipality):
    empty = family(municipality, adults=0)
    pages_in_english.force_login(caseworker)

    response = pages_in_english.get(reverse("housing:match", args=[empty.pk]))

    assert response.context["problem"] == (
        "Register the household's persons, or its arrival notice, before finding it a home.")


def test_a_closed_case_is_not_matched(pages_in_english, caseworker, municipality):
    closed = family(municipality, status="closed")
    pages_in_english.force_login(caseworker)

    response = pages_in_english.get(reverse("housing:match", args=[closed.pk]))

    assert response.context["problem"] == "The case is closed: it is not given a home."
