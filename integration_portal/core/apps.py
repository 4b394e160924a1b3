from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "integration_portal.core"
    label = "core"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from integration_portal.accounts.permissions import Perm, Role
        from integration_portal.core import security  # noqa: F401  (stamps sessions at login)
        from integration_portal.core.navigation import register_nav_item, register_start_page

        register_start_page(role=Role.MANAGER, url_name="manager_home")
        register_nav_item(label=_("Overview"), url_name="manager_home",
                          perm=Perm.VIEW_REPORTS, order=10)
        register_nav_item(label=_("Staff"), url_name="accounts:staff",
                          perm=Perm.VIEW_STAFF, order=80)
        register_nav_item(label=_("Settings"), url_name="accounts:municipality_settings",
                          perm=Perm.MANAGE_MUNICIPALITY, order=90)
