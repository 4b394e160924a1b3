"""Forms of the employer register. They parse input; the services decide what is allowed."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from employment.models import Employer, Opening, OpeningKind, Sector
from employment.services.employers import EMPLOYER_FIELDS, OPENING_FIELDS
from integration_portal.core.forms import DateInput, ServiceModelForm
from integration_portal.letters.languages import Language

# Danish is spoken at every workplace; the form asks for the languages besides it.
WORKPLACE_LANGUAGES = [(code, label) for code, label in Language.choices
                       if code != Language.DANISH]


class EmployerForm(ServiceModelForm):
    # Longer than the stored 8 digits: "DK 29 18 98 46" copied from an invoice is accepted,
    # and the service keeps the digits.
    cvr = forms.CharField(label=_("CVR number"), max_length=20,
                          help_text=_("8 digits, for example 29189846."),
                          widget=forms.TextInput(attrs={"inputmode": "numeric",
                                                        "autocomplete": "off"}))

    class Meta:
        model = Employer
        fields = EMPLOYER_FIELDS
        widgets = {
            "network_joined_on": DateInput(),
            "note": forms.Textarea(attrs={"rows": 3}),
            "postcode": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        }
        help_texts = {
            "network_joined_on": _("Only for a member of the network."),
        }


class OpeningForm(ServiceModelForm):
    # The limit is the model's too; the form says it in words a caseworker recognises.
    hours_per_week = forms.DecimalField(
        label=_("Hours a week"), localize=True, max_digits=4, decimal_places=1,
        min_value=Decimal(1), max_value=Decimal(37),
        error_messages={
            "max_value": _("An opening has at most 37 hours a week, the full work duty."),
            "min_value": _("Enter at least 1 hour a week."),
        },
        help_text=_("For example 15 or 22.5"),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages at the workplace"), choices=WORKPLACE_LANGUAGES, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Languages spoken at the workplace besides Danish."),
    )

    class Meta:
        model = Opening
        fields = tuple(name for name in OPENING_FIELDS if name != "status")
        widgets = {
            "available_from": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
        }


class OpeningEditForm(OpeningForm):
    """A saved opening also has its status: open, filled or closed."""

    class Meta(OpeningForm.Meta):
        fields = OPENING_FIELDS


class EmployerFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100,
                        help_text=_("Name or CVR number."))
    sector = forms.ChoiceField(label=_("Sector"), required=False,
                               choices=[("", _("All sectors")), *Sector.choices])
    in_network = forms.BooleanField(label=_("Only members of the employer network"),
                                    required=False)


class OpeningFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("All kinds")), *OpeningKind.choices])
    language = forms.ChoiceField(label=_("Language at the workplace"), required=False,
                                 choices=[("", _("Any language")), *WORKPLACE_LANGUAGES])
