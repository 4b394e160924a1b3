"""Straight-line distances and coordinates inside Denmark."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from housing.geo import haversine_km, validate_latitude, validate_longitude


def test_lejre_station_to_roskilde_station_is_about_eight_km():
    # given Lejre st. (55.6046, 11.9747) and Roskilde st. (55.6393, 12.0888)
    km = haversine_km(55.6046, 11.9747, 55.6393, 12.0888)

    # then (measured on a map: 8.1 km in a straight line)
    assert 7.9 < km < 8.3


def test_a_point_to_itself_is_zero():
    assert haversine_km(56.55, 8.31, 56.55, 8.31) == 0


@pytest.mark.parametrize(("validator", "value"), [
    (validate_latitude, Decimal("54.4")), (validate_latitude, Decimal("59.33")),
    (validate_longitude, Decimal("7.9")), (validate_longitude, Decimal("18.06")),
])
def test_coordinates_outside_denmark_are_refused_with_the_range(validator, value):
    with pytest.raises(ValidationError) as error:
        validator(value)

    assert "inside Denmark" in error.value.messages[0]


def test_bornholm_and_skagen_are_inside():
    validate_latitude(Decimal("57.72"))
    validate_longitude(Decimal("14.70"))
