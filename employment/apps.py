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
