from django import forms

from integration_portal.accounts.models import Municipality
from integration_portal.accounts.services import EDITABLE_MUNICIPALITY_SETTINGS


class MunicipalitySettingsForm(forms.ModelForm):
    class Meta:
        model = Municipality
        fields = EDITABLE_MUNICIPALITY_SETTINGS
