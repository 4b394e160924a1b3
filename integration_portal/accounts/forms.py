from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from integration_portal.accounts.logos import logo_check
from integration_portal.accounts.models import Municipality
from integration_portal.accounts.services import EDITABLE_MUNICIPALITY_SETTINGS


class _CurrentLogo:
    """The stored logo as the file widget shows it: a link to the access-checked view
    (uploaded files are not served from a public URL)."""

    url = property(lambda self: reverse("accounts:municipality_logo"))

    def __str__(self) -> str:
        return str(_("the current logo"))


class LogoInput(forms.ClearableFileInput):
    def format_value(self, value):
        return _CurrentLogo() if value else None


class MunicipalitySettingsForm(forms.ModelForm):
    logo = forms.FileField(
        label=_("Logo"), required=False,
        help_text=_("PNG or JPEG, at most 1 MB. It is shown on the PDF reports."),
        widget=LogoInput(attrs={"accept": "image/png,image/jpeg"}),
    )

    class Meta:
        model = Municipality
        fields = EDITABLE_MUNICIPALITY_SETTINGS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["logo"].initial = self.instance.logo or None

    def clean_logo(self):
        # Unchanged, the field holds the stored logo; False when "remove" was ticked.
        logo = self.cleaned_data["logo"]
        if isinstance(logo, UploadedFile):
            logo_check(logo)
        return logo

    @property
    def new_logo(self) -> UploadedFile | None:
        logo = self.cleaned_data.get("logo")
        return logo if isinstance(logo, UploadedFile) else None

    @property
    def remove_logo(self) -> bool:
        return self.cleaned_data.get("logo") is False

    def settings(self) -> dict:
        return {name: self.cleaned_data[name] for name in EDITABLE_MUNICIPALITY_SETTINGS}
