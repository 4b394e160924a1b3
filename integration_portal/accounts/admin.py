from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import UserChangeForm, UserCreationForm
from django.utils.translation import gettext_lazy as _

from integration_portal.accounts.models import Municipality, User


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
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
