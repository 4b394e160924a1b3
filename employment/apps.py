from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmploymentConfig(AppConfig):
    name = "employment"
    verbose_name = _("Employment")

    def ready(self) -> None:
        from integration_portal.accounts.permissions import Perm
        from integration_portal.core.navigation import register_nav_item

        register_nav_item(label=_("Employment"), url_name="employment:start",
                          perm=Perm.VIEW_CASES, order=30)

        from employment import receivers
        from employment.anchors import igu_anchors
        from employment.kinds import EMPLOYMENT_KINDS
        from employment.selectors.measures import household_employment
        from integration_portal.rules.hooks import register_anchor_provider
        from integration_portal.rules.registry import register_milestone_kind
        from reception.case_sections import register_case_section
        from volunteers.signals import internship_found

        for code, label in EMPLOYMENT_KINDS:
            register_milestone_kind(code, label)
        register_anchor_provider(igu_anchors)
        # A volunteer's "internship found" report becomes an item in the job centre's queue.
        internship_found.connect(receivers.on_internship_found,
                                 dispatch_uid="employment.internship_found")
        register_case_section(
            template_name="employment/_case_employment.html",
            context=lambda request, household: household_employment(
                viewer=request.user, household=household),
            order=20,
            pdf_template_name="employment/pdf/_case_summary.html",
        )

        from employment.api import MeasureViewSet
        from integration_portal.api.registry import register_api_viewset

        register_api_viewset("measures", MeasureViewSet, basename="measures")

        from employment.reports import employment_report_section
        from integration_portal.reports.registry import register_report_section

        register_report_section(key="employment", build=employment_report_section, order=50)
