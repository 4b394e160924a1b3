"""Filters every API endpoint shares."""

from __future__ import annotations

from django import forms
from django_filters import rest_framework as filters

# The largest primary key a BigAutoField holds; a larger number can name no row, and
# PostgreSQL and SQLite would refuse to compare it (a 500, where a 400 is the answer).
MAX_ID = 2**63 - 1


class IdFilter(filters.NumberFilter):
    """A filter by a related row's id: a whole number from 1 up, or the answer is a 400."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)
