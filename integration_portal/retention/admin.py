from django.contrib import admin

from integration_portal.retention.models import RetentionDecision, RetentionPeriod


@admin.register(RetentionPeriod)
class RetentionPeriodAdmin(admin.ModelAdmin):
    list_display = ("municipality", "case_type", "years", "months", "changed_at", "changed_by")
    list_filter = ("municipality", "case_type")
    readonly_fields = ("changed_at", "changed_by")


@admin.register(RetentionDecision)
class RetentionDecisionAdmin(admin.ModelAdmin):
    """The log of approvals and anonymisations: read only, written by the service alone."""

    list_display = ("case_reference", "municipality", "status", "approved_by", "approved_at",
                    "finished_at")
    list_filter = ("municipality", "status")
    search_fields = ("case_reference",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
