"""Forms of the volunteer pages (task board, my tasks) and the staff page that posts a task.

Forms only parse input; the services decide what is allowed. This module must not import
reception: the volunteer-facing views use it.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from integration_portal.core.forms import DateInput
from integration_portal.core.forms import add_service_error as add_error_on_fields
from integration_portal.letters.languages import Language
from volunteers.models import EventKind, Organisation, TaskKind


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class BoardFilterForm(forms.Form):
    area = forms.CharField(label=_("Area"), max_length=100, required=False,
                           help_text=_("Town or postcode, for example 4330 or Hvalsø."))
    language = forms.ChoiceField(
        label=_("Language"), required=False,
        choices=[("", _("Any language")), *Language.choices],
    )
    date_from = forms.DateField(label=_("From date"), required=False, widget=DateInput())


class HoursForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    # Text, not a number field: the service reads "2,5" and "2.5" alike and explains a typo.
    hours = forms.CharField(label=_("Hours"), max_length=10,
                            help_text=_("For example 2.5"))
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def clean_hours(self) -> str:
        return self.cleaned_data["hours"].strip().replace(",", ".")


class CompleteForm(forms.Form):
    report_text = forms.CharField(
        label=_("Report"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What was done. No names, CPR numbers, phone numbers or e-mail addresses."),
    )
    found_language_internship = forms.BooleanField(
        label=_("Found a language internship (sprogpraktik)"), required=False,
    )
    employer_name = forms.CharField(label=_("Employer"), max_length=200, required=False,
                                    help_text=_("Only if a language internship was found."))


class TaskForm(forms.Form):
    kind = forms.ModelChoiceField(label=_("Kind"), queryset=TaskKind.objects.none())
    title = forms.CharField(label=_("Title"), max_length=150)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Volunteers read this. No names, CPR numbers, phone numbers or e-mail "
                    "addresses."),
    )
    area = forms.CharField(label=_("Area (town or postcode)"), max_length=100, required=False)
    starts_at = forms.DateTimeField(label=_("From"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("Until"), widget=DateTimeInput())
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=Language.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    involves_children_under_15 = forms.BooleanField(
        label=_("Involves children under 15"), required=False,
        help_text=_("Only volunteers with a child certificate (børneattest) can take it."),
    )
    estimated_hours = forms.DecimalField(label=_("Estimated hours"), required=False,
                                         min_value=0, max_digits=5, decimal_places=2)

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = TaskKind.objects.for_municipality(municipality)

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at < starts_at:
            self.add_error("ends_at", _("The task ends before it starts."))
        return cleaned


# The services name some fields after the model; the forms after what the user sees.
_SERVICE_FIELD_NAMES = {"text": "report_text", "terminated_on": "notice_on"}


def add_service_error(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, with the volunteers' field names."""
    add_error_on_fields(form, error, _SERVICE_FIELD_NAMES)


# Cooperation agreements (staff only).


class OrganisationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    parent_network = forms.CharField(
        label=_("Network"), max_length=200, required=False,
        help_text=_("For example Dansk Flygtningehjælps Frivillignet."),
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=150, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=30, required=False)


