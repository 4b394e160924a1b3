"""Administration of employment data.

The national employment rules and the national kinds of measure are the administrators' to
keep: a change in the law is a new rules version (an old one is never edited into the past),
and a new national offer is a new kind. Municipalities keep their own versions and kinds in
the portal. Employers, measures and Danish education are written through the portal's
services, which check the municipality and write the audit log: here they are read only.
"""

from django.contrib import admin

from employment.models import (
    DanishEducation,
    Employer,
    EmploymentRuleSet,
    Measure,
    MeasureType,
)
from integration_portal.core.admin import ReadOnlyAdmin


@admin.register(EmploymentRuleSet)
class EmploymentRuleSetAdmin(admin.ModelAdmin):
    list_display = ("__str__", "municipality", "effective_from", "legal_basis", "created_at")
    list_filter = ("municipality",)
    list_select_related = ("municipality",)
    readonly_fields = ("created_at", "created_by")

    def has_change_permission(self, request, obj=None):
        # A version in force explains the measures checked against it: add a new one.
        return obj is None and super().has_change_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(MeasureType)
class MeasureTypeAdmin(admin.ModelAdmin):
    list_display = ("name", "name_en", "category", "municipality", "is_active", "position")
    list_filter = ("category", "is_active", "municipality")
    list_select_related = ("municipality",)
    search_fields = ("name", "name_en", "code")

    def get_readonly_fields(self, request, obj=None):
        # Codes are stored with code that finds a kind by its category; never renamed.
        return ("code",) if obj is not None else ()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Employer)
class EmployerAdmin(ReadOnlyAdmin):
    list_display = ("name", "cvr", "municipality", "sector", "in_network", "is_active")
    list_filter = ("municipality", "sector", "in_network", "is_active")
    search_fields = ("name", "cvr")
    list_select_related = ("municipality",)


@admin.register(Measure)
class MeasureAdmin(ReadOnlyAdmin):
    # No names: the case reference is enough to find the case in the portal.
    list_display = ("pk", "measure_type", "household", "status", "starts_on", "ends_on")
    list_filter = ("status", "measure_type__category", "municipality")
    search_fields = ("household__reference",)
    list_select_related = ("measure_type", "household")
    fields = ("household", "measure_type", "status", "starts_on", "ends_on",
              "actual_starts_on", "actual_ends_on", "hours_per_week", "outcome")


@admin.register(DanishEducation)
class DanishEducationAdmin(ReadOnlyAdmin):
    list_display = ("pk", "provider", "track", "module", "status", "referred_on", "starts_on")
    list_filter = ("track", "status")
    fields = ("provider", "track", "module", "status", "referred_on", "starts_on", "ends_on",
              "hours_per_week")
