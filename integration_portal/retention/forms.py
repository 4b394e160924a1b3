"""The retention page's forms: the periods per case type, and a manager's approval."""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.utils.translation import gettext_lazy as _

from integration_portal.retention.models import SUGGESTED_YEARS, RetentionPeriod
from integration_portal.retention.registry import ClosedCase
from integration_portal.rules.models import ResidenceBasis


class RetentionPeriodsForm(forms.Form):
    """Years and months per case type; both empty means no period (never listed)."""

    def __init__(self, *args, periods: dict[str, RetentionPeriod], **kwargs):
        super().__init__(*args, **kwargs)
        self.case_types = []
        for case_type, label in ResidenceBasis.choices:
            period = periods.get(case_type)
            self.fields[f"{case_type}_years"] = forms.IntegerField(
                label=_("Years"), required=False, min_value=0, max_value=100,
                initial=period.years if period else None,
            )
            self.fields[f"{case_type}_months"] = forms.IntegerField(
                label=_("Months"), required=False, min_value=0, max_value=11,
                initial=period.months if period else None,
            )
            self.case_types.append({
                "label": label, "years": self[f"{case_type}_years"],
                "months": self[f"{case_type}_months"], "period": period,
            })

    suggested_years = SUGGESTED_YEARS

    def periods(self) -> dict[str, tuple[int, int] | None]:
        result = {}
        for case_type in ResidenceBasis.values:
            years = self.cleaned_data.get(f"{case_type}_years")
            months = self.cleaned_data.get(f"{case_type}_months")
            result[case_type] = (None if years is None and months is None
                                 else (years or 0, months or 0))
        return result


class RetentionApproveForm(forms.Form):
    cases = forms.TypedMultipleChoiceField(
        label=_("Cases to anonymise"), coerce=int,
        error_messages={"required": _("Choose at least one case.")},
    )
    reason = forms.CharField(
        label=_("Reason for the approval"), max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example the rule of the municipality's retention plan that allows "
                    "discarding the cases (kassation)."),
        error_messages={"required": _("Give the reason for the approval.")},
    )

    def __init__(self, *args, due: Iterable[ClosedCase], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cases"].choices = [(case.case_id, case.reference) for case in due]
