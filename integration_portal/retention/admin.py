from django.contrib import admin

from integration_portal.retention.models import RetentionDecision, RetentionPeriod


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shown for reading only: written by the retention services alone, which audit-log."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(RetentionPeriod)
class RetentionPeriodAdmin(ReadOnlyAdmin):
    """Managers set the periods on their retention page, where each change is audit-logged."""

    list_display = ("municipality", "case_type", "years", "months", "changed_at", "changed_by")
    list_filter = ("municipality", "case_type")


@admin.register(RetentionDecision)
class RetentionDecisionAdmin(ReadOnlyAdmin):
    """The log of approvals and anonymisations."""

    list_display = ("case_reference", "municipality", "status", "approved_by", "approved_at",
                    "finished_at")
    list_filter = ("municipality", "status")
    search_fields = ("case_reference",)
