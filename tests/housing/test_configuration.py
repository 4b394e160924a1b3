"""The municipality's placement guidelines and service frame: a default until set,
managers change them, caseworkers read them."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from housing import services
from housing.models import PlacementGuideline, ServiceFrameItem
from housing.selectors import guideline_for

pytestmark = pytest.mark.django_db


def test_a_municipality_without_guidelines_gets_the_default(municipality):
    guideline = guideline_for(municipality)

    assert guideline.pk is None
    assert (guideline.weight_school, guideline.max_persons_per_room,
            guideline.step_free_required) == (5, 2, True)


def guideline_data(**overrides):
    data = {name: str(value) for name, value in {
        "weight_school": 8, "weight_daycare": 4, "weight_shop": 2, "weight_transport": 3,
        "weight_network": 6, "weight_size": 3, "weight_spread": 5, "good_distance_km": "1,5",
        "max_distance_km": "8", "max_persons_per_room": 2, "spread_full_at": 3,
    }.items()}
    data.update({"step_free_required": "on", "note": "Vedtaget i udvalget"})
    data.update(overrides)
    return data


def test_a_manager_sets_the_guidelines_in_danish_decimals(client, manager, municipality):
    client.force_login(manager)

    response = client.post(reverse("housing:guideline_edit"), guideline_data())

    assert response.status_code == 302
    guideline = PlacementGuideline.objects.get(municipality=municipality)
    assert (guideline.weight_school, guideline.good_distance_km, guideline.updated_by) == (
        8, Decimal("1.5"), manager)


def test_a_longest_distance_below_the_good_one_is_refused_and_kept(pages_in_english, manager):
    pages_in_english.force_login(manager)

    response = pages_in_english.post(reverse("housing:guideline_edit"),
                                     guideline_data(good_distance_km="3", max_distance_km="2"))

    assert response.context["form"].errors["max_distance_km"] == [
        "The longest distance must be greater than the good distance."]
    assert not PlacementGuideline.objects.exists()


def test_a_caseworker_reads_but_does_not_set_the_guidelines(caseworker, municipality):
    with pytest.raises(PermissionError):
        services.guideline_save(municipality=municipality, actor=caseworker, weight_school=1)


def test_a_manager_keeps_the_service_frame(pages_in_english, manager, municipality):
    pages_in_english.force_login(manager)

    response = pages_in_english.post(reverse("housing:service_frame_add"), {
        "name": "Seng med madras", "quantity": "1", "per_person": "on", "for_temporary": "on",
        "position": "1"})
    assert response.status_code == 302
    item = ServiceFrameItem.objects.get()
    assert (item.name, item.per_person, item.quantity_for(4)) == ("Seng med madras", True, 4)

    # the same name twice is refused
    response = pages_in_english.post(reverse("housing:service_frame_add"), {
        "name": "Seng med madras", "quantity": "2", "for_temporary": "on", "position": "2"})
    assert response.status_code == 200
    assert "already has an item of that name" in response.content.decode()

    # an item for neither kind of home is refused
    with pytest.raises(ValidationError):
        services.service_frame_item_save(municipality=municipality, actor=manager,
                                         name="Lampe", quantity=1, for_temporary=False,
                                         for_permanent=False)

    # and an item is removed
    pages_in_english.post(reverse("housing:service_frame_delete", args=[item.pk]))
    assert not ServiceFrameItem.objects.exists()
