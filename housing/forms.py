"""Forms of the housing pages. They parse input; the services decide."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from housing.models import (
    HousingUnit,
    Place,
    PlaceKind,
    PlacementGuideline,
    PrivateHost,
    QuotaCategory,
    ServiceFrameItem,
    UnitKind,
)
from housing.services.configuration import FRAME_FIELDS, GUIDELINE_FIELDS
from housing.services.stock import HOST_FIELDS, PLACE_FIELDS, UNIT_FIELDS
from integration_portal.core.forms import DateInput, ServiceModelForm
from integration_portal.letters.languages import Language

# Coordinates and amounts are typed the local way ("55,6012" in Danish).
LOCALIZED = ("latitude", "longitude", "rent_dkk")


class UnitForm(ServiceModelForm):
    class Meta:
        model = HousingUnit
        fields = UNIT_FIELDS
        localized_fields = LOCALIZED
        widgets = {
            "available_from": DateInput(),
            "available_until": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "latitude": forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
            "longitude": forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
            "rent_dkk": forms.TextInput(attrs={"inputmode": "decimal"}),
        }

    def __init__(self, *args, municipality_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["private_host"].queryset = PrivateHost.objects.in_municipality(
            municipality_id).order_by("name")
        self.fields["private_host"].help_text = _("Only when the landlord is a private host.")



class HostForm(ServiceModelForm):
    class Meta:
        model = PrivateHost
        fields = HOST_FIELDS
        widgets = {
            "agreement_signed_on": DateInput(),
            "agreement_ends_on": DateInput(),
            "note": forms.Textarea(attrs={"rows": 3}),
        }


class PlaceForm(ServiceModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=Language.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For a community: the languages it gathers people around. None: everyone."),
    )

    class Meta:
        model = Place
        fields = PLACE_FIELDS
        localized_fields = ("latitude", "longitude")
        widgets = {
            "note": forms.Textarea(attrs={"rows": 2}),
            "latitude": forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
            "longitude": forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        }

    def __init__(self, *args, households, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["household"]
        field.queryset = households
        field.label_from_instance = lambda household: household.reference
        field.label = _("Case")


class GuidelineForm(ServiceModelForm):
    class Meta:
        model = PlacementGuideline
        fields = GUIDELINE_FIELDS
        localized_fields = ("good_distance_km", "max_distance_km")
        widgets = {
            "note": forms.Textarea(attrs={"rows": 3}),
            "good_distance_km": forms.TextInput(attrs={"inputmode": "decimal"}),
            "max_distance_km": forms.TextInput(attrs={"inputmode": "decimal"}),
        }


class ServiceFrameItemForm(ServiceModelForm):
    class Meta:
        model = ServiceFrameItem
        fields = FRAME_FIELDS


class QuotaForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    category = forms.ChoiceField(label=_("Category"), choices=QuotaCategory.choices)
    persons = forms.IntegerField(label=_("Persons"), min_value=0, max_value=100000,
                                 help_text=_("The number the municipality is to receive."))
    note = forms.CharField(label=_("Note"), max_length=300, required=False,
                           help_text=_("For example the KKR decision it comes from."))


class UnitFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100,
                        help_text=_("Address, town, postcode or area."))
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("All kinds")), *UnitKind.choices])
    town = forms.ChoiceField(label=_("Town"), required=False)
    min_rooms = forms.IntegerField(label=_("At least rooms"), required=False, min_value=1,
                                   max_value=20)
    min_capacity = forms.IntegerField(label=_("At least persons"), required=False, min_value=1,
                                      max_value=50)
    available_on = forms.DateField(label=_("Available on"), required=False, widget=DateInput())
    deprived = forms.ChoiceField(label=_("Deprived area"), required=False, choices=[
        ("", _("All areas")), ("no", _("Not in a deprived area")),
        ("yes", _("In a deprived area")),
    ])
    step_free = forms.BooleanField(label=_("Step-free only"), required=False)

    def __init__(self, *args, towns: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["town"].choices = [("", _("All towns"))] + [(town, town) for town in towns]


class PlaceFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("All kinds")), *PlaceKind.choices])


class MatchForm(forms.Form):
    """What to search for: the kind of home and the period."""

    kind = forms.ChoiceField(label=_("Kind of home"), widget=forms.RadioSelect, choices=[
        ("temporary", _("Temporary housing")), ("permanent", _("Permanent home")),
    ])
    starts_on = forms.DateField(label=_("Move-in"), widget=DateInput())
    ends_on = forms.DateField(label=_("Move-out"), required=False, widget=DateInput(),
                              help_text=_("Leave empty for a stay until further notice."))

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The move-out cannot be before the move-in."))
        return cleaned


class ReserveForm(MatchForm):
    unit = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class MoveInForm(forms.Form):
    moved_in_on = forms.DateField(label=_("Moved in on"), widget=DateInput())


class MoveOutForm(forms.Form):
    moved_out_on = forms.DateField(label=_("Moved out on"), widget=DateInput())


class MovingHelpForm(forms.Form):
    """A moving-help task for volunteers: what, when and where — never who."""

    title = forms.CharField(label=_("Title"), max_length=150)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Volunteers read this. Describe the help, not the people: no names, CPR "
                    "numbers, phone numbers, e-mail addresses or addresses."),
    )
    day = forms.DateField(label=_("Day"), widget=DateInput())
    start_time = forms.TimeField(label=_("From"), widget=forms.TimeInput(
        attrs={"type": "time"}, format="%H:%M"))
    hours = forms.DecimalField(label=_("Hours"), min_value=Decimal("0.5"),
                               max_value=Decimal("12"), decimal_places=1, localize=True,
                               widget=forms.TextInput(attrs={"inputmode": "decimal"}))
    languages = forms.MultipleChoiceField(
        label=_("Languages that help"), choices=Language.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    involves_children_under_15 = forms.BooleanField(
        label=_("Contact with children under 15"), required=False,
        help_text=_("Only volunteers with a child certificate (børneattest) can take it."),
    )

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day < timezone.localdate():
            raise ValidationError(_("The day cannot be in the past."))
        return day

    def task_times(self) -> tuple[datetime.datetime, datetime.datetime]:
        data = self.cleaned_data
        starts = timezone.make_aware(datetime.datetime.combine(data["day"], data["start_time"]))
        return starts, starts + datetime.timedelta(hours=float(data["hours"]))
