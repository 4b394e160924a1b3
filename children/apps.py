from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChildrenConfig(AppConfig):
    name = "children"
    verbose_name = _("Children and young people")

    def ready(self) -> None:
        from children.kinds import CHILDREN_KINDS
        from children.sections import case_section_context
        from integration_portal.accounts.permissions import Perm
        from integration_portal.core.navigation import register_nav_item
        from integration_portal.rules.registry import register_milestone_kind
        from reception.case_sections import register_case_section

        # Staff read the institution registry; the children themselves are on their cases.
        register_nav_item(label=_("Children and young people"),
                          url_name="children:institution_list", perm=Perm.VIEW_CASES,
                          order=45, section="/children/")
        # Rules name them (local targets, counted from arrival and filtered by age);
        # reception computes, shows and reminds of them like any other kind.
        for code, label in CHILDREN_KINDS:
            register_milestone_kind(code, label)
        # The case page lists the household's children with their places.
        register_case_section(template_name="children/_case_children.html",
                              context=case_section_context, order=25)
        # The personal data export and the retention anonymiser register themselves when
        # reception and retention autodiscover these modules.

        # The managers' report (start page, PDF, CSV).
        from children.reports import build as build_report_section
        from integration_portal.reports.registry import register_report_section

        register_report_section(key="children", build=build_report_section, order=45)
