"""Every cell of the API's permission matrix (tests/api/matrix.py): role by endpoint by the
caller in the target's own municipality or in another one."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from integration_portal.api.registry import router
from tests.api.conftest import issue_token
from tests.api.matrix import ENDPOINTS, ROLE_TRAITS, ROLES, Kind
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _path(endpoint, target) -> str:
    if endpoint.kind in (Kind.DETAIL, Kind.ACTION):
        return reverse(endpoint.route, kwargs={"pk": target.pk})
    return reverse(endpoint.route)


@pytest.mark.parametrize("place", ["own", "other"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda endpoint: endpoint.id)
def test_cell(endpoint, role, place, municipality, other_municipality):
    # given
    caller = None
    client = APIClient()
    if role != "anonymous":
        home = municipality if place == "own" else other_municipality
        caller = UserFactory(municipality=home, **{ROLE_TRAITS[role]: True})
        client.credentials(HTTP_AUTHORIZATION=f"Token {issue_token(caller)}")
    target = endpoint.make(municipality, caller) if endpoint.make else None
    payload = endpoint.payload(target) if endpoint.payload else None

    # when
    call = getattr(client, endpoint.method)
    response = call(_path(endpoint, target), payload, format="json")

    # then
    assert response.status_code == endpoint.expected_status(role, place == "own"), (
        response.content[:500])
    if endpoint.kind == Kind.LIST and response.status_code == 200:
        listed = {row["id"] for row in response.json()["results"]}
        assert (target.pk in listed) == (place == "own")


def test_every_route_has_a_row():
    # given
    rows = {(endpoint.route, endpoint.method) for endpoint in ENDPOINTS}

    # when
    served = set()
    for _prefix, viewset, basename in router.registry:
        for route in router.get_routes(viewset):
            for method, action in route.mapping.items():
                if hasattr(viewset, action):
                    served.add((route.name.format(basename=basename), method))

    # then
    assert served - rows == set()
