"""Widgets and fields every employment form shares."""

from __future__ import annotations

from django import forms
from django.utils import formats

from reception.models import Person


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        # Name and birth date: two members of a household may share a first name.
        return f"{obj.full_name} ({formats.date_format(obj.birth_date, 'SHORT_DATE_FORMAT')})"
