from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmploymentConfig(AppConfig):
    name = "employment"
    verbose_name = _("Employment")

    def ready(self) -> None:
        from integration_portal.accounts.permissions import Perm
        from integration_portal.core.navigation import register_nav_item

        register_nav_item(label=_("Employment"), url_name="employment:start",
                          perm=Perm.WORK_ON_CASES, order=30)

        from employment import receivers
        from employment.selectors import household_employment
        from reception.case_sections import register_case_section
        from volunteers.signals import internship_found

        # A volunteer's "internship found" report becomes an item in the job centre's queue.
        internship_found.connect(receivers.on_internship_found,
                                 dispatch_uid="employment.internship_found")
        register_case_section(
            template_name="employment/_case_employment.html",
            context=lambda request, household: household_employment(
                viewer=request.user, household=household),
            order=20,
        )
