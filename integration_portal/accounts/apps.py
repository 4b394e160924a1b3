from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "integration_portal.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_migrate

        from integration_portal.accounts.middleware import remember_mfa_passed

        user_logged_in.connect(remember_mfa_passed, dispatch_uid="accounts.remember_mfa_passed")
        post_migrate.connect(_create_cache_table, sender=self,
                             dispatch_uid="accounts.create_cache_table")


def _create_cache_table(sender, using: str = "default", **kwargs) -> None:
    # The shared cache table (sign-in counters, see settings.CACHES) is not a model, so no
    # migration makes it; `migrate` does, on every install and upgrade. Idempotent.
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)
