from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReceptionConfig(AppConfig):
    name = "reception"
    verbose_name = _("Reception")

    def ready(self) -> None:
        from integration_portal.accounts.permissions import Perm, Role
        from integration_portal.api.registry import register_api_viewset
        from integration_portal.core.navigation import register_nav_item, register_start_page
        from integration_portal.rules.hooks import on_rules_changed
        from reception.services import rules_changed_listener

        # A changed rule set moves the open deadlines of the cases it governs.
        on_rules_changed(rules_changed_listener)
        register_start_page(role=Role.CASEWORKER, url_name="reception:start")
        register_nav_item(label=_("My overview"), url_name="reception:start",
                          perm=Perm.WORK_ON_CASES, order=20, exact=True)
        register_nav_item(label=_("Cases"), url_name="reception:case_list",
                          perm=Perm.VIEW_CASES, order=21, section="/cases/")
        register_nav_item(label=_("Letters to print"), url_name="reception:letter_print_list",
                          perm=Perm.WORK_ON_CASES, order=22)
        register_nav_item(label=_("Audit log"), url_name="reception:case_audit",
                          perm=Perm.VIEW_AUDIT, order=85)

        from reception import api

        register_api_viewset("notices", api.NoticeViewSet, basename="notices")
        register_api_viewset("households", api.HouseholdViewSet, basename="households")
        register_api_viewset("persons", api.PersonViewSet, basename="persons")
        register_api_viewset("milestones", api.MilestoneViewSet, basename="milestones")

        from integration_portal.reports.registry import register_report_section
        from reception.reports import reception_report_section

        register_report_section(key="reception", build=reception_report_section, order=10)

        # Each app's sections of a person's data export (reception/personal_data.py).
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("personal_data")
