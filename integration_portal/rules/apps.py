from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RulesConfig(AppConfig):
    name = "integration_portal.rules"
    label = "rules"
    verbose_name = _("Rules")

    def ready(self) -> None:
        from integration_portal.rules.kinds import register_reception_kinds

        # The national default rule set (seeded by migration) uses these kinds, so the rules
        # package registers them itself; housing, employment, … register theirs in ready().
        register_reception_kinds()
