from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "integration_portal.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from integration_portal.accounts.permissions import Perm
        from integration_portal.core.navigation import register_nav_item

        register_nav_item(label=_("PDF reports"), url_name="reports:pdf_list",
                          perm=Perm.VIEW_REPORTS, order=20)
