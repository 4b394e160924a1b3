"""Coordinates inside Denmark and straight-line distances between them.

Distances are computed here, in Python, from the stored coordinates: the portal runs on a
closed municipal network and calls no map service. A straight line is a fair proxy for the
choices a caseworker weighs (is the school 1 km or 6 km away?), not a route.
"""

from __future__ import annotations

import math
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# A box around Denmark proper (Bornholm included, the Faroes and Greenland not: their
# municipalities are not Danish municipalities under the Integration Act).
LATITUDE_RANGE = (Decimal("54.5"), Decimal("57.8"))
LONGITUDE_RANGE = (Decimal("8.0"), Decimal("15.2"))
EARTH_RADIUS_KM = 6371.0088


def validate_latitude(value: Decimal) -> None:
    low, high = LATITUDE_RANGE
    if value is not None and not low <= value <= high:
        raise ValidationError(
            _("The latitude must be inside Denmark, between %(low)s and %(high)s "
              "(for example 55.6012)."),
            code="outside_denmark", params={"low": low, "high": high},
        )


def validate_longitude(value: Decimal) -> None:
    low, high = LONGITUDE_RANGE
    if value is not None and not low <= value <= high:
        raise ValidationError(
            _("The longitude must be inside Denmark, between %(low)s and %(high)s "
              "(for example 11.9745)."),
            code="outside_denmark", params={"low": low, "high": high},
        )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
