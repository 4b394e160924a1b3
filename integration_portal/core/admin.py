from django.contrib import admin

from integration_portal.core.models import WorkerHeartbeat


class ReadOnlyAdmin(admin.ModelAdmin):
    """For records written only through services (which scope and audit): list, never edit."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(admin.ModelAdmin):
    list_display = ("name", "beat_at", "hostname")
