"""Forms of the volunteer pages (task board, my tasks) and the staff page that posts a task.

Forms only parse input; the services decide what is allowed. This module must not import
reception: the volunteer-facing views use it.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from integration_portal.letters.languages import Language
from volunteers.models import TaskKind


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class BoardFilterForm(forms.Form):
    area = forms.CharField(label=_("Area"), max_length=100, required=False,
                           help_text=_("Town or postcode, for example 4330 or Hvalsø."))
    language = forms.ChoiceField(
        label=_("Language"), required=False,
        choices=[("", _("Any language")), *Language.choices],
    )
    date_from = forms.DateField(label=_("From date"), required=False, widget=DateInput())


class HoursForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    # Text, not a number field: the service reads "2,5" and "2.5" alike and explains a typo.
    hours = forms.CharField(label=_("Hours"), max_length=10,
                            help_text=_("For example 2.5"))
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def clean_hours(self) -> str:
        return self.cleaned_data["hours"].strip().replace(",", ".")


class CompleteForm(forms.Form):
    report_text = forms.CharField(
        label=_("Report"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What was done. No names, CPR numbers, phone numbers or e-mail addresses."),
    )
    found_language_internship = forms.BooleanField(
        label=_("Found a language internship (sprogpraktik)"), required=False,
    )
    employer_name = forms.CharField(label=_("Employer"), max_length=200, required=False,
                                    help_text=_("Only if a language internship was found."))


class TaskForm(forms.Form):
    kind = forms.ModelChoiceField(label=_("Kind"), queryset=TaskKind.objects.none())
    title = forms.CharField(label=_("Title"), max_length=150)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Volunteers read this. No names, CPR numbers, phone numbers or e-mail "
                    "addresses."),
    )
    area = forms.CharField(label=_("Area (town or postcode)"), max_length=100, required=False)
    starts_at = forms.DateTimeField(label=_("From"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("Until"), widget=DateTimeInput())
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=Language.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    involves_children_under_15 = forms.BooleanField(
        label=_("Involves children under 15"), required=False,
        help_text=_("Only volunteers with a child certificate (børneattest) can take it."),
    )
    estimated_hours = forms.DecimalField(label=_("Estimated hours"), required=False,
                                         min_value=0, max_digits=5, decimal_places=2)

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = TaskKind.objects.for_municipality(municipality)

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at < starts_at:
            self.add_error("ends_at", _("The task ends before it starts."))
        return cleaned


# The services name some fields after the model; the forms after what the user sees.
_SERVICE_FIELD_NAMES = {"text": "report_text"}


def add_service_error(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field where the form has one."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        name = _SERVICE_FIELD_NAMES.get(field, field)
        form.add_error(name if name in form.fields else None, errors)
