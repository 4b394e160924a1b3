from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from integration_portal.core.forms import DateInput
from integration_portal.letters.languages import Language
from integration_portal.rules.cpr import CprFormField, parse_cpr
from integration_portal.rules.models import ResidenceBasis
from reception.models import (
    ArrivalNotice,
    DocumentType,
    HouseholdStatus,
    NeedFlag,
    Person,
)
from reception.services import (
    NOTICE_FIELDS,
    PERSON_FIELDS,
    STATUS_TRANSITIONS,
    document_upload_check,
)


class NoticeForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=Language.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    need_flags = forms.MultipleChoiceField(
        label=_("Special needs"), choices=NeedFlag.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Coarse flags only. Details go on the person once the decision arrives."),
    )

    class Meta:
        model = ArrivalNotice
        fields = NOTICE_FIELDS
        widgets = {
            "received_on": DateInput(),
            "expected_arrival_date": DateInput(),
            "placement_decision_date": DateInput(),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        cleaned = super().clean()
        received, expected = cleaned.get("received_on"), cleaned.get("expected_arrival_date")
        if received and expected and expected < received:
            self.add_error("expected_arrival_date",
                           _("The expected arrival cannot be before the notice was received."))
        if cleaned.get("adults", 0) + sum(
            cleaned.get(f, 0) or 0 for f in ("children_0_5", "children_6_14", "children_15_17")
        ) == 0:
            self.add_error("adults", _("A household has at least one person."))
        return cleaned


class PersonForm(forms.ModelForm):
    cpr = CprFormField(label=_("CPR number"), required=False,
                       help_text=_("DDMMYY-SSSS. Numbers without the modulus 11 check are valid."))
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=Language.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    confirm_duplicate_cpr = forms.BooleanField(
        label=_("Register this CPR number anyway"), required=False,
    )
    remove_cpr = forms.BooleanField(label=_("Remove the CPR number"), required=False)

    class Meta:
        model = Person
        fields = PERSON_FIELDS
        widgets = {
            "birth_date": DateInput(),
            "cpr_registration_date": DateInput(),
            "digital_post_exempt_until": DateInput(),
            "needs_note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["birth_date"].required = False
        self.fields["birth_date"].help_text = _("Filled in from the CPR number when left empty.")
        # The saved number is never put back in the form: showing it would be a reveal.
        if self.instance.cpr_masked:
            self.fields["cpr"].help_text = format_lazy(
                _("Saved as {masked}. Leave it empty to keep the saved number."),
                masked=self.instance.cpr_masked)
            order = [name for name in self.fields if name != "remove_cpr"]
            order.insert(order.index("cpr") + 1, "remove_cpr")
            self.order_fields(order)
        else:
            del self.fields["remove_cpr"]

    def clean(self):
        cleaned = super().clean()
        cpr, birth_date = cleaned.get("cpr"), cleaned.get("birth_date")
        if cpr:
            cpr_birth_date = parse_cpr(cpr).birth_date
            if birth_date is None:
                cleaned["birth_date"] = cpr_birth_date
            elif birth_date != cpr_birth_date:
                self.add_error("birth_date",
                               _("The date of birth does not match the CPR number."))
        elif birth_date is None and "birth_date" not in self.errors:
            self.add_error("birth_date", _("Enter the date of birth or a CPR number."))
        if birth_date and birth_date > timezone.localdate():
            self.add_error("birth_date", _("The date of birth cannot be in the future."))
        if cleaned.get("interpreter_needed") and not cleaned.get("interpreter_language"):
            self.add_error("interpreter_language", _("Choose the language to interpret."))
        return cleaned

    def service_fields(self) -> dict:
        fields = {name: self.cleaned_data[name] for name in PERSON_FIELDS}
        if self.instance.cpr_masked and not fields["cpr"]:
            if self.cleaned_data.get("remove_cpr"):
                fields["cpr"] = ""
            else:
                del fields["cpr"]  # left empty: keep the saved number
        return fields


class HouseholdDatesForm(forms.Form):
    expected_arrival_date = forms.DateField(label=_("Expected arrival"), required=False,
                                           widget=DateInput())
    placement_decision_date = forms.DateField(label=_("Date of the placement decision"),
                                              required=False, widget=DateInput())
    address = forms.CharField(label=_("Address"), max_length=200, required=False)


class ArrivalForm(forms.Form):
    arrival_date = forms.DateField(label=_("Arrival date"), widget=DateInput(),
                                   initial=timezone.localdate)


class StatusForm(forms.Form):
    """The statuses a case can move to from `current` (arrival has its own form)."""

    status = forms.ChoiceField(label=_("New status"))

    def __init__(self, *args, current: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (status.value, status.label)
            for status in HouseholdStatus
            if status in STATUS_TRANSITIONS[current] and status != HouseholdStatus.ARRIVED
        ]


class AssignForm(forms.Form):
    caseworker = forms.ModelChoiceField(label=_("Caseworker"), queryset=None, required=False,
                                        empty_label=_("No caseworker"))

    def __init__(self, *args, caseworkers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["caseworker"].queryset = caseworkers


class MilestoneDoneForm(forms.Form):
    done_on = forms.DateField(label=_("Done on"), widget=DateInput(), initial=timezone.localdate)
    note = forms.CharField(label=_("Note"), required=False, max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 2}))


class JournalNoteForm(forms.Form):
    text = forms.CharField(label=_("New journal note"), max_length=10_000,
                           widget=forms.Textarea(attrs={"rows": 4}))


class DocumentForm(forms.Form):
    document_type = forms.ChoiceField(label=_("Type"), choices=DocumentType.choices)
    person = forms.ModelChoiceField(label=_("Person"), queryset=None, required=False,
                                    empty_label=_("The whole household"))
    file = forms.FileField(label=_("File"), help_text=_("PDF, PNG or JPEG, at most 10 MB."))

    def __init__(self, *args, persons, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = persons

    def clean_file(self):
        # By content, whatever the name or the browser says it is; the service checks again.
        upload = self.cleaned_data["file"]
        try:
            document_upload_check(upload)
        except ValidationError as error:
            raise ValidationError(error.message_dict["file"]) from None
        return upload


class TakeoverOverrideForm(forms.Form):
    takeover_date = forms.DateField(label=_("Takeover date"), required=False, widget=DateInput(),
                                    help_text=_("Leave empty to use the computed date."))
    reason = forms.CharField(label=_("Reason"), required=False, max_length=300)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("takeover_date") and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give a reason for setting the takeover date by hand."))
        return cleaned


class CaseSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100,
                        help_text=_("Name, CPR number or case reference"))
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("All")), *HouseholdStatus.choices])
    caseworker = forms.ChoiceField(
        label=_("Caseworker"), required=False,
        choices=[("", _("Everyone's")), ("me", _("Mine")), ("none", _("Unassigned"))],
    )
    residence_basis = forms.ChoiceField(
        label=_("Residence basis"), required=False,
        choices=[("", _("All")), *ResidenceBasis.choices],
    )
