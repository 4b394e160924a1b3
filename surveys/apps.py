from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Evaluation surveys")

    def ready(self) -> None:
        from integration_portal.accounts.permissions import Perm
        from integration_portal.core.navigation import register_nav_item

        # Managers build, send and read the yearly evaluation survey.
        register_nav_item(label=_("Evaluation surveys"), url_name="surveys:list",
                          perm=Perm.MANAGE_MUNICIPALITY, order=84)
