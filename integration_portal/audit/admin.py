from django.contrib import admin

from integration_portal.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("at", "municipality", "actor", "action", "object_type", "object_id", "summary")
    list_filter = ("municipality", "action", "object_type")
    search_fields = ("trail", "object_id")
    list_select_related = ("municipality", "actor")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
