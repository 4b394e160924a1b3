from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import UserChangeForm, UserCreationForm
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from integration_portal.accounts.logos import logo_check
from integration_portal.accounts.models import Municipality, User


class MunicipalityAdminForm(forms.ModelForm):
    class Meta:
        model = Municipality
        fields = "__all__"  # noqa: DJ007  (the admin shows every field, as without a form)

    def clean_logo(self):
        # The same check as the settings page, and a name the server chooses.
        logo = self.cleaned_data["logo"]
        if isinstance(logo, UploadedFile):
            logo.name = f"{self.cleaned_data.get('slug') or 'logo'}{logo_check(logo)}"
        return logo


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    form = MunicipalityAdminForm
    list_display = ("name", "code", "mfa_required", "contact_email")
    search_fields = ("name", "code")
    prepopulated_fields = {"slug": ("name",)}


class PortalUserCreationForm(UserCreationForm):
    class Meta:
        model = User
        fields = ("email", "full_name", "municipality")


class PortalUserChangeForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = PortalUserChangeForm
    add_form = PortalUserCreationForm
    ordering = ("municipality__name", "full_name")
    list_display = (
        "email", "full_name", "municipality", "is_caseworker", "is_volunteer_coordinator",
        "is_manager", "is_volunteer", "is_active",
    )
    list_filter = ("municipality", "is_caseworker", "is_manager", "is_volunteer", "is_active")
    list_select_related = ("municipality",)
    search_fields = ("email", "full_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("full_name", "municipality")}),
        (_("Portal roles"), {
            "fields": ("is_caseworker", "is_volunteer_coordinator", "is_manager", "is_volunteer"),
        }),
        (_("Administration"), {
            "fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions"),
        }),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {
            "classes": ("wide",),
            "fields": ("email", "full_name", "municipality", "password1", "password2"),
        }),
    )
