from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    name = "volunteers"
    verbose_name = _("Volunteers")

    def ready(self) -> None:
        from integration_portal.accounts.permissions import Perm, Role
        from integration_portal.core.navigation import register_nav_item, register_start_page

        register_start_page(role=Role.VOLUNTEER, url_name="volunteers:board")
        register_start_page(role=Role.VOLUNTEER_COORDINATOR, url_name="volunteers:coordination")
        register_nav_item(label=_("Tasks"), url_name="volunteers:board",
                          perm=Perm.VOLUNTEER_TASKS, order=20)
        register_nav_item(label=_("My tasks"), url_name="volunteers:my_tasks",
                          perm=Perm.VOLUNTEER_TASKS, order=21)
        register_nav_item(label=_("Meetings"), url_name="volunteers:events",
                          perm=Perm.VOLUNTEER_TASKS, order=22)
        register_nav_item(label=_("My profile"), url_name="volunteers:profile",
                          perm=Perm.VOLUNTEER_TASKS, order=23)
        register_nav_item(label=_("Volunteers"), url_name="volunteers:coordination",
                          perm=Perm.COORDINATE_VOLUNTEERS, order=50)
        register_nav_item(label=_("Volunteer meetings"), url_name="volunteers:staff_events",
                          perm=Perm.COORDINATE_VOLUNTEERS, order=51)
        register_nav_item(label=_("Cooperation agreements"),
                          url_name="volunteers:agreement_list",
                          perm=(Perm.COORDINATE_VOLUNTEERS, Perm.VIEW_REPORTS), order=52)

        from integration_portal.api.registry import register_api_viewset
        from integration_portal.reports.registry import register_report_section
        from reception.case_sections import register_case_section
        from volunteers.api import VolunteerTaskViewSet
        from volunteers.reports import build as build_report_section
        from volunteers.selectors import tasks_for_household

        register_api_viewset("volunteer-tasks", VolunteerTaskViewSet, basename="volunteer-tasks")

        # The staff side of the privacy wall: the case page lists the case's tasks.
        register_case_section(
            template_name="volunteers/_case_tasks.html",
            context=lambda request, household: {
                "tasks": tasks_for_household(viewer=request.user, household=household)
            },
            order=10,
            pdf_template_name="volunteers/pdf/_case_summary.html",
        )
        # The managers' report (start page, PDF, CSV): volunteers and tasks, aggregates only.
        register_report_section(key="volunteers", build=build_report_section, order=30)
