from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HousingConfig(AppConfig):
    name = "housing"
    verbose_name = _("Housing")

    def ready(self) -> None:
        from housing.kinds import PERMANENT_HOME, PERMANENT_HOME_LABEL
        from housing.reports import build as build_report_section
        from housing.sections import case_section_context
        from integration_portal.accounts.permissions import Perm
        from integration_portal.core.navigation import register_nav_item
        from integration_portal.reports.registry import register_report_section
        from integration_portal.rules.registry import register_milestone_kind
        from reception.case_sections import register_case_section

        # Managers read the stock and the quota, so the entry needs only VIEW_CASES.
        register_nav_item(label=_("Housing"), url_name="housing:start",
                          perm=Perm.VIEW_CASES, order=40)
        # Rules name it; reception computes, shows and reminds of it like any other kind.
        register_milestone_kind(PERMANENT_HOME, PERMANENT_HOME_LABEL)
        # The case page shows the case's temporary and permanent homes.
        register_case_section(template_name="housing/_case_housing.html",
                              context=case_section_context, order=20,
                              pdf_template_name="housing/pdf/_case_summary.html")
        # The managers' report (start page, PDF, CSV): arrivals against the quota, and homes.
        register_report_section(key="housing", build=build_report_section, order=40)

        from housing.api import HousingUnitViewSet, PlacementViewSet
        from integration_portal.api.registry import register_api_viewset

        register_api_viewset("housing-units", HousingUnitViewSet, basename="housing-units")
        register_api_viewset("placements", PlacementViewSet, basename="placements")
