from django.contrib import admin

from reception.admin_actions import run_reminder_scan_now
from reception.models import ArrivalNotice, Household, JournalNote, Milestone, Person


class PersonInline(admin.TabularInline):
    model = Person
    fields = ("relation", "first_name", "last_name", "birth_date", "residence_basis")
    extra = 0
    show_change_link = True


@admin.register(Household)
class HouseholdAdmin(admin.ModelAdmin):
    list_display = ("reference", "municipality", "status", "caseworker", "arrival_date")
    list_filter = ("municipality", "status")
    search_fields = ("reference",)
    list_select_related = ("municipality", "caseworker")
    raw_id_fields = ("caseworker", "status_changed_by", "notice")
    inlines = [PersonInline]


@admin.register(ArrivalNotice)
class ArrivalNoticeAdmin(admin.ModelAdmin):
    list_display = ("expected_arrival_date", "municipality", "residence_basis", "source")
    list_filter = ("municipality", "source", "residence_basis")
    list_select_related = ("municipality",)


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("__str__", "household", "relation", "residence_basis")
    list_filter = ("residence_basis", "household__municipality")
    search_fields = ("household__reference",)
    list_select_related = ("household",)
    raw_id_fields = ("household",)


@admin.register(Milestone)
class MilestoneAdmin(admin.ModelAdmin):
    list_display = ("kind", "household", "person", "due_date", "done_on", "is_local")
    list_filter = ("kind", "is_local", "household__municipality")
    search_fields = ("household__reference",)
    list_select_related = ("household", "person")
    raw_id_fields = ("household", "person", "done_by", "rule")
    # "On demand from admin": the daily reminder scan, now.
    actions = [run_reminder_scan_now]


@admin.register(JournalNote)
class JournalNoteAdmin(admin.ModelAdmin):
    list_display = ("household", "author", "created_at")
    list_select_related = ("household", "author")
    raw_id_fields = ("household", "author")
