"""Forms of the children pages. They parse input; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from children.models import (
    ChildPlacement,
    ChildrenSettings,
    Institution,
    InstitutionKind,
    LanguageAssessment,
    YouthGuidance,
)
from children.services import (
    ASSESSMENT_FIELDS,
    GUIDANCE_FIELDS,
    INSTITUTION_FIELDS,
    PLACEMENT_FIELDS,
)
from integration_portal.core.forms import DateInput, ServiceModelForm


class InstitutionFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("All kinds")), *InstitutionKind.choices])
    strategy = forms.ChoiceField(label=_("Integration strategy"), required=False, choices=[
        ("", _("All")), ("yes", _("Has a strategy")), ("no", _("Has no strategy"))])
    include_inactive = forms.BooleanField(label=_("Include inactive institutions"),
                                          required=False)


class InstitutionForm(ServiceModelForm):
    class Meta:
        model = Institution
        fields = INSTITUTION_FIELDS
        widgets = {
            "strategy": forms.Textarea(attrs={"rows": 6}),
            "strategy_adopted_on": DateInput(),
            "strategy_reviewed_on": DateInput(),
        }


class PlacementForm(ServiceModelForm):
    class Meta:
        model = ChildPlacement
        fields = PLACEMENT_FIELDS
        widgets = {
            "status": forms.RadioSelect,
            "requested_on": DateInput(),
            "offered_on": DateInput(),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, institutions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = institutions
        self.fields["kind"].required = False
        self.fields["kind"].choices = [("", _("As the institution")), *InstitutionKind.choices]
        self.fields["kind"].help_text = _(
            "For example a reception class (modtageklasse) at a school.")


class AssessmentForm(ServiceModelForm):
    class Meta:
        model = LanguageAssessment
        fields = ASSESSMENT_FIELDS
        widgets = {
            "assessed_on": DateInput(),
            "next_assessment_on": DateInput(),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, results: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(name, name) for name in results]
        current = self.instance.result if self.instance.pk else ""
        if current and current not in results:
            choices.append((current, current))  # a category since retired stays readable
        self.fields["result"] = forms.ChoiceField(
            label=_("Result"), choices=[("", "---------"), *choices],
            help_text=_("As the municipality records it."))


class GuidanceForm(ServiceModelForm):
    class Meta:
        model = YouthGuidance
        fields = GUIDANCE_FIELDS
        widgets = {
            "first_meeting_on": DateInput(),
            "plan_date": DateInput(),
            "education_plan": forms.Textarea(attrs={"rows": 5}),
            "status": forms.RadioSelect,
        }


class SettingsForm(ServiceModelForm):
    results_text = forms.CharField(
        label=_("Language assessment results"), widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The result categories the municipality records, one per line."))

    class Meta:
        model = ChildrenSettings
        fields = ("youth_guidance_label", "youth_guidance_custom_label")
        widgets = {"youth_guidance_label": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["results_text"] = "\n".join(self.instance.results)

    def settings_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "youth_guidance_label": data["youth_guidance_label"],
            "youth_guidance_custom_label": data["youth_guidance_custom_label"],
            "assessment_results": data["results_text"].splitlines(),
        }
