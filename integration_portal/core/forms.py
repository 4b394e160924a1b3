"""Form parts every app shares: the date widget, model forms that leave validation to the
services, and putting a service's refusal on the form's fields."""

from __future__ import annotations

from collections.abc import Mapping

from django import forms
from django.core.exceptions import ValidationError


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ServiceModelForm(forms.ModelForm):
    """A model form that parses fields only: the service validates the whole object (with
    its municipality and constraints) and `add_service_error` puts its messages on the
    fields, so no message is shown twice and nothing is validated against a half-built
    instance."""

    def _post_clean(self):
        pass


def add_service_error(form: forms.Form, error: ValidationError,
                      field_names: Mapping[str, str] | None = None) -> None:
    """Show a service's ValidationError on the form: on its field where the form has one.

    `field_names` maps a service's field name to the form's, where they differ.
    """
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        name = (field_names or {}).get(field, field)
        form.add_error(name if name in form.fields else None, errors)
