"""Forms of the job centre's queue."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from employment.forms.common import PersonChoiceField
from employment.forms.measures import EmployerChoiceField, RuleWarningsMixin
from employment.models import Employer, JobcentreReferral
from integration_portal.core.forms import DateInput
from reception.models import Person


class MeasureCompleteForm(RuleWarningsMixin, forms.Form):
    person = PersonChoiceField(label=_("Person"), queryset=Person.objects.none(),
                               empty_label=_("Choose a person"))
    starts_on = forms.DateField(label=_("Start"), widget=DateInput())
    ends_on = forms.DateField(
        label=_("End"), widget=DateInput(), required=False,
        help_text=_("Leave empty for the standard length of an internship."))
    hours_per_week = forms.DecimalField(
        label=_("Hours a week"), min_value=Decimal("0.5"), max_value=Decimal("60"),
        max_digits=4, decimal_places=1, localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=_("For example 15 or 22.5"))
    employer = EmployerChoiceField(
        label=_("Employer"), queryset=Employer.objects.none(), required=False,
        empty_label=_("Not in the register"),
        error_messages={"invalid_choice": _(
            "Choose an employer from your municipality's register, or type the name below.")},
    )
    employer_name = forms.CharField(label=_("Employer name"), max_length=200, required=False,
                                    help_text=_("If the employer is not in the register."))

    def __init__(self, *args, referral: JobcentreReferral, **kwargs):
        kwargs.setdefault("initial", {"employer_name": referral.employer_name})
        super().__init__(*args, **kwargs)
        # Only the members of the referral's case can be chosen.
        self.fields["person"].queryset = (
            Person.objects.filter(household_id=referral.household_id).order_by("birth_date", "pk")
            if referral.household_id else Person.objects.none()
        )
        self.fields["employer"].queryset = (
            Employer.objects.in_municipality(referral.municipality_id).active()
            .order_by("name", "pk"))


class ReferralCloseForm(forms.Form):
    closed_reason = forms.CharField(
        label=_("Reason for closing"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: the employer withdrew the offer, or the job centre set up "
                    "the internship outside the portal."),
    )

