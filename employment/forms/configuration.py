"""Forms of the employment configuration: a new version of the rules, and a kind of measure."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from employment.models import EmploymentRuleSet, MeasureType
from employment.services.configuration import MEASURE_TYPE_FIELDS, RULE_FIELDS
from integration_portal.core.forms import DateInput, ServiceModelForm
from integration_portal.rules.models import ResidenceBasis

# Hours are typed the local way ("24,5" in Danish).
HOURS_FIELDS = ("igu_min_hours_per_week", "max_hours_per_week")


class EmploymentRulesForm(ServiceModelForm):
    """A new version: prefilled with the values in force, and a date it is in force from."""

    igu_residence_bases = forms.MultipleChoiceField(
        label=_("IGU: residence bases"), choices=ResidenceBasis.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The residence bases that give access to IGU."),
    )

    class Meta:
        model = EmploymentRuleSet
        fields = ("effective_from", *RULE_FIELDS)
        localized_fields = HOURS_FIELDS
        widgets = {
            "effective_from": DateInput(),
            "igu_last_start_on": DateInput(),
            "note": forms.Textarea(attrs={"rows": 3}),
            **{name: forms.TextInput(attrs={"inputmode": "decimal"}) for name in HOURS_FIELDS},
        }
        help_texts = {
            "effective_from": _("The first day the new values apply. Measures are checked "
                                "against the rules in force on the day they start."),
            "note": _("Why the rules change, for example the decision or the law behind it."),
        }


class MeasureTypeForm(ServiceModelForm):
    class Meta:
        model = MeasureType
        fields = MEASURE_TYPE_FIELDS
        help_texts = {
            "category": _("Decides which rules a measure of this kind is checked against, and "
                          "what it counts as in the outcomes."),
            "position": _("Kinds are listed by position, then by name."),
            "is_active": _("Only offered kinds can be chosen for new measures; measures "
                           "already planned keep theirs."),
        }

    def __init__(self, *args, creating: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if creating:
            # A new kind is offered; it is taken off the list by editing it.
            del self.fields["is_active"]
