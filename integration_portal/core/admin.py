from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from integration_portal.core.models import OutboxMessage, WorkerHeartbeat


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


class OutboxStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("unsent", _("Not sent")), ("sent", _("Sent"))]

    def queryset(self, request, queryset):
        if self.value() == "unsent":
            return queryset.filter(sent_at__isnull=True)
        if self.value() == "sent":
            return queryset.filter(sent_at__isnull=False)
        return queryset


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ReadOnlyAdmin):
    """What waits for the broker; `manage.py relay_outbox` sends it."""

    list_display = ("id", "task_name", "args", "created_at", "sent_at", "attempts", "last_error")
    list_filter = (OutboxStateFilter, "task_name")
    ordering = ("-id",)
