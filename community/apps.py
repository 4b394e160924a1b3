from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Associations and community")

    def ready(self) -> None:
        from community.sections import case_section_context
        from integration_portal.accounts.permissions import Perm
        from integration_portal.core.navigation import register_nav_item
        from reception.case_sections import register_case_section

        register_nav_item(label=_("Associations and community"), url_name="community:start",
                          perm=Perm.VIEW_CASES, order=45)
        # The case page lists the members' consents and referrals (two queries).
        register_case_section(template_name="community/_case_community.html",
                              context=case_section_context, order=25)
        # The managers' report (start page, PDF, CSV).
        from community.reports import build as build_report_section
        from integration_portal.reports.registry import register_report_section

        register_report_section(key="community", build=build_report_section, order=47)
