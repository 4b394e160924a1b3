"""Formatting every app's messages share."""

from __future__ import annotations

import datetime

from django.utils import formats


def short_date(day: datetime.date) -> str:
    """A date as the active language writes it short ("22.11.2026" in Danish)."""
    return formats.date_format(day, "SHORT_DATE_FORMAT")
