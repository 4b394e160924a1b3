"""Who may open which housing page: volunteers never (404), another municipality's rows
do not exist (404), managers read and set policy but do not place households (403)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from housing import services
from housing.models import Placement
from tests.housing.conftest import family
from tests.housing.factories import HousingUnitFactory, PlaceFactory, PrivateHostFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def objects(municipality, household, unit, caseworker):
    placement = services.placement_reserve(household=household, unit=unit, actor=caseworker,
                                           starts_on=TODAY)
    return {
        "unit": unit, "household": household, "placement": placement,
        "place": PlaceFactory(municipality=municipality),
        "host": PrivateHostFactory(municipality=municipality),
    }


def read_urls(o):
    return [
        reverse("housing:start"), reverse("housing:unit_list"),
        reverse("housing:unit_detail", args=[o["unit"].pk]), reverse("housing:host_list"),
        reverse("housing:place_list"), reverse("housing:guideline"),
        reverse("housing:service_frame"), reverse("housing:quota"),
        reverse("housing:household", args=[o["household"].pk]),
        reverse("housing:match", args=[o["household"].pk]),
    ]


def work_urls(o):
    h, p = o["household"].pk, o["placement"].pk
    return [
        reverse("housing:unit_create"), reverse("housing:unit_edit", args=[o["unit"].pk]),
        reverse("housing:host_create"), reverse("housing:host_edit", args=[o["host"].pk]),
        reverse("housing:place_create"), reverse("housing:place_edit", args=[o["place"].pk]),
        reverse("housing:moving_help", args=[h, p]),
    ]


def manage_urls(o):
    return [reverse("housing:guideline_edit"), reverse("housing:service_frame_add"),
            reverse("housing:quota_edit")]


def post_urls(o):
    h, p = o["household"].pk, o["placement"].pk
    return [reverse("housing:reserve", args=[h]), reverse("housing:move_in", args=[h, p]),
            reverse("housing:move_out", args=[h, p]), reverse("housing:cancel", args=[h, p]),
            reverse("housing:checklist", args=[h, p])]


def test_a_caseworker_opens_every_page(client, caseworker, objects):
    client.force_login(caseworker)
    for url in read_urls(objects) + work_urls(objects):
        assert client.get(url).status_code == 200, url


def test_a_manager_reads_and_sets_policy_but_does_not_place(client, manager, objects):
    client.force_login(manager)
    for url in read_urls(objects) + manage_urls(objects):
        assert client.get(url).status_code == 200, url
    for url in work_urls(objects):
        assert client.get(url).status_code == 403, url
    for url in post_urls(objects):
        assert client.post(url).status_code == 403, url


def test_a_caseworker_does_not_set_policy(client, caseworker, objects):
    client.force_login(caseworker)
    for url in manage_urls(objects):
        assert client.get(url).status_code == 403, url


def test_a_volunteer_is_not_told_the_pages_exist(client, volunteer, objects):
    client.force_login(volunteer)
    for url in read_urls(objects) + work_urls(objects) + manage_urls(objects):
        assert client.get(url).status_code == 404, url
    for url in post_urls(objects):
        assert client.post(url).status_code == 404, url


def test_another_municipality_finds_nothing(client, other_caseworker, objects):
    client.force_login(other_caseworker)
    h, p = objects["household"].pk, objects["placement"].pk
    scoped = [
        reverse("housing:unit_detail", args=[objects["unit"].pk]),
        reverse("housing:unit_edit", args=[objects["unit"].pk]),
        reverse("housing:host_edit", args=[objects["host"].pk]),
        reverse("housing:place_edit", args=[objects["place"].pk]),
        reverse("housing:household", args=[h]), reverse("housing:match", args=[h]),
        reverse("housing:moving_help", args=[h, p]),
    ]
    for url in scoped:
        assert client.get(url).status_code == 404, url
    for url in post_urls(objects):
        assert client.post(url, {"moved_in_on": TODAY}).status_code == 404, url
    assert Placement.objects.get().status == "reserved"


def test_another_municipality_lists_none_of_these_homes(client, other_caseworker, objects):
    client.force_login(other_caseworker)

    response = client.get(reverse("housing:unit_list"))

    assert list(response.context["page"].object_list) == []


def test_a_home_of_another_municipality_cannot_be_reserved(client, caseworker, household,
                                                           other_municipality):
    # given a home in another municipality
    foreign = HousingUnitFactory(municipality=other_municipality)
    client.force_login(caseworker)

    # when its id is posted for this household
    response = client.post(reverse("housing:reserve", args=[household.pk]), {
        "unit": foreign.pk, "kind": "temporary", "starts_on": TODAY.isoformat()})

    # then it does not exist for this user, and nothing is reserved
    assert response.status_code == 404
    assert not Placement.objects.exists()


def test_anonymous_users_go_to_the_login(client, objects):
    response = client.get(reverse("housing:unit_list"))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_household_of_another_municipality_has_no_housing_page(client, caseworker,
                                                                 other_municipality):
    foreign = family(other_municipality)
    client.force_login(caseworker)

    assert client.get(reverse("housing:match", args=[foreign.pk])).status_code == 404
    assert client.get(reverse("housing:household", args=[foreign.pk])).status_code == 404
    assert client.post(reverse("housing:reserve", args=[foreign.pk])).status_code == 404

