"""Administration of the volunteer set-up: organisations, agreements and task kinds.

Volunteers, tasks and hours are written through the portal's services (which check the
municipality and the child-certificate rules), so the admin only lists them — and never shows
a task's link to a case.
"""

from django.contrib import admin

from integration_portal.core.admin import ReadOnlyAdmin
from volunteers.models import (
    CooperationAgreement,
    Organisation,
    Task,
    TaskKind,
    VolunteerProfile,
)


class CooperationAgreementInline(admin.StackedInline):
    model = CooperationAgreement
    extra = 0
    fields = ("period_start", "period_end", "signed_on", "municipality_contacts",
              "organisation_contacts", "commitments", "evaluation_due_on", "terminated_on")


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "municipality", "parent_network", "contact_name")
    list_filter = ("municipality",)
    search_fields = ("name",)
    list_select_related = ("municipality",)
    inlines = [CooperationAgreementInline]


@admin.register(TaskKind)
class TaskKindAdmin(admin.ModelAdmin):
    list_display = ("label", "code", "municipality", "involves_children_default")
    list_filter = ("municipality",)
    list_select_related = ("municipality",)


@admin.register(VolunteerProfile)
class VolunteerProfileAdmin(ReadOnlyAdmin):
    list_display = ("user", "status", "agreement_signed_on", "boerneattest_obtained_on")
    list_filter = ("status", "user__municipality")
    list_select_related = ("user",)
    fields = ("user", "organisation", "status", "agreement_signed_on",
              "boerneattest_obtained_on", "boerneattest_no_concerns", "approved_by",
              "approved_at")


@admin.register(Task)
class TaskAdmin(ReadOnlyAdmin):
    list_display = ("title", "municipality", "kind", "status", "starts_at")
    list_filter = ("municipality", "status", "kind")
    list_select_related = ("municipality", "kind")
    fields = ("title", "municipality", "kind", "area", "starts_at", "ends_at", "status",
              "claimed_by", "claimed_at")
