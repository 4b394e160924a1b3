from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from integration_portal.rules.hooks import rules_changed
from integration_portal.rules.models import Rule, RuleSet


class RuleInline(admin.TabularInline):
    model = Rule
    extra = 0
    fields = (
        "milestone_kind", "anchor", "offset_amount", "offset_unit", "roll_to_working_day",
        "applies_to_residence_bases", "min_age", "max_age", "is_local", "legal_basis",
        "confidence", "note",
    )


@admin.register(RuleSet)
class RuleSetAdmin(admin.ModelAdmin):
    inlines = [RuleInline]
    list_display = ("name", "owner", "effective_from", "rule_count", "created_at")
    # The municipality filter offers "-" (empty) for the national default.
    list_filter = ("municipality", "effective_from")
    list_select_related = ("municipality",)
    search_fields = ("name", "note", "municipality__name")
    date_hierarchy = "effective_from"
    readonly_fields = ("created_at",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(number_of_rules=Count("rules"))

    def save_related(self, request, form, formsets, change):
        # The rules are saved with the inline formset, after the rule set itself.
        super().save_related(request, form, formsets, change)
        rules_changed(municipality_id=form.instance.municipality_id)

    def delete_model(self, request, obj):
        municipality_id = obj.municipality_id
        super().delete_model(request, obj)
        rules_changed(municipality_id=municipality_id)

    @admin.display(description=_("municipality"), ordering="municipality__name")
    def owner(self, obj: RuleSet) -> str:
        return obj.municipality.name if obj.municipality_id else _("National default")

    @admin.display(description=_("rules"), ordering="number_of_rules")
    def rule_count(self, obj: RuleSet) -> int:
        return obj.number_of_rules


@admin.register(Rule)
class RuleAdmin(admin.ModelAdmin):
    list_display = (
        "milestone_kind", "rule_set", "anchor", "offset_amount", "offset_unit", "is_local",
        "legal_basis", "confidence",
    )
    list_filter = (
        "milestone_kind", "anchor", "offset_unit", "is_local", "confidence",
        "rule_set__municipality",
    )
    list_select_related = ("rule_set__municipality",)
    search_fields = ("legal_basis", "note", "rule_set__name")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        rules_changed(municipality_id=obj.rule_set.municipality_id)

    def delete_model(self, request, obj):
        municipality_id = obj.rule_set.municipality_id
        super().delete_model(request, obj)
        rules_changed(municipality_id=municipality_id)
