"""Read-only administration of case records.

Personal data is written only through the portal's services, which check the municipality
and write the audit log; the admin shows no persons or journal notes at all, and cases only
by reference and status. Administrators keep the one operation they need here: running the
reminder scan now.
"""

from django.contrib import admin

from integration_portal.core.admin import ReadOnlyAdmin
from reception.admin_actions import run_reminder_scan_now
from reception.models import ArrivalNotice, Household, Milestone


@admin.register(Household)
class HouseholdAdmin(ReadOnlyAdmin):
    list_display = ("reference", "municipality", "status", "caseworker", "arrival_date")
    list_filter = ("municipality", "status")
    search_fields = ("reference",)
    list_select_related = ("municipality", "caseworker")
    fields = ("reference", "municipality", "status", "caseworker", "expected_arrival_date",
              "arrival_date", "created_at")


@admin.register(ArrivalNotice)
class ArrivalNoticeAdmin(ReadOnlyAdmin):
    list_display = ("expected_arrival_date", "municipality", "residence_basis", "source")
    list_filter = ("municipality", "source", "residence_basis")
    list_select_related = ("municipality",)


@admin.register(Milestone)
class MilestoneAdmin(ReadOnlyAdmin):
    list_display = ("kind", "household", "due_date", "done_on", "is_local")
    list_filter = ("kind", "is_local", "household__municipality")
    search_fields = ("household__reference",)
    list_select_related = ("household",)
    fields = ("household", "kind", "due_date", "done_on", "is_local", "basis")
    # "On demand from admin": the daily reminder scan, now. Actions need a change or view
    # permission only for listing; the action itself writes nothing.
    actions = [run_reminder_scan_now]
