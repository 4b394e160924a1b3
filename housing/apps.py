from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HousingConfig(AppConfig):
    name = "housing"
    verbose_name = _("Housing")

    def ready(self) -> None:
        from integration_portal.accounts.permissions import Perm
        from integration_portal.core.navigation import register_nav_item

        register_nav_item(label=_("Housing"), url_name="housing:start",
                          perm=Perm.WORK_ON_CASES, order=40)
