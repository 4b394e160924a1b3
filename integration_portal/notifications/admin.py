from django.contrib import admin

from integration_portal.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Read-only: notifications are written by the scans and the e-mail sender alone."""

    list_display = (
        "created_at", "municipality", "recipient", "stage", "title", "read_at", "email_status",
        "email_attempts", "emailed_at",
    )
    list_filter = ("municipality", "stage", "email_status")
    search_fields = ("subject_key", "recipient__email")
    list_select_related = ("municipality", "recipient")
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
