from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RetentionConfig(AppConfig):
    name = "integration_portal.retention"
    label = "retention"
    verbose_name = _("Retention")

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        from integration_portal.accounts.permissions import Perm
        from integration_portal.core.navigation import register_nav_item

        # Each business app's `retention` module registers its closed cases or anonymiser.
        autodiscover_modules("retention")
        register_nav_item(label=_("Retention"), url_name="retention:due",
                          perm=Perm.MANAGE_MUNICIPALITY, order=88)
