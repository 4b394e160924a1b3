"""Forms of the job centre's queue."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from employment.forms.common import DateInput, PersonChoiceField
from employment.models import JobcentreReferral
from reception.models import Person


class MeasureCompleteForm(forms.Form):
    person = PersonChoiceField(label=_("Person"), queryset=Person.objects.none(),
                               empty_label=_("Choose a person"))
    starts_on = forms.DateField(label=_("Start"), widget=DateInput())
    ends_on = forms.DateField(label=_("End"), widget=DateInput())
    # The work duty is at most 37 hours a week in all (domain.md §1).
    hours_per_week = forms.DecimalField(label=_("Hours a week"), min_value=Decimal("0.5"),
                                        max_value=Decimal("37"), max_digits=4, decimal_places=1,
                                        help_text=_("For example 15 or 22.5"))
    employer_name = forms.CharField(label=_("Employer"), max_length=200)

    def __init__(self, *args, referral: JobcentreReferral, **kwargs):
        kwargs.setdefault("initial", {"employer_name": referral.employer_name})
        super().__init__(*args, **kwargs)
        # Only the members of the referral's case can be chosen.
        self.fields["person"].queryset = (
            Person.objects.filter(household_id=referral.household_id).order_by("birth_date", "pk")
            if referral.household_id else Person.objects.none()
        )

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end is before the start."))
        return cleaned


class ReferralCloseForm(forms.Form):
    closed_reason = forms.CharField(
        label=_("Reason for closing"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: the employer withdrew the offer, or the job centre set up "
                    "the internship outside the portal."),
    )

