from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HousingConfig(AppConfig):
    name = "housing"
    verbose_name = _("Housing")

    def ready(self) -> None:
        from housing.kinds import PERMANENT_HOME, PERMANENT_HOME_LABEL
        from housing.sections import case_section_context, manager_section_context
        from integration_portal.accounts.permissions import Perm
        from integration_portal.core.manager_home import register_manager_section
        from integration_portal.core.navigation import register_nav_item
        from integration_portal.rules.registry import register_milestone_kind
        from reception.case_sections import register_case_section

        # Managers read the stock and the quota, so the entry needs only VIEW_CASES.
        register_nav_item(label=_("Housing"), url_name="housing:start",
                          perm=Perm.VIEW_CASES, order=40)
        # Rules name it; reception computes, shows and reminds of it like any other kind.
        register_milestone_kind(PERMANENT_HOME, PERMANENT_HOME_LABEL)
        # The case page shows the case's temporary and permanent homes.
        register_case_section(template_name="housing/_case_housing.html",
                              context=case_section_context, order=20)
        # The managers' start page shows the year's quota and how much of it is received.
        register_manager_section(template_name="housing/_manager_quota.html",
                                 context=manager_section_context, order=20)
