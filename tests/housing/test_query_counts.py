"""The stock list and the matching page cost the same number of queries for few homes as
for many."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from housing import services
from tests.housing.conftest import family
from tests.housing.factories import HousingUnitFactory, PlaceFactory, PrivateHostFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
MAX_QUERIES = 14


def stock(municipality, caseworker, count):
    """`count` homes of every kind, some lived in, and places of every kind."""
    host = PrivateHostFactory(municipality=municipality)
    for n in range(count):
        kind = ["temporary", "permanent", "private_lodging", "shared_room"][n % 4]
        home = HousingUnitFactory(
            municipality=municipality, kind=kind, rooms=1 + n % 4, capacity=2 + n % 5,
            latitude=Decimal("55.55") + Decimal(n % 10) / 100,
            longitude=Decimal("11.90") + Decimal(n % 7) / 100,
            landlord_kind="private_host" if kind == "private_lodging" else "municipality",
            private_host=host if kind == "private_lodging" else None,
            town=["Lejre", "Hvalsø", "Osted"][n % 3],
        )
        if n % 5 == 0 and kind in ("temporary", "permanent"):
            services.placement_reserve(household=family(municipality), unit=home,
                                       actor=caseworker, starts_on=TODAY)
    for kind in ("school", "daycare", "sfo", "shop", "station", "stop", "community"):
        PlaceFactory(municipality=municipality, kind=kind)


def cost(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries.captured_queries), response


@pytest.mark.parametrize("url_name", ["housing:unit_list", "housing:start"])
def test_the_stock_pages_do_not_grow_with_the_homes(client, caseworker, municipality, url_name,
                                                    django_assert_max_num_queries):
    client.force_login(caseworker)
    stock(municipality, caseworker, 5)
    with django_assert_max_num_queries(MAX_QUERIES):
        few, _ = cost(client, reverse(url_name))

    stock(municipality, caseworker, 40)
    many, _ = cost(client, reverse(url_name))

    assert many == few


def test_the_stock_list_filters_cost_the_same(client, caseworker, municipality):
    client.force_login(caseworker)
    stock(municipality, caseworker, 5)
    params = {"kind": "temporary", "town": "Lejre", "min_rooms": "1", "min_capacity": "2",
              "available_on": TODAY.isoformat(), "deprived": "no", "q": "Hovedgaden"}
    few, _ = cost(client, reverse("housing:unit_list"), params)

    stock(municipality, caseworker, 40)
    many, response = cost(client, reverse("housing:unit_list"), params)

    assert many == few
    assert response.context["page"].paginator.count > 0


@pytest.mark.parametrize("kind", ["temporary", "permanent"])
def test_the_matching_page_does_not_grow_with_the_homes(client, caseworker, municipality, kind,
                                                        django_assert_max_num_queries):
    # given a family of 3 and a small stock
    household = family(municipality, children_ages=(4,))
    client.force_login(caseworker)
    stock(municipality, caseworker, 8)
    params = {"kind": kind, "starts_on": (TODAY + datetime.timedelta(days=3)).isoformat()}
    with django_assert_max_num_queries(MAX_QUERIES + 4):
        few, response = cost(client, reverse("housing:match", args=[household.pk]), params)
    assert response.context["result"].ranked

    # when the stock is six times larger
    stock(municipality, caseworker, 48)
    many, response = cost(client, reverse("housing:match", args=[household.pk]), params)

    # then the page costs exactly as much
    assert many == few
    result = response.context["result"]
    # (a quarter of the homes are permanent ones)
    assert len(result.ranked) + len(result.excluded) >= 14
