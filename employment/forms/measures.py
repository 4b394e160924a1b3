"""Forms of planning and following a measure. They parse input; the services decide what is
allowed, and which rules warn."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from employment.checks import Breach
from employment.forms.common import PersonChoiceField
from employment.models import (
    Employer,
    Measure,
    MeasureOutcome,
    MeasureStatus,
    MeasureType,
    Opening,
    OpeningStatus,
)
from employment.selectors.rules import measure_types_offered
from integration_portal.core.forms import DateInput
from reception.models import Person

# A rule warning's reason is posted as ack_<the rule's code>.
ACK_PREFIX = "ack_"
# The codes of the warnings the page showed, so that a reason still missing for one of them
# is an error, while a warning that appears for the first time is only shown.
SHOWN_FIELD = "warnings_shown"


class RuleWarningsMixin:
    """Rule warnings as required reason fields, added once the service has named them."""

    warning_names: list[str]

    def acknowledgements(self) -> dict[str, str]:
        """The reasons typed for warnings shown before: {rule code: reason}."""
        return {key.removeprefix(ACK_PREFIX): value.strip()
                for key, value in self.data.items()
                if key.startswith(ACK_PREFIX) and isinstance(value, str) and value.strip()}

    def show_warnings(self, breaches: Iterable[Breach]) -> None:
        """Add a reason field per warning, keeping what was typed; a reason still missing
        for a warning the page showed before is an error."""
        shown = set(self.data.get(SHOWN_FIELD, "").split())
        self.warning_names = []
        for breach in breaches:
            name = ACK_PREFIX + breach.code
            self.fields[name] = forms.CharField(
                label=breach.message, max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Why the measure is right despite the warning. It is kept with "
                            "the measure."),
            )
            self.warning_names.append(name)
            if breach.code in shown and not self.data.get(name, "").strip():
                self.add_error(name, _("Give a reason for going past this warning."))

    @property
    def warning_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in getattr(self, "warning_names", [])]

    @property
    def warning_codes(self) -> str:
        return " ".join(name.removeprefix(ACK_PREFIX)
                        for name in getattr(self, "warning_names", []))


class EmployerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Employer) -> str:
        return f"{obj.name} ({obj.cvr})"


class MeasureForm(RuleWarningsMixin, forms.Form):
    """Plan a measure, or change a planned or running one."""

    measure_type = forms.ModelChoiceField(label=_("Kind of measure"),
                                          queryset=MeasureType.objects.none(),
                                          empty_label=_("Choose the kind"))
    employer = EmployerChoiceField(
        label=_("Employer"), queryset=Employer.objects.none(), required=False,
        empty_label=_("Not in the register"),
        error_messages={"invalid_choice": _(
            "Choose an employer from your municipality's register, or type the name below.")},
    )
    employer_name = forms.CharField(
        label=_("Employer name"), max_length=200, required=False,
        help_text=_("If the employer is not in the register."),
    )
    opening = forms.ModelChoiceField(
        label=_("Opening"), queryset=Opening.objects.none(), required=False,
        empty_label=_("No particular opening"),
        error_messages={"invalid_choice": _("Choose one of the open openings.")},
    )
    starts_on = forms.DateField(label=_("Planned start"), widget=DateInput())
    ends_on = forms.DateField(
        label=_("Planned end"), widget=DateInput(), required=False,
        help_text=_("Leave empty for the standard length the rules give the kind (an IGU, "
                    "an internship, a wage subsidy), or for no end (a job)."),
    )
    hours_per_week = forms.DecimalField(
        label=_("Hours a week"), min_value=Decimal("0.5"), max_value=Decimal("60"),
        max_digits=4, decimal_places=1, localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=_("For example 15 or 22.5. With the Danish lessons and other measures of "
                    "the same weeks, the total is checked against the rules' weekly limit."),
    )
    notes = forms.CharField(label=_("Notes"), required=False,
                            widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, municipality_id: int, measure: Measure | None = None,
                 persons: QuerySet[Person] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if persons is not None:
            # Planning offers the case's members, so a measure begun for the wrong person is
            # moved to the right one without typing the rest again.
            self.fields = {"person": PersonChoiceField(label=_("Person"), queryset=persons,
                                                       empty_label=None, required=False),
                           **self.fields}
        kinds = Q(pk__in=measure_types_offered(municipality_id=municipality_id).values("pk"))
        employers, openings = Q(is_active=True), Q(status=OpeningStatus.OPEN)
        if measure is not None:
            # A measure keeps its kind, employer and opening when they are no longer offered.
            kinds |= Q(pk=measure.measure_type_id)
            employers |= Q(pk=measure.employer_id)
            openings |= Q(pk=measure.opening_id)
        self.fields["measure_type"].queryset = (
            MeasureType.objects.filter(kinds).order_by("position", "name", "pk"))
        self.fields["employer"].queryset = (
            Employer.objects.in_municipality(municipality_id).filter(employers)
            .order_by("name", "pk"))
        self.fields["opening"].queryset = (
            Opening.objects.in_municipality(municipality_id).filter(openings)
            .select_related("employer").order_by("employer__name", "title", "pk"))

    def clean(self):
        cleaned = super().clean()
        opening = cleaned.get("opening")
        # Choosing an opening chooses its employer.
        if opening is not None and cleaned.get("employer") is None and "employer" not in (
                self.errors):
            cleaned["employer"] = opening.employer
        return cleaned

    def plan_fields(self) -> dict:
        data = self.cleaned_data
        return {name: data[name] for name in (
            "measure_type", "employer", "employer_name", "opening", "starts_on", "ends_on",
            "hours_per_week", "notes")}

    @staticmethod
    def initial_for(measure: Measure) -> dict:
        return {
            "measure_type": measure.measure_type_id, "employer": measure.employer_id,
            # The register's name is copied onto the measure: only a typed name is shown.
            "employer_name": "" if measure.employer_id else measure.employer_name,
            "opening": measure.opening_id, "starts_on": measure.starts_on,
            "ends_on": measure.ends_on, "hours_per_week": measure.hours_per_week,
            "notes": measure.notes,
        }


class MeasureStartForm(forms.Form):
    started_on = forms.DateField(label=_("Started on"), widget=DateInput(),
                                 help_text=_("The first day of the measure."))


class MeasureEndForm(forms.Form):
    ended_on = forms.DateField(label=_("Ended on"), widget=DateInput(),
                               help_text=_("The last day of the measure."))
    outcome = forms.ChoiceField(label=_("Outcome"),
                                choices=[("", _("Choose the outcome")), *MeasureOutcome.choices])
    outcome_note = forms.CharField(label=_("Note"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 3}))


class MeasureCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancelling"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: the employer withdrew the offer, or the person got a job."),
    )


class MeasureFilterForm(forms.Form):
    """The measure list's filters; an invalid value is ignored rather than refused."""

    measure_type = forms.ModelChoiceField(label=_("Kind"), queryset=MeasureType.objects.none(),
                                          required=False, empty_label=_("All kinds"))
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("All statuses")), *MeasureStatus.choices])
    employer = EmployerChoiceField(label=_("Employer"), queryset=Employer.objects.none(),
                                   required=False, empty_label=_("All employers"))

    def __init__(self, *args, municipality_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure_type"].queryset = MeasureType.objects.filter(
            Q(municipality__isnull=True) | Q(municipality_id=municipality_id)
        ).order_by("position", "name", "pk")
        self.fields["employer"].queryset = Employer.objects.in_municipality(
            municipality_id).order_by("name", "pk")

    def filters(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        # cleaned_data holds the valid fields only: a stale value drops just its own filter.
        return {name: value for name, value in self.cleaned_data.items() if value}
