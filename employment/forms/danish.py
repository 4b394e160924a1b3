"""Forms of the Danish education pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from employment.models import (
    DanishEducation,
    DanishEducationStatus,
    DanishTestResult,
    DanishTrack,
)
from employment.services.danish import EDUCATION_FIELDS
from integration_portal.core.forms import DateInput, ServiceModelForm

# The <datalist> of the language centres already used (rendered by the page).
PROVIDERS_DATALIST_ID = "danish-providers"
CREATE_FIELDS = ("provider", "track", "module", "referred_on", "starts_on", "hours_per_week",
                 "note")


class DanishEducationForm(ServiceModelForm):
    """The referral and, if it was held, the first lesson; with `instance`, every field."""

    class Meta:
        model = DanishEducation
        fields = EDUCATION_FIELDS
        localized_fields = ("hours_per_week",)
        widgets = {
            "provider": forms.TextInput(attrs={"list": PROVIDERS_DATALIST_ID,
                                               "autocomplete": "off"}),
            "referred_on": DateInput(),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "hours_per_week": forms.TextInput(attrs={"inputmode": "decimal"}),
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "provider": _("The language centre. Choose one already used, or type a new name."),
            "track": _("DU1 for persons who cannot read or write, DU2 for short schooling, "
                       "DU3 for long schooling."),
            "referred_on": _("The day the referral was sent. Not a date ahead."),
            "starts_on": _("The first lesson held. Leave empty until then."),
            "hours_per_week": _("Lessons and the person's measures together count towards the "
                                "work duty's hours a week. For example 9 or 12.5"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            # A new education is a referral: its status follows from the first lesson, and
            # it has no end yet.
            for name in set(self.fields) - set(CREATE_FIELDS):
                del self.fields[name]
        else:
            self.fields["ends_on"].help_text = _(
                "The last day, when the education is completed or stopped.")

    def clean(self):
        cleaned = super().clean()
        referred_on, starts_on = cleaned.get("referred_on"), cleaned.get("starts_on")
        if referred_on and starts_on and starts_on < referred_on:
            self.add_error("starts_on", _("The start is before the referral."))
        return cleaned


class DanishFilterForm(forms.Form):
    track = forms.ChoiceField(label=_("Track"), required=False,
                              choices=[("", _("All tracks")), *DanishTrack.choices])
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("All statuses")), *DanishEducationStatus.choices])
    provider = forms.ChoiceField(label=_("Language centre"), required=False)

    def __init__(self, *args, providers: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].choices = [("", _("All language centres"))] + [
            (provider, provider) for provider in providers]


class DanishTestForm(ServiceModelForm):
    class Meta:
        model = DanishTestResult
        fields = ("test", "module", "passed_on", "grade")
        widgets = {"passed_on": DateInput()}
        help_texts = {
            "module": _("For a module test: the module it ends."),
            "grade": _("As on the certificate, for example 7 or 10."),
        }
