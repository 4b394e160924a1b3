"""Forms of the community pages. They parse input; the services decide."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.models import (
    OPEN_STATUSES,
    AgeGroup,
    Association,
    AssociationKind,
    RecordedHow,
    ReferralStatus,
    SharedItem,
)
from community.services import ASSOCIATION_FIELDS
from integration_portal.core.forms import DateInput, ServiceModelForm
from integration_portal.letters.languages import Language


class AssociationFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("All kinds")), *AssociationKind.choices])
    language = forms.ChoiceField(label=_("Language"), required=False,
                                 choices=[("", _("All languages")), *Language.choices])
    age_group = forms.ChoiceField(label=_("Age group"), required=False,
                                  choices=[("", _("All ages")), *AgeGroup.choices])
    welcomes_newcomers = forms.BooleanField(label=_("Only those that welcome newcomers"),
                                            required=False)


class AssociationForm(ServiceModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"), choices=Language.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    age_groups = forms.MultipleChoiceField(
        label=_("Age groups"), choices=AgeGroup.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Association
        fields = ASSOCIATION_FIELDS
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class ConsentForm(forms.Form):
    person = forms.TypedChoiceField(label=_("Whose consent"), coerce=int)
    items = forms.MultipleChoiceField(
        label=_("What the association may be told"), choices=SharedItem.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For a child (under 18) only an age group and languages."),
    )
    given_on = forms.DateField(label=_("Given on"), widget=DateInput())
    recorded_how = forms.ChoiceField(label=_("How it was given"), choices=RecordedHow.choices,
                                     widget=forms.RadioSelect)
    given_by = forms.TypedChoiceField(
        label=_("Given by (for a child: the guardian)"), coerce=int, required=False,
        empty_value=None)
    guardian_relationship = forms.CharField(
        label=_("Guardian's relationship to the child"), max_length=60, required=False,
        help_text=_("For example mother, father or appointed guardian."))
    note = forms.CharField(label=_("Note"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, persons, person_pk: int | None = None, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("given_on", timezone.localdate())
        if person_pk:
            kwargs["initial"].setdefault("person", person_pk)
        super().__init__(*args, **kwargs)
        self.persons = {person.pk: person for person in persons}
        choices = [(person.pk, f"{person.full_name} ({person.get_relation_display()})")
                   for person in persons]
        self.fields["person"].choices = choices
        self.fields["given_by"].choices = [("", _("The person themself")), *choices]

    def clean_person(self):
        return self.persons[self.cleaned_data["person"]]

    def clean_given_by(self):
        pk = self.cleaned_data.get("given_by")
        return self.persons.get(pk) if pk else None


class WithdrawForm(forms.Form):
    withdrawn_on = forms.DateField(label=_("Withdrawn on"), widget=DateInput())
    reason = forms.CharField(label=_("Reason (as the person gave it)"), required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))


class ReferralForm(forms.Form):
    person = forms.TypedChoiceField(label=_("Who is referred"), coerce=int)
    association = forms.TypedChoiceField(label=_("Association"), coerce=int)
    interests = forms.CharField(
        label=_("Interests and wishes"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Sent to the association only if the consent covers it. No health data."))
    follow_up_on = forms.DateField(label=_("Follow up on"), required=False, widget=DateInput(),
                                   help_text=_("Empty: four weeks from today."))

    def __init__(self, *args, persons, associations, **kwargs):
        super().__init__(*args, **kwargs)
        self.persons = {person.pk: person for person in persons}
        self.associations = {association.pk: association for association in associations}
        self.fields["person"].choices = [
            (person.pk, f"{person.full_name} ({person.get_relation_display()})")
            for person in persons]
        self.fields["association"].choices = [
            (association.pk, f"{association.name} – {association.get_kind_display()}"
             + (f", {association.area}" if association.area else ""))
            for association in associations]

    def clean_person(self):
        return self.persons[self.cleaned_data["person"]]

    def clean_association(self):
        return self.associations[self.cleaned_data["association"]]


class FollowUpForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ReferralStatus.choices,
                               widget=forms.RadioSelect)
    outcome_note = forms.CharField(label=_("Outcome"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 3}))
    follow_up_on = forms.DateField(
        label=_("Next follow-up"), required=False, widget=DateInput(),
        help_text=_("Needed while the referral is open (referred or contacted)."))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") in OPEN_STATUSES and not cleaned.get("follow_up_on"):
            self.add_error("follow_up_on", _(
                "Give the date of the next follow-up, or close the referral."))
        return cleaned
