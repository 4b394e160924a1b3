"""Forms of the IGU follow-up page: school weeks and interruptions."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from employment.forms.measures import RuleWarningsMixin
from employment.models import InterruptionReason, SchoolWeekStatus
from integration_portal.core.forms import DateInput


class SchoolWeekAddForm(forms.Form):
    week_starts_on = forms.DateField(
        label=_("Week"), widget=DateInput(),
        help_text=_("Any day of the week: the week is kept by its Monday."))
    school = forms.CharField(label=_("School or course"), max_length=150, required=False,
                             help_text=_('For example "AMU Vestsjælland, welding".'))


class SchoolWeekStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=SchoolWeekStatus.choices)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class InterruptionForm(RuleWarningsMixin, forms.Form):
    """Record an interruption; an extension the rule does not cover asks for a reason (the
    warning panel of `templates/employment/_rule_warnings.html`)."""

    reason = forms.ChoiceField(label=_("Reason"), choices=[
        ("", _("Choose the reason")), *InterruptionReason.choices])
    starts_on = forms.DateField(label=_("From"), widget=DateInput())
    ends_on = forms.DateField(label=_("To"), widget=DateInput())
    extend = forms.BooleanField(
        label=_("Extend the IGU by the length of the interruption"), required=False,
        help_text=_("The rule covers leave or illness longer than the limit above; any other "
                    "extension needs a reason."))
    note = forms.CharField(label=_("Note"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end is before the start."))
        return cleaned

    def service_values(self) -> dict:
        return {name: self.cleaned_data[name]
                for name in ("reason", "starts_on", "ends_on", "extend", "note")}