class AgreementForm(forms.Form):
    """The terms of an agreement; the organisation is chosen only when it is drawn up."""

    organisation = forms.ModelChoiceField(label=_("Organisation"),
                                          queryset=Organisation.objects.none())
    period_start = forms.DateField(label=_("In force from"), widget=DateInput())
    period_end = forms.DateField(
        label=_("Agreed end"), required=False, widget=DateInput(),
        help_text=_("Leave empty for an agreement that runs until notice is given."),
    )
    signed_on = forms.DateField(label=_("Signed on"), required=False, widget=DateInput(),
                                help_text=_("Leave empty while the agreement is a draft."))
    evaluation_due_on = forms.DateField(
        label=_("Next yearly evaluation"), required=False, widget=DateInput(),
        help_text=_("Leave empty for one year after signing (or after the last evaluation)."),
    )
    organisation_contacts = forms.CharField(
        label=_("The organisation's contact persons"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: name and role, for example the chair of the board."),
    )
    municipality_contacts = forms.CharField(
        label=_("The municipality's contact persons"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: name and role."),
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is None:
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = organisations

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The end is before the start."))
        return cleaned


class NoticeForm(forms.Form):
    notice_on = forms.DateField(label=_("Notice given on"), widget=DateInput())


class EvaluationForm(forms.Form):
    evaluated_on = forms.DateField(label=_("Evaluated on"), widget=DateInput())


class CommitmentForm(forms.Form):
    """One line of an agreement's checklist; the party is the formset's."""

    text = forms.CharField(label=_("Commitment"), widget=forms.Textarea(attrs={"rows": 4}))
    done = forms.BooleanField(label=_("Done"), required=False)

    def __init__(self, *args, max_length: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if max_length is not None:
            # The service's limit, passed in: this module must not import the services.
            self.fields["text"].max_length = max_length
            self.fields["text"].validators.append(MaxLengthValidator(max_length))
            self.fields["text"].widget.attrs["maxlength"] = str(max_length)


class BaseCommitmentFormSet(forms.BaseFormSet):
    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this commitment")


# One formset per party. A blank row adds a commitment; "Remove" deletes one.
CommitmentFormSet = forms.formset_factory(CommitmentForm, formset=BaseCommitmentFormSet,
                                          extra=1, can_delete=True, can_delete_extra=False)


def commitments_from_formset(formset: forms.BaseFormSet, party: str) -> list[dict]:
    """The rows of a valid formset that stay, as the service takes them."""
    return [
        {"party": party, "text": form.cleaned_data["text"], "done": form.cleaned_data["done"]}
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


# Events volunteers sign up for.


class EventForm(forms.Form):
    """Staff: an event. The model's checks run in the service and are shown on these fields."""

    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    title = forms.CharField(label=_("Title"), max_length=150)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Volunteers read this. No names, CPR numbers, phone numbers or e-mail "
                    "addresses."),
    )
    location = forms.CharField(label=_("Place"), max_length=200, required=False)
    starts_at = forms.DateTimeField(label=_("From"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("Until"), widget=DateTimeInput())
    repeats_weekly_until = forms.DateField(
        label=_("Repeats every week until"), required=False, widget=DateInput(),
        help_text=_("Leave empty for a single meeting. A weekly activity, such as the open "
                    "counselling (åben rådgivning), is one event that repeats."),
    )
    interpreter_needed = forms.BooleanField(label=_("Interpreter needed"), required=False)
    interpreter_languages = forms.MultipleChoiceField(
        label=_("Interpreter languages"), choices=Language.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    volunteers_wanted = forms.IntegerField(
        label=_("Volunteers wanted"), min_value=0, max_value=1000, initial=0,
        help_text=_("How many volunteers each meeting needs. 0 for no limit."),
    )


class OccurrenceForm(forms.Form):
    """Volunteer: which meeting (date) of an event to sign up for or withdraw from."""

    occurs_on = forms.DateField(widget=forms.HiddenInput)


# Invitations and profiles.


def split_list(text: str) -> list[str]:
    """One entry per line or comma, stripped, without blanks: "4330, Hvalsø\n4000" -> 3."""
    return [part.strip() for line in text.splitlines() for part in line.split(",")
            if part.strip()]


def _organisation_choices(municipality) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=_("Organisation"), required=False,
        queryset=Organisation.objects.in_municipality(municipality).order_by("name", "pk"),
        empty_label=_("None (the municipality's own volunteer)"),
        help_text=_("The volunteer organisation the volunteer comes through."),
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"), max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "off"}),
                             help_text=_("The invitation with a personal link is sent here."))
    full_name = forms.CharField(label=_("Name"), max_length=150,
                                widget=forms.TextInput(attrs={"autocomplete": "off"}))

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"] = _organisation_choices(municipality)


class InvitationAcceptForm(forms.Form):
    full_name = forms.CharField(label=_("Your full name"), max_length=150,
                                widget=forms.TextInput(attrs={"autocomplete": "name"}))
    password = forms.CharField(
        label=_("Choose a password"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_repeat = forms.CharField(
        label=_("Repeat the password"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        self.fields["password"].help_text = " ".join(
            str(text) for text in password_validation.password_validators_help_texts())

    def clean(self):
        cleaned = super().clean()
        password, repeat = cleaned.get("password"), cleaned.get("password_repeat")
        if password and repeat and password != repeat:
            self.add_error("password_repeat", _("The two passwords are not the same."))
        elif password:
            # The user as they will be, so that a password like the name is refused.
            user = get_user_model()(email=self.email, full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(password, user)
            except ValidationError as error:
                self.add_error("password", error)
        return cleaned


class VolunteerProfileForm(forms.Form):
    languages = forms.MultipleChoiceField(
        label=_("Languages I speak"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=[(code, label) for code, label in Language.choices if code != Language.OTHER],
    )
    other_languages = forms.CharField(
        label=_("Other languages"), required=False, max_length=300,
        help_text=_("Separated by commas, for example Turkish, Urdu."),
    )
    areas = forms.CharField(
        label=_("Where I can help"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Towns or postcodes, one per line or separated by commas, for example "
                    "4330 Hvalsø."),
    )
    availability = forms.CharField(
        label=_("When I am available"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example weekday afternoons or Saturdays."),
    )
    skills = forms.CharField(
        label=_("What I am good at"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example cycling lessons, homework help or putting up furniture."),
    )

    @staticmethod
    def initial_for(profile) -> dict:
        codes = set(Language.values) - {Language.OTHER}
        return {
            "languages": [code for code in profile.languages if code in codes],
            "other_languages": ", ".join(code for code in profile.languages
                                         if code not in codes),
            "areas": "\n".join(profile.areas),
            "availability": profile.availability,
            "skills": profile.skills,
        }

    def service_arguments(self) -> dict:
        """What the profile service takes: one language list, the areas as a list."""
        data = self.cleaned_data
        return {
            "languages": [*data["languages"], *split_list(data["other_languages"])],
            "areas": split_list(data["areas"]),
            "availability": data["availability"],
            "skills": data["skills"],
        }


class VettingForm(forms.Form):
    agreement_signed_on = forms.DateField(
        label=_("Volunteer agreement signed (Frivillignet)"), required=False,
        widget=DateInput(),
    )
    boerneattest_obtained_on = forms.DateField(
        label=_("Child certificate (børneattest) obtained"), required=False,
        widget=DateInput(),
        help_text=_("Only the date and whether it gave no concerns are recorded: write "
                    "nothing else about the certificate anywhere in the portal."),
    )
    boerneattest_no_concerns = forms.BooleanField(
        label=_("The child certificate gave no concerns"), required=False,
    )
    courses = forms.CharField(
        label=_("Courses"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}), help_text=_("One course per line."),
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"] = _organisation_choices(municipality)

    @staticmethod
    def initial_for(profile) -> dict:
        return {
            "agreement_signed_on": profile.agreement_signed_on,
            "boerneattest_obtained_on": profile.boerneattest_obtained_on,
            "boerneattest_no_concerns": profile.boerneattest_no_concerns,
            "courses": "\n".join(profile.courses),
            "organisation": profile.organisation_id,
        }

    def clean_courses(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["courses"].splitlines()
                if line.strip()]
